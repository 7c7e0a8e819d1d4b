import Foundation

/// The normalisation every value goes through before it is checked.
///
/// `０１２３` → `0123` (NFKC), `〒123ー4567` → `123-4567`, `　さくら市　` → `さくら市`.
public enum Normalizer {
    /// The hyphen look-alikes that editors type for `-` in numbers, postal codes, times, ages.
    /// `ー` (long vowel mark) and `－` (full-width hyphen-minus) are the usual ones from a
    /// Japanese input method.
    public static let hyphenLookalikes: Set<Character> = ["－", "ー", "‐", "‑", "–", "—", "―", "−", "ｰ"]

    /// NFKC, then trimmed of spaces (U+3000 included) and line ends.
    public static func text(_ value: String) -> String {
        trimmed(isASCII(value) ? value : value.precomposedStringWithCompatibilityMapping)
    }

    /// Free text that readers see (names, addresses, notices): trimmed and NFC only, so
    /// Japanese punctuation stays as the editor wrote it (（）「」：), while `text` (NFKC) is
    /// what values are checked and matched with.
    public static func display(_ value: String) -> String {
        trimmed(isASCII(value) ? value : value.precomposedStringWithCanonicalMapping)
    }

    /// `text`, then every hyphen look-alike made `-`.
    public static func numeric(_ value: String) -> String {
        if isASCII(value) { return trimmed(value) }
        return text(String(value.map { hyphenLookalikes.contains($0) ? "-" : $0 }))
    }

    /// Plain ASCII needs no NFKC, and most values (ids, numbers, dates) are plain ASCII.
    static func isASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Without Foundation's CharacterSet, which is slow to build on every call.
    static func trimmed(_ value: String) -> String {
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
