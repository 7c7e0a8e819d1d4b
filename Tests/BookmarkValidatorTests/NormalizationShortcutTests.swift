import Foundation
@testable import BookmarkValidator
import PropertyBased
import Testing

/// The shortcuts of `Normalizer` must give what the full work gives, character for character.
@Suite struct NormalizationShortcutTests {
    static func scalars(where test: (UInt32) -> Bool) -> [Unicode.Scalar] {
        (0...0x10FFFF).compactMap { test(UInt32($0)) ? Unicode.Scalar(UInt32($0)) : nil }
    }

    /// Each scalar the NFC shortcut lets through is its own NFC, alone and after a letter,
    /// a kana or a kanji that it could otherwise combine with.
    @Test func nfcScalarsAreUnchangedByFoundation() {
        for scalar in Self.scalars(where: NormalizationShortcuts.isNFCScalar) {
            for text in [String(scalar), "a" + String(scalar), "か" + String(scalar), "相" + String(scalar)] {
                #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(text.unicodeScalars),
                        "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func nfkcScalarsAreUnchangedByFoundation() {
        for scalar in Self.scalars(where: NormalizationShortcuts.isNFKCScalar) {
            for text in [String(scalar), "a" + String(scalar), "か" + String(scalar), "相" + String(scalar)] {
                #expect(Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars) == Array(text.unicodeScalars),
                        "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    /// Spaces, combining marks, joiners, emoji parts and kana marks at either end.
    static let trickyCharacter = Gen<Character?>.element(of: Array(
        "a1-。あア相（）「」ｱ　 \t\n\r\u{85}\u{A0}\u{2028}\u{3000}\u{0301}\u{3099}\u{200D}\u{0600}\u{FE0F}😀🇯🇵\u{1100}\u{1161}〰〽ﾞ"))
        .compactMap { $0 }

    @Test func trimmingShortcutAgreesWithCharacters() async {
        await propertyCheck(count: 2000, input: Self.trickyCharacter.string(of: 0...6)) { text in
            #expect(Array(Normalizer.trimmed(text).unicodeScalars) == Array(Normalizer.trimmedByCharacters(text).unicodeScalars))
        }
    }

    /// `needsNoTrimming` looks up spaces only up to U+3000.
    @Test func noSpaceAfterIdeographicSpace() {
        #expect(Self.scalars(where: { $0 > 0x3000 }).allSatisfy { !$0.properties.isWhitespace })
    }

    @Test(arguments: ["あ", "a", " a", "a ", "a\u{0301}", " \u{0301}", "\u{3000}相\u{3000}", "ア\u{3099}", "x\n", "\u{0600}a", "相。"])
    func trimmingShortcutExamples(_ text: String) {
        #expect(Array(Normalizer.trimmed(text).unicodeScalars) == Array(Normalizer.trimmedByCharacters(text).unicodeScalars))
    }
}
