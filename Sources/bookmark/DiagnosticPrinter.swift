import BookmarkLoader
import BookmarkModel
import BookmarkSite
import Foundation

/// Prints diagnostics as text for people, GitHub workflow commands, or JSON lines.
struct DiagnosticPrinter: Sendable {
    let format: DiagnosticFormat
    /// The content folder as the user named it, so paths in GitHub annotations are repo paths.
    let contentPath: String
    let contentURL: URL
    let useColour: Bool

    init(format: DiagnosticFormat, contentPath: String, contentURL: URL) {
        self.format = format
        self.contentPath = contentPath
        self.contentURL = contentURL
        self.useColour = format == .text && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func print(_ diagnostics: [Diagnostic]) {
        var out = ""
        var sources: [String: SourceText] = [:]
        for diagnostic in diagnostics {
            switch format {
            case .json: out += json(diagnostic) + "\n"
            case .github: out += github(diagnostic) + "\n"
            case .text:
                if sources[diagnostic.file] == nil, let source = readSource(diagnostic.file) {
                    sources[diagnostic.file] = source
                }
                out += text(diagnostic, source: sources[diagnostic.file]) + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// `entries/a.md:3:8: エラー[phone-invalid] …`, the line, a caret, and the hint.
    func text(_ d: Diagnostic, source: SourceText?) -> String {
        let label = d.severity.japaneseLabel + "[\(d.code.rawValue)]"
        let colouredLabel = useColour ? (d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + label + "\u{1B}[0m" : label
        var lines = ["\(displayPath(d.file)):\(d.line):\(d.column): \(colouredLabel) \(d.message)"]
        if d.line > 0, let line = source?.line(d.line), line.count <= 400 {
            let number = String(d.line)
            let gutter = String(repeating: " ", count: number.count)
            let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(d.column - 1, 0))))
            let caretPad = String(repeating: " ", count: Self.displayWidth(prefix))
            lines.append(" \(number) | \(line)")
            lines.append(" \(gutter) | \(caretPad)^")
        }
        if let hint = d.hint { lines.append("  ヒント: \(hint)") }
        return lines.joined(separator: "\n")
    }

    func github(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : "warning"
        let properties = [
            "file=" + Self.escapeProperty(repoPath(d.file)),
            "line=\(max(d.line, 1))",
            "col=\(max(d.column, 1))",
            "title=" + Self.escapeProperty(d.code.rawValue),
        ].joined(separator: ",")
        let message = d.message + (d.hint.map { "（ヒント: \($0)）" } ?? "")
        return "::\(command) \(properties)::" + Self.escapeData(message)
    }

    func json(_ d: Diagnostic) -> String {
        let fields: [(String, String)] = [
            ("file", JSONText.quoted(d.file)),
            ("line", String(d.line)),
            ("column", String(d.column)),
            ("severity", JSONText.quoted(d.severity.rawValue)),
            ("code", JSONText.quoted(d.code.rawValue)),
            ("message", JSONText.quoted(d.message)),
            ("hint", d.hint.map(JSONText.quoted) ?? "null"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func displayPath(_ file: String) -> String { repoPath(file) }

    private func repoPath(_ file: String) -> String {
        let base = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
        return base.isEmpty || base == "." ? file : base + "/" + file
    }

    private func readSource(_ file: String) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: contentURL.appendingPathComponent(file).path),
            case .success(let source) = SourceDecoder.decode(Array(data), file: file)
        else { return nil }
        return source
    }

    /// Terminal columns: East Asian wide characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            default:
                width + 1
            }
        }
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// `エラー 2 件、警告 1 件` on standard error, for people.
func printSummary(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
    guard format == .text else { return }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let line = errors == 0 && warnings == 0 ? "問題は見つかりませんでした。" : "エラー \(errors) 件、警告 \(warnings) 件。"
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func printMessage(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
