/// Exact searches and replacements by UTF-8 bytes. Foundation's `contains(_:)`,
/// `replacingOccurrences(of:with:)` and `components(separatedBy:)` compare Unicode-aware and
/// were two fifths of an import's time on Linux (10,000 rows); these look for the very scalars
/// given, which is all the sheet code needs.
extension StringProtocol {
    func has(_ needle: String) -> Bool {
        needle.isEmpty || utf8.firstRange(of: needle.utf8) != nil
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, utf8.firstRange(of: target.utf8) != nil else { return String(self) }
        var out = ""
        var rest = Substring(self)
        while let found = rest.utf8.firstRange(of: target.utf8) {
            out += rest[..<found.lowerBound]
            out += replacement
            rest = rest[found.upperBound...]
        }
        return out + rest
    }

    /// The text split at every LF (`a\n\nb` → `a`, ``, `b`; a final LF gives a last empty line).
    var linesByLF: [String] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
