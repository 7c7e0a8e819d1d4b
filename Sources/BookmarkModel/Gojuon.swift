import Foundation

/// Japanese collation by reading: 五十音順 on `kana`.
///
/// The key compares first on the plain letters (katakana folded to hiragana, voicing marks
/// and small kana ignored, spaces and ー dropped), then on the reading as written, so that
/// か < が < き and は < ば < ぱ < ひ, as in a dictionary.
public enum Gojuon {
    static let smallToLarge: [UInt32: UInt32] = [
        0x3041: 0x3042, 0x3043: 0x3044, 0x3045: 0x3046, 0x3047: 0x3048, 0x3049: 0x304A, 0x3063: 0x3064,
        0x3083: 0x3084, 0x3085: 0x3086, 0x3087: 0x3088, 0x308E: 0x308F, 0x3095: 0x304B, 0x3096: 0x3051,
    ]

    /// The plain letter of a voiced (が) or semi-voiced (ぱ) hiragana, without Foundation's NFD:
    /// sort keys are made for every entry, so this stays cheap.
    static func plainLetter(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x304C, 0x304E, 0x3050, 0x3052, 0x3054, 0x3056, 0x3058, 0x305A, 0x305C, 0x305E, 0x3060, 0x3062,
            0x3065, 0x3067, 0x3069, 0x3070, 0x3073, 0x3076, 0x3079, 0x307C:
            return value - 1
        case 0x3071, 0x3074, 0x3077, 0x307A, 0x307D:
            return value - 2
        case 0x3094:
            return 0x3046
        default:
            return smallToLarge[value] ?? value
        }
    }

    public static func sortKey(_ kana: String) -> String {
        var primary = String.UnicodeScalarView()
        var written = String.UnicodeScalarView()
        for scalar in kana.unicodeScalars {
            var value = scalar.value
            if (0x30A1...0x30F6).contains(value) { value -= 0x60 }  // katakana → hiragana
            if value == 0x20 || value == 0x3000 { continue }
            guard let folded = Unicode.Scalar(value) else { continue }
            written.append(folded)
            if value == 0x3099 || value == 0x309A || value == 0x30FC || value == 0x309B || value == 0x309C { continue }
            primary.append(Unicode.Scalar(plainLetter(value)) ?? folded)
        }
        return String(primary) + "\u{1}" + String(written)
    }

    /// Sorts entries by reading, then by id, so the order never depends on file order.
    /// Sorts positions rather than entries: an entry is a large value, and moving it around
    /// while sorting 10,000 of them cost more than the comparisons.
    ///
    /// The keys are laid out in one buffer and compared in place: reading each entry's key
    /// array in the comparison retained and released it, and sorting 10,000 entries took
    /// 28 ms, on one core, in every `bookmark serve` rebuild.
    public static func sorted(_ entries: [Entry]) -> [Entry] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(entries.count)
        for entry in entries {
            let key = entry.kanaOrder
            spans.append((bytes.count, key.count))
            bytes += key
        }
        let order = bytes.withUnsafeBufferPointer { buffer in
            spans.withUnsafeBufferPointer { spans in
                entries.indices.sorted { a, b in
                    let (x, y) = (spans[a], spans[b])
                    let common = min(x.count, y.count)
                    let bytesOrder = common == 0 ? 0 : memcmp(buffer.baseAddress! + x.start, buffer.baseAddress! + y.start, common)
                    let order = bytesOrder != 0 ? Int(bytesOrder) : x.count - y.count
                    return order != 0 ? order < 0 : entries[a].id < entries[b].id
                }
            }
        }
        return order.map { entries[$0] }
    }

    /// Negative, zero or positive as `a` sorts before, with or after `b`, byte by byte.
    public static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBytes { a in b.withUnsafeBytes { b in common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common) } }
        return order != 0 ? Int(order) : a.count - b.count
    }

    /// Bytes whose order is the order of `key` as a String: String's `<` compares the
    /// scalars of the canonically composed (NFC) forms, and UTF-8 keeps scalar order. A sort
    /// key is NFC but where a space it dropped stood before a combining mark; that rare key is
    /// composed first. Comparing bytes instead of Strings made sorting 10,000 entries several
    /// times faster.
    public static func orderBytes(_ key: String) -> [UInt8] {
        let composed = key.unicodeScalars.contains { !isNotReordered($0) }
            ? key.precomposedStringWithCanonicalMapping : key
        return Array(composed.utf8)
    }

    /// Whether a scalar's canonical combining class is 0. Looking the property up cost more
    /// than the rest of making a key, so the usual scalars of a reading are answered by range:
    /// all below U+0300 (where the combining marks begin), kana but the combining voicing
    /// marks U+3099 and U+309A, and the CJK ideographs.
    static func isNotReordered(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x3041...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF: true
        default: scalar.properties.canonicalCombiningClass == .notReordered
        }
    }
}
