import Foundation
import Testing

/// poppler-utils (`pdfinfo`, `pdftotext`, `pdffonts`) run on a rendered booklet.
struct PDFTools {
    let pdf: URL

    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(program) \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// `Pages:` of pdfinfo.
    func pageCount() throws -> Int {
        let info = try Self.run("pdfinfo", [pdf.path])
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    /// Width and height of the first page in points.
    func pageSize() throws -> (width: Double, height: Double) {
        let info = try Self.run("pdfinfo", [pdf.path])
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count >= 2)
        return (numbers[0], numbers[1])
    }

    /// The text of one page (1-based), or of all with `nil`; whitespace removed, since
    /// Japanese has none and pdftotext adds some where lines wrap.
    func text(page: Int? = nil) throws -> String {
        var arguments: [String] = []
        if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
        return try Self.run("pdftotext", arguments + [pdf.path, "-"]).filter { !$0.isWhitespace }
    }

    /// Lines as pdftotext writes them, for the contents and the index.
    func lines(page: Int) throws -> [String] {
        try Self.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).split(separator: "\n").map(String.init)
    }

    /// `name ........ 12` lines: the label and the page number after the dotted leader.
    func leaderLines(page: Int) throws -> [(label: String, page: Int)] {
        let regex = try NSRegularExpression(pattern: #"^(.+?)\s*\.{3,}\s*(\d+)$"#)
        return try lines(page: page).compactMap { line in
            guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                let label = Range(match.range(at: 1), in: line), let number = Range(match.range(at: 2), in: line)
            else { return nil }
            return (String(line[label]), Int(line[number])!)
        }
    }

    /// Rows of `pdffonts`: (name, embedded).
    func fonts() throws -> [(name: String, embedded: Bool)] {
        let rows = try Self.run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
        return rows.map { row in
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type… encoding emb sub uni object ID: emb is the 5th column from the end.
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// What `scripts/booklet-pdf-facts.py` (pikepdf and pdfua, in WeasyPrint's venv) reads
    /// from the PDF: tags, language, title, figure texts, output intents, page boxes, and
    /// pdfua's report.
    func facts(python: URL, repository: URL) throws -> [String: Any] {
        let script = repository.appendingPathComponent("scripts/booklet-pdf-facts.py").path
        let process = Process()
        process.executableURL = python
        process.arguments = [script, pdf.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "booklet-pdf-facts.py failed: are pikepdf and pdfua installed (scripts/install-weasyprint.sh)?")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every QR code on every page (pdftoppm at 200 dpi, then zbarimg from Debian zbar-tools),
    /// as decoded text, one element per code found.
    func decodedQRCodes(in folder: URL) throws -> [String] {
        let prefix = folder.appendingPathComponent("qr-page").path
        _ = try Self.run("pdftoppm", ["-png", "-r", "200", pdf.path, prefix])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("qr-page") && $0.hasSuffix(".png") }.sorted()
        var decoded: [String] = []
        for page in pages {
            // zbarimg exits 4 when a page holds no code; read what it printed either way.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", folder.appendingPathComponent(page).path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try #require([0, 4].contains(process.terminationStatus), "zbarimg failed: is zbar-tools installed?")
            decoded += text.split(separator: "\n").map(String.init)
        }
        return decoded
    }
}
