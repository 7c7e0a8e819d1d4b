/// Exact searches and replacements by UTF-8 bytes. Foundation's `contains(_:)`,
/// `replacingOccurrences(of:with:)` and `components(separatedBy:)` compare Unicode-aware, and
/// the standard library's generic `firstRange(of:)` pays for generic metadata on every call:
/// each was a third or more of an import's time (perf, 10,000 rows). These look for the very
/// bytes given, which is all the sheet code needs; a match of valid UTF-8 always starts on a
/// scalar boundary, so replacing keeps the text valid.
extension String {
    func has(_ needle: String) -> Bool {
        Self.withBytes(self) { text in Self.withBytes(needle) { Self.find($0, in: text, from: 0) != nil } }
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, has(target) else { return self }
        return Self.withBytes(self) { text in
            Self.withBytes(target) { target in
                var out: [UInt8] = []
                out.reserveCapacity(text.count)
                var start = 0
                while let found = Self.find(target, in: text, from: start) {
                    out.append(contentsOf: text[start..<found])
                    out.append(contentsOf: replacement.utf8)
                    start = found + target.count
                }
                out.append(contentsOf: text[start...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// The text split at every LF (`a\n\nb` → `a`, ``, `b`; a final LF gives a last empty line).
    var linesByLF: [String] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    static func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The first index at or after `from` where `needle` starts in `text`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first else { return from }
        guard text.count >= needle.count else { return nil }
        var index = from
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
