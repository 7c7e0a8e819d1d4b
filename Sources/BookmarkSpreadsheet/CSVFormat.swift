import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CSV as spreadsheets save it (RFC 4180): read as UTF-8 with or without a BOM, or as
/// Shift_JIS/CP932 (what Excel saves as 「CSV (コンマ区切り)」 on Japanese Windows); written
/// as UTF-8 with a BOM (so Excel opens it as UTF-8) and CRLF between records.
public enum CSVFormat {
    public static func read(_ bytes: [UInt8], name: String) throws -> Sheet {
        Sheet(name: name, rows: parse(try decode(bytes)).map { $0.map { Cell($0) } })
    }

    /// The text of the file: UTF-8 (a BOM is dropped), else CP932.
    public static func decode(_ bytes: [UInt8]) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        if let text = cp932(Array(body)) { return text }
        throw SheetFileError("CSV の文字コードが読めません。UTF-8 か Shift_JIS で保存してください。")
    }

    /// CP932 (Microsoft's Shift_JIS, with the NEC and IBM extensions: ①, ㈱, ～) through iconv.
    static func cp932(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "CP932")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 4)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return false }
                outBuffer[outBuffer.count - outLeft] = 0
                return true
            }
        }
        guard ok else { return nil }
        return String(validatingCString: output)
    }

    /// Records of fields; CRLF, LF or CR ends a record, quotes may hold line ends.
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        func endField() {
            record.append(field)
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars = scalars.dropFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else if scalar == "\r" {
                    // A line end inside a cell: one LF, as the cell shows it.
                    if scalars.first == "\n" { scalars = scalars.dropFirst() }
                    field += "\n"
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case ",": endField()
            case "\r":
                if scalars.first == "\n" { scalars = scalars.dropFirst() }
                endRecord()
            case "\n": endRecord()
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty || wasQuoted { endRecord() }
        return records
    }

    public static func write(_ table: SheetTable) -> Data {
        var text = "\u{FEFF}"
        for record in [table.columns.map(\.header)] + table.rows {
            text += record.map(quote).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.hasPrefix(" ")
        else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

/// The characters that Shift_JIS (JIS X 0208 as the standard maps it) and CP932 (Microsoft's)
/// decode to different code points from the same bytes. A sheet saved as Shift_JIS by one
/// program and read as CP932 (as import reads it) turns `〜` (U+301C) into `～` (U+FF5E);
/// comparing a cell with the field it came from treats each pair as the same character, so
/// such a round trip changes nothing.
enum ShiftJISVariants {
    static func isVariant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF5E, 0x2225, 0xFF0D, 0xFFE0, 0xFFE1, 0xFFE2, 0x2015: true
        default: false
        }
    }

    /// CP932's character → the JIS X 0208 one.
    static let pairs: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{FF5E}": "\u{301C}",  // ～ → 〜 WAVE DASH
        "\u{2225}": "\u{2016}",  // ∥ → ‖ DOUBLE VERTICAL LINE
        "\u{FF0D}": "\u{2212}",  // － → − MINUS SIGN
        "\u{FFE0}": "\u{00A2}",  // ￠ → ¢
        "\u{FFE1}": "\u{00A3}",  // ￡ → £
        "\u{FFE2}": "\u{00AC}",  // ￢ → ¬
        "\u{2015}": "\u{2014}",  // ― → — EM DASH
    ]

    static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isVariant) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(pairs[scalar] ?? scalar) }
        return String(out)
    }
}
