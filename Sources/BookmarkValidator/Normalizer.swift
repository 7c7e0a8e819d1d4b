import Foundation

/// The normalization every value goes through before it is checked.
///
/// `０１２３` → `0123` (NFKC), `〒123ー4567` → `123-4567`, `　さくら市　` → `さくら市`.
public enum Normalizer {
    /// The hyphen look-alikes that editors type for `-` in numbers, postal codes, times, ages.
    /// `ー` (long vowel mark) and `－` (full-width hyphen-minus) are the usual ones from a
    /// Japanese input method.
    public static let hyphenLookalikes: Set<Character> = ["－", "ー", "‐", "‑", "–", "—", "―", "−", "ｰ"]

    /// NFKC, then trimmed of spaces (U+3000 included) and line ends.
    public static func text(_ value: String) -> String {
        trimmed(NormalizationShortcuts.isNFKC(value) ? value : value.precomposedStringWithCompatibilityMapping)
    }

    /// Free text that readers see (names, addresses, notices): trimmed and NFC only, so
    /// Japanese punctuation stays as the editor wrote it (（）「」：), while `text` (NFKC) is
    /// what values are checked and matched with.
    public static func display(_ value: String) -> String {
        trimmed(NormalizationShortcuts.isNFC(value) ? value : value.precomposedStringWithCanonicalMapping)
    }

    /// `text`, then every hyphen look-alike made `-`.
    public static func numeric(_ value: String) -> String {
        if isASCII(value) { return trimmed(value) }
        // No look-alike scalar, no look-alike character: each is one scalar that nothing else
        // is canonically equivalent to.
        if !value.unicodeScalars.contains(where: { hyphenLookalikeScalars.contains($0.value) }) { return text(value) }
        return text(String(value.map { hyphenLookalikes.contains($0) ? "-" : $0 }))
    }

    /// `hyphenLookalikes`, as scalar values.
    static let hyphenLookalikeScalars: Set<UInt32> = Set(hyphenLookalikes.flatMap { $0.unicodeScalars.map(\.value) })

    /// Plain ASCII needs no NFKC, and most values (ids, numbers, dates) are plain ASCII.
    static func isASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Without Foundation's CharacterSet, which is slow to build on every call.
    static func trimmed(_ value: String) -> String {
        // Most values have nothing to trim; finding that out by characters is the slow part.
        NormalizationShortcuts.needsNoTrimming(value) ? value : trimmedByCharacters(value)
    }

    static func trimmedByCharacters(_ value: String) -> String {
        func isSpace(_ c: Character) -> Bool { c.isWhitespace || c == "\u{3000}" }
        guard let first = value.firstIndex(where: { !isSpace($0) }),
            let last = value.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(value[first...last])
    }

    /// `〒123ー4567` → `123-4567`; nil when it is not seven digits.
    public static func postalCode(_ value: String) -> String? {
        var text = numeric(value)
        if text.hasPrefix("〒") { text = trimmed(String(text.dropFirst())) }
        let digits = text.filter { $0 != "-" }
        guard digits.count == 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            text == digits || (text.count == 8 && text.dropFirst(3).first == "-")
        else { return nil }
        return digits.prefix(3) + "-" + digits.suffix(4)
    }
}
