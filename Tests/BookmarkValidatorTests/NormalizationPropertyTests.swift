import Foundation
import BookmarkModel
@testable import BookmarkValidator
import PropertyBased
import Testing

/// Properties of normalization and phone rules over generated inputs.
@Suite struct NormalizationPropertyTests {
    /// Characters editors actually type: ASCII, full-width forms, kana, kanji, odd spaces and dashes.
    static let editorCharacter = Gen<Character?>.element(of: Array(
        "0123456789abcXYZ-#() ０１２３４５６７８９ＡＢＣ＃（）　ーｰ－‐‑–—―−〒あいうアイウｱｲｳ相談窓口、。・\t\n"))
        .compactMap { $0 }

    @Test func textNormalizationIsIdempotent() async {
        await propertyCheck(count: 300, input: Self.editorCharacter.string(of: 0...40)) { text in
            let once = Normalizer.text(text)
            #expect(Normalizer.text(once) == once)
            #expect(once.first.map { !$0.isWhitespace } ?? true)
            #expect(once.last.map { !$0.isWhitespace } ?? true)
        }
    }

    @Test func phoneParsingNeverFailsOddlyOnAnyInput() async {
        await propertyCheck(count: 500, input: Self.editorCharacter.string(of: 0...20)) { text in
            if case .success(let number) = PhoneRules.parse(text) {
                #expect(number.dial.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "#") })
                #expect([3, 4, 5, 10, 11].contains(number.dial.count))
                #expect(number.telURL.hasPrefix("tel:"))
            }
        }
    }

    /// A valid landline written with full-width digits and any hyphen look-alike dials the same.
    @Test func landlinesSurviveHowEverTheyAreTyped() async {
        let digits = Gen.number.string(of: 9)
        let hyphen = Gen<Character?>.element(of: Array("-－ー‐‑–—―− ")).compactMap { $0 }
        await propertyCheck(count: 300, input: digits, hyphen, Gen.bool) { rest, separator, wide in
            let second: String = rest.first == "0" ? "1" : String(rest.prefix(1))
            let dial: String = "0" + second + String(rest.dropFirst())
            guard !["050", "070", "080", "090"].contains(where: dial.hasPrefix) else { return }
            let sep = String(separator)
            var written: String = String(dial.prefix(4)) + sep
            written += String(dial.dropFirst(4).prefix(2)) + sep + String(dial.suffix(4))
            if wide { written = Self.fullWidth(written) }
            let parsed = PhoneRules.parse(written)
            #expect((try? parsed.get().dial) == dial, "\(written)")
        }
    }

    static func fullWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            scalars.append(isDigit ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar)
        }
        return String(scalars)
    }

    @Test func agesReadBackWhatTheyDescribe() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...120), Gen.int(in: 0...120)) { a, b in
            let (low, high) = (min(a, b), max(a, b))
            #expect(ValueRules.ages("\(low)-\(high)") == AgeRange(minimum: low, maximum: high))
            #expect(ValueRules.ages("\(low)-") == AgeRange(minimum: low, maximum: nil))
            if low < high { #expect(ValueRules.ages("\(high)-\(low)") == nil) }
        }
    }

    @Test func daysRoundTripThroughTheirNumber() async {
        await propertyCheck(count: 300, input: Gen.int(in: -25_000...300_000)) { n in
            let day = Day(daysSinceEpoch: n)
            #expect(day.daysSinceEpoch == n)
            #expect(Day(iso: day.description) == day || day.year < 1900 || day.year > 2999)
            #expect(day.description == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
        }
    }

    @Test func postalCodesKeepTheirSevenDigits() async {
        await propertyCheck(count: 200, input: Gen.number.string(of: 7), Gen.bool) { digits, withMark in
            let written: String = (withMark ? "〒" : "") + String(digits.prefix(3)) + "ー" + String(digits.suffix(4))
            let expected: String = String(digits.prefix(3)) + "-" + String(digits.suffix(4))
            #expect(Normalizer.postalCode(written) == expected)
        }
    }
}
