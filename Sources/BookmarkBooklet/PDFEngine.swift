import Foundation

/// WeasyPrint, run as a separate program: HTML with CSS paged media in, PDF out.
///
/// Found in this order: the `BOOKMARK_WEASYPRINT` environment variable, then
/// `.venv-weasyprint/bin/weasyprint` under the current folder (what
/// `scripts/install-weasyprint.sh` makes), then `weasyprint` on `PATH`. The environment and
/// folder are passed in, so nothing here reads them behind the caller's back.
///
/// A PDF is made by `bookmark-render` (`scripts/booklet-render.py`) beside that
/// `weasyprint`, in the same virtual environment: WeasyPrint's own program cannot make the
/// page count a multiple of four, which needs the laid-out pages.
public struct PDFEngine: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case missing(searched: [String])
        case failed(program: String, status: Int32, message: String)

        public var description: String {
            switch self {
            case .missing(let searched):
                "PDF を作るための WeasyPrint が見つかりません（探した場所: \(searched.joined(separator: "、"))）。"
                    + "リポジトリのフォルダで scripts/install-weasyprint.sh を実行してインストールしてください。"
                    + "別の場所にある場合は、環境変数 BOOKMARK_WEASYPRINT にそのパスを指定してください。"
            case let .failed(program, status, message):
                "\(program) が失敗しました（終了コード \(status)）。\(message.isEmpty ? "" : "\n\(message)\n")"
                    + "scripts/install-weasyprint.sh を実行して WeasyPrint とフォントを入れ直してください。"
            }
        }
    }

    public static let environmentKey = "BOOKMARK_WEASYPRINT"
    public static let venvFolder = ".venv-weasyprint"

    public static let rendererName = "bookmark-render"

    public let executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// `bookmark-render` beside `weasyprint`.
    public var renderer: URL {
        executable.deletingLastPathComponent().appendingPathComponent(Self.rendererName)
    }

    /// Finds WeasyPrint; throws `.missing` with every place it looked.
    public static func locate(environment: [String: String], currentFolder: URL) throws -> PDFEngine {
        var searched: [String] = []
        if let configured = environment[environmentKey], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured, relativeTo: currentFolder).standardizedFileURL
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                throw Failure.missing(searched: ["\(environmentKey)=\(configured)"])
            }
            return PDFEngine(executable: url)
        }
        let venv = currentFolder.appendingPathComponent("\(venvFolder)/bin/weasyprint")
        searched.append(venv.path)
        if FileManager.default.isExecutableFile(atPath: venv.path) { return PDFEngine(executable: venv) }
        if let found = Self.onPath("weasyprint", environment: environment) { return PDFEngine(executable: found) }
        searched.append("PATH")
        throw Failure.missing(searched: searched)
    }

    static func onPath(_ name: String, environment: [String: String]) -> URL? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Renders `html` to the PDF at `pdf` as the `variant` copy: tagged PDF/UA-1 for the
    /// web, PDF/X-4 for the print shop, a plain PDF for imposition; every copy has a page
    /// count that is a multiple of four. The HTML is written next to the PDF first, since
    /// WeasyPrint reads a file faster than a pipe and its errors then name a real path.
    public func render(html: String, to pdf: URL, variant: BookletVariant) throws {
        guard FileManager.default.isExecutableFile(atPath: renderer.path) else {
            throw Failure.missing(searched: [renderer.path])
        }
        let source = pdf.deletingPathExtension().appendingPathExtension("html")
        try Data(html.utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        try Self.run(renderer, ["--copy", variant.rawValue, source.path, pdf.path])
    }

    /// Renders `html` to the PDF at `pdf` with WeasyPrint itself: a plain PDF, as it comes
    /// (for documents that are not booklets, such as `bookmark confirm`'s letters).
    public func render(html: String, to pdf: URL) throws {
        let source = pdf.deletingPathExtension().appendingPathExtension("html")
        try Data(html.utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        // A fixed identifier keeps two renders of the same HTML byte-identical.
        try Self.run(
            executable,
            ["--quiet", "--encoding", "utf-8", "--pdf-identifier", "bookmark", "--allowed-protocols", "file,data",
             source.path, pdf.path])
    }

    /// Runs a program, collecting standard error for the failure message.
    static func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.failed(program: executable.path, status: -1, message: "\(error)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure.failed(
                program: executable.lastPathComponent, status: process.terminationStatus,
                message: String(text.suffix(2000)))
        }
    }
}
