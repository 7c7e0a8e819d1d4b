import Foundation

/// RFC 4180 CSV as Japanese spreadsheet users open it.
///
/// - UTF-8 with a byte order mark: Excel in Japan reads a file without one as Shift_JIS and
///   shows garbage; LibreOffice, Python's `utf-8-sig` and R read the mark fine.
/// - CRLF line ends; a field is quoted when it holds `,`, `"`, CR or LF (or starts or ends with
///   a space), and `"` is doubled inside quotes.
/// - A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet
///   never runs it as a formula (CSV injection). No field the site writes starts that way
///   legitimately: phones start with a digit or `#`, ages are split into numbers.
enum CSVText {
    static let byteOrderMark = "\u{FEFF}"

    static func document(_ rows: [[String]]) -> String {
        byteOrderMark + rows.map(line).joined()
    }

    /// One record with its CRLF.
    static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(line: fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(field: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `line` into a byte buffer.
    static func append(line fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field: field, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// `field` into a byte buffer, in one pass over the bytes and without a String per field:
    /// every field of every entry passes here. Bytes, not Characters: Foundation's search
    /// misses a quote that a combining mark follows, and such a quote would end the field early.
    static func append(field value: String, to bytes: inout [UInt8]) {
        var text = value
        text.withUTF8 { utf8 in
            // The formula starters are ASCII, so the first byte tells as well as the first scalar.
            let guarded = utf8.first.map { formulaStarts.contains($0) } ?? false
            // A guarded field starts with `'`, never with a space.
            let needsQuotes =
                utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                || (!guarded && utf8.first == 0x20) || utf8.last == 0x20
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
            if guarded { bytes.append(UInt8(ascii: "'")) }
            if needsQuotes {
                // Runs up to each quote copied at once, the quote doubled: bodies are quoted
                // for their line breaks, and byte-by-byte appends were most of the CSV's time.
                var runStart = 0
                for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...index]))
                    bytes.append(UInt8(ascii: "\""))
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// First bytes that make a spreadsheet read a field as a formula: `=`, `+`, `-`, `@`, tab, CR.
    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)
}
