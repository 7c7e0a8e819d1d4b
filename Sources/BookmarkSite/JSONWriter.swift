import Foundation

/// Appends one JSON value to a byte buffer; see `JSONText`.
struct JSONWriter {
    var bytes: [UInt8] = []
    /// Escapes `<`, `>`, `&`, U+2028 and U+2029 too.
    let forScriptBlock: Bool

    init(forScriptBlock: Bool) {
        self.forScriptBlock = forScriptBlock
        bytes.reserveCapacity(256)
    }

    mutating func write(_ value: Any?) {
        // Swift types first: on Linux, asking an Array whether it is an NSNull bridges it to
        // an NSArray, which cost more than writing it.
        switch value {
        case nil: append("null")
        case let text as String: write(string: text)
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: key)
                bytes.append(UInt8(ascii: ":"))
                write(object[key])
            }
            bytes.append(UInt8(ascii: "}"))
        case let list as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (index, item) in list.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case let number as Int: append(String(number))
        case let flag as Bool: append(flag ? "true" : "false")
        case let number as Double: append(number.isFinite ? String(number) : "null")
        case is NSNull: append("null")
        case let value?: write(string: String(describing: value))
        }
    }

    private mutating func append(_ ascii: String) { bytes.append(contentsOf: ascii.utf8) }

    /// Copies runs of plain bytes at once; only `"`, `\`, control bytes and (for script blocks)
    /// `<`, `>`, `&`, U+2028, U+2029 are escaped.
    mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var escape: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20: escape = "\\u00" + Self.hex(byte)
                case UInt8(ascii: "<") where forScriptBlock: escape = "\\u003c"
                case UInt8(ascii: ">") where forScriptBlock: escape = "\\u003e"
                case UInt8(ascii: "&") where forScriptBlock: escape = "\\u0026"
                case 0xE2 where forScriptBlock && index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    bytes.append(contentsOf: escape.utf8)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
