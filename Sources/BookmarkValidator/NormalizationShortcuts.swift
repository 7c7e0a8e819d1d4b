/// Cheap tests that tell when Foundation's normalization or `Character`-based trimming would
/// give back the text unchanged, so most values skip them. Each test only answers "surely
/// unchanged" or "don't know"; on "don't know" the full work is done as before.
///
/// The ranges are whole blocks of characters that are their own NFC (or NFKC) form, have
/// canonical combining class 0 and never combine with a character before them (NFC_Quick_Check
/// Yes). A text made only of such characters is already normalized. `NormalizationTests`
/// checks every one of them against Foundation.
enum NormalizationShortcuts {
    /// ASCII, CJK punctuation, kana, CJK ideographs, full-width and half-width forms, and
    /// the common punctuation (―, …, ※) and arrows.
    static func isNFCScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x25A0...0x25FF,
            0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }

    /// Like `isNFCScalar`, without what NFKC changes: the ideographic space, full-width and
    /// half-width forms, ゛ ゜ ゟ ヿ, 〶 〸 〹 〺, and punctuation such as … and ‼.
    static func isNFKCScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0x3001...0x3029, 0x3030...0x3035, 0x3037, 0x303B...0x303F, 0x3041...0x3096,
            0x309D...0x309E, 0x30A0...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }

    static func isNFC(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { isNFCScalar($0.value) } }

    static func isNFKC(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { isNFKCScalar($0.value) } }

    /// Whether `Normalizer.trimmed` would return the text as it is: its first character does
    /// not start with a space, and its last character is not a space either.
    ///
    /// The first character starts with the first scalar. The last scalar, when it is one of
    /// these, is never joined to what comes before it (it is not a combining mark, joiner,
    /// emoji or Hangul part), so the last character starts with it or with a prepended mark,
    /// never with a space.
    static func needsNoTrimming(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        // U+3000 is the last space of Unicode: kana and kanji need no look-up of properties.
        let startsWithSpace = first.isASCII
            ? first == " " || (0x09...0x0D).contains(first.value)
            : first.value <= 0x3000 && first.properties.isWhitespace
        guard !startsWithSpace else { return false }
        switch last.value {
        case 0x21...0x7E, 0x3001...0x3029, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE,
            0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }
}
