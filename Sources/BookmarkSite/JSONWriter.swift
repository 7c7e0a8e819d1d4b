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
        case nil: writeNull()
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
        case let number as Int: write(number: number)
        case let flag as Bool: write(flag: flag)
        case let number as Double: write(number: number)
        case is NSNull: writeNull()
        case let value?: write(string: String(describing: value))
        }
    }

    // Typed writers, for callers that know their values (open data): the same bytes as
    // `write(_:)` without its dynamic casts.

    mutating func writeNull() { append("null") }

    mutating func write(number: Int) { append(String(number)) }

    mutating func write(number: Double) { append(number.isFinite ? String(number) : "null") }

    mutating func write(flag: Bool) { append(flag ? "true" : "false") }

    mutating func write(strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, text) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(string: text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func append(_ ascii: String) { bytes.append(contentsOf: ascii.utf8) }

    /// Copies runs of plain bytes at once; only `"`, `\`, control bytes and (for script blocks)
    /// `<`, `>`, `&`, U+2028, U+2029 are escaped.
    mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = string
        let special = forScriptBlock ? Self.specialInScriptBlock : Self.special
        text.withUTF8 { utf8 in
            special.withUnsafeBufferPointer { special in
                var runStart = 0
                var index = 0
                let scriptBlock = forScriptBlock
                while index < utf8.count {
                    // Eight bytes at a time while none of them can need escaping (bodies pass
                    // here for open data and JSON-LD, and nearly all of their bytes are plain).
                    if index + 8 <= utf8.count,
                        !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self),
                                            inScriptBlock: scriptBlock)
                    {
                        index += 8
                        continue
                    }
                    // Otherwise one table lookup a byte, instead of a test per escaped character.
                    guard special[Int(utf8[index])] else {
                        index += 1
                        continue
                    }
                    guard let (escape, width) = escape(utf8, at: index) else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    bytes.append(contentsOf: escape.utf8)
                    index += width
                    runStart = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape for the byte at `index` and how many bytes it replaces; nil when the byte is
    /// kept (0xE2 starting anything but U+2028 or U+2029).
    private func escape(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0x00..<0x20: return ("\\u00" + Self.hex(byte), 1)
        case UInt8(ascii: "<") where forScriptBlock: return ("\\u003c", 1)
        case UInt8(ascii: ">") where forScriptBlock: return ("\\u003e", 1)
        case UInt8(ascii: "&") where forScriptBlock: return ("\\u0026", 1)
        case 0xE2 where forScriptBlock && index + 2 < utf8.count && utf8[index + 1] == 0x80
            && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
            return (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default: return nil
        }
    }

    /// Whether any of eight bytes is one `escape` looks at (the tables below), with the bit
    /// tricks for "a byte below n" and "a byte equal to b": exact as a yes or no.
    static func mayNeedEscape(_ word: UInt64, inScriptBlock: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func has(_ byte: UInt8) -> UInt64 {
            let match = word ^ (ones &* UInt64(byte))
            return (match &- ones) & ~match & highs
        }
        var found = ((word &- ones &* 0x20) & ~word & highs) | has(UInt8(ascii: "\"")) | has(UInt8(ascii: "\\"))
        if inScriptBlock {
            found |= has(UInt8(ascii: "<")) | has(UInt8(ascii: ">")) | has(UInt8(ascii: "&")) | has(0xE2)
        }
        return found != 0
    }

    /// Bytes that `escape` looks at: `"`, `\` and control bytes…
    private static let special: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// …and in script blocks also `<`, `>`, `&` and 0xE2, the first byte of U+2028 and U+2029.
    private static let specialInScriptBlock: [Bool] = (0...255).map { byte in
        special[byte] || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == 0xE2
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
