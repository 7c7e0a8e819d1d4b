@testable import BookmarkValidator
import Foundation
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

    static let urlCharacter = Gen<Character?>.element(of: Array("htps:/.example<>\" \t\r\n\r\nあ\u{301}#?%")).compactMap { $0 }

    /// `isWebURL` as it was written by characters.
    static func characterIsWebURL(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }),
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty, text.lowercased().hasPrefix(scheme + "://")
        else { return false }
        return true
    }

    @Test func isWebURLAgreesWithCharacters() async {
        for text in ["https://example.org/a", "http://x", "https://a b", "https://a\r\n", "https://a<", "https://あ.jp", "https://e\u{301}"] {
            #expect(ValueRules.isWebURL(text) == Self.characterIsWebURL(text))
        }
        await propertyCheck(count: 2000, input: Self.urlCharacter.string(of: 0...16)) { text in
            #expect(ValueRules.isWebURL("https://" + text) == Self.characterIsWebURL("https://" + text))
        }
    }

    static let plainURLCharacter = Gen<Character?>.element(of: Array("az09.-/_~AZ:")).compactMap { $0 }

    /// Every text the byte shortcut accepts, `URLComponents` accepts too, with the same answer.
    @Test func plainWebURLAgreesWithURLComponents() async {
        for text in ["https://example.org", "http://x/", "https://-", "https://..", "https://a..b/~_-.", "https://A.org",
                     "https:///a", "https://a:80/", "https://a_b"] {
            #expect(!ValueRules.isPlainWebURL(text) || Self.characterIsWebURL(text), "\(text)")
        }
        await propertyCheck(count: 4000, input: Self.plainURLCharacter.string(of: 0...12)) { text in
            for url in ["https://" + text, "http://" + text] where ValueRules.isPlainWebURL(url) {
                #expect(Self.characterIsWebURL(url), "\(url)")
            }
        }
    }

    static let phoneCharacter = Gen<Character?>.element(of: Array("0123-() \t\r\n\r\n#０ー\u{301}")).compactMap { $0 }

    @Test func phoneSeparatorsAgreeWithCharacters() async {
        await propertyCheck(count: 2000, input: Self.phoneCharacter.string(of: 0...14)) { text in
            let separators: Set<Character> = ["-", " ", "(", ")"]
            #expect(Array(PhoneRules.withoutSeparators(text).utf8) == Array(String(text.filter { !separators.contains($0) }).utf8))
        }
    }
}
