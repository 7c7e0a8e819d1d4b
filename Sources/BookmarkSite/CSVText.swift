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
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        // Bytes, not Characters: every field of every entry passes here.
        let needsQuotes =
            text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        // Doubled by bytes too: Foundation's search misses a quote that a combining mark follows,
        // and such a quote would end the field early.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
