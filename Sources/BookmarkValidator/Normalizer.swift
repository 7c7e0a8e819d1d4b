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
        value.precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
    }

    /// `text`, then every hyphen look-alike made `-`.
    public static func numeric(_ value: String) -> String {
        String(value.map { hyphenLookalikes.contains($0) ? "-" : $0 }).precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
    }

    /// `〒123ー4567` → `123-4567`; nil when it is not seven digits.
    public static func postalCode(_ value: String) -> String? {
        var text = numeric(value)
        if text.hasPrefix("〒") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let digits = text.filter { $0 != "-" }
        guard digits.count == 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            text == digits || (text.count == 8 && text.dropFirst(3).first == "-")
        else { return nil }
        return digits.prefix(3) + "-" + digits.suffix(4)
    }
}
