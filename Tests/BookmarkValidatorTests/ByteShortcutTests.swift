@testable import BookmarkValidator
import PropertyBased
import Testing

/// Byte-by-byte readings of plain ASCII must agree with the character-based ones.
@Suite struct ByteShortcutTests {
    static let timeCharacter = Gen<Character?>.element(of: Array("0123456789:-~ \t\r\n\r\nhH24x")).compactMap { $0 }

    @Test func asciiTimeRangeAgreesWithCharacters() async {
        await propertyCheck(count: 3000, input: Self.timeCharacter.string(of: 0...13)) { text in
            #expect(ValueRules.asciiTimeRange(Array(text.utf8)) == ValueRules.characterTimeRange(text))
        }
    }

    @Test(arguments: ["10:00-16:00", " 9:00 ~ 17:30 ", "24h", "24H", "0:00-24:00", "10:00-9:00", "10:0-11:00", "\r\n9:00-10:00\r\n",
                      "9:00\r\n-10:00", "24:01-24:30", "1:60-2:00", "-", ":-:", ""])
    func asciiTimeRangeExamples(_ text: String) {
        #expect(ValueRules.asciiTimeRange(Array(text.utf8)) == ValueRules.characterTimeRange(text))
    }

    static let emailCharacter = Gen<Character?>.element(of: Array("ab@.@-_ \t\r\n\r\n<>\"(),;:\\[]éａ\u{301}")).compactMap { $0 }

    /// `isEmail` as it was written by characters.
    static func characterIsEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
            text.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>\"(),;:\\[]".contains($0) })
        else { return false }
        return true
    }

    @Test func isEmailAgreesWithCharacters() async {
        await propertyCheck(count: 3000, input: Self.emailCharacter.string(of: 0...10)) { text in
            #expect(ValueRules.isEmail(text) == Self.characterIsEmail(text))
        }
    }
}
