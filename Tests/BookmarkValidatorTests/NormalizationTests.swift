import BookmarkModel
@testable import BookmarkValidator
import Testing

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("　さくら市　", "さくら市"),  // U+3000 trimmed
        ("ＡＢＣ１２３", "ABC123"),  // full-width → ASCII
        ("ｻｸﾗ", "サクラ"),  // half-width katakana → full-width
        (" \tname\n", "name"),
    ])
    func text(_ pair: (String, String)) {
        #expect(Normalizer.text(pair.0) == pair.1)
    }

    @Test(arguments: ["0123－45－6789", "0123ー45ー6789", "0123‐45‐6789", "0123‑45‑6789", "0123–45–6789",
                      "0123—45—6789", "0123―45―6789", "0123−45−6789", "０１２３-４５-６７８９"])
    func hyphenLookalikes(_ written: String) {
        #expect(Normalizer.numeric(written) == "0123-45-6789")
    }

    @Test(arguments: [("〒123-4567", "123-4567"), ("1234567", "123-4567"), ("〒１２３ー４５６７", "123-4567"), ("〒 123-4567", "123-4567")])
    func postalCodes(_ pair: (String, String)) {
        #expect(Normalizer.postalCode(pair.0) == pair.1)
    }

    @Test(arguments: ["123-456", "12-34567", "abc-defg", "123-45678", ""])
    func badPostalCodes(_ written: String) {
        #expect(Normalizer.postalCode(written) == nil)
    }
}

@Suite struct PhoneRulesTests {
    @Test(arguments: [
        ("0123-45-6789", "0123456789"), ("(0123)45-6789", "0123456789"), ("0120-123-456", "0120123456"),
        ("0570-064-556", "0570064556"), ("090-1234-5678", "09012345678"), ("050 1234 5678", "05012345678"),
        ("0800-123-4567", "08001234567"), ("#7119", "#7119"), ("＃８００８", "#8008"), ("#188", "#188"),
        ("189", "189"), ("０３ー１２３４ー５６７８", "0312345678"),
    ])
    func valid(_ pair: (String, String)) throws {
        let number = try PhoneRules.parse(pair.0).get()
        #expect(number.dial == pair.1)
    }

    @Test(arguments: [
        ("0123-45-678", PhoneRules.Problem.wrongLength(digits: 9)),
        ("090-1234-567", .mobileTooShort),
        ("0123-456-7890-1", .wrongLength(digits: 12)),
        ("0312-345-6789", .landlineTooLong),
        ("#12", .notANumber),
        ("456", .wrongLength(digits: 3)),
        ("電話してね", .notANumber),
        ("1234567890", .notANumber),
        ("0012345678", .notANumber),
    ])
    func invalid(_ pair: (String, PhoneRules.Problem)) {
        guard case .failure(let problem) = PhoneRules.parse(pair.0) else {
            Issue.record("\(pair.0) was accepted")
            return
        }
        #expect(problem == pair.1)
    }

    @Test func telURLEncodesHash() throws {
        #expect(try PhoneRules.parse("#7119").get().telURL == "tel:%237119")
        #expect(try PhoneRules.parse("0123-45-6789").get().display == "0123-45-6789")
    }
}

@Suite struct ValueRulesTests {
    @Test(arguments: [("15-39", 15, 39), ("15-", 15, nil), ("-39", nil, 39), ("15〜39", 15, 39), ("１５ー３９", 15, 39), ("all", nil, nil), ("全年齢", nil, nil)] as [(String, Int?, Int?)])
    func ages(_ c: (String, Int?, Int?)) {
        #expect(ValueRules.ages(c.0) == AgeRange(minimum: c.1, maximum: c.2))
    }

    @Test(arguments: ["40-15", "15", "-", "15-121", "a-b", "1000-"])
    func badAges(_ written: String) {
        #expect(ValueRules.ages(written) == nil)
    }

    @Test func times() {
        #expect(ValueRules.timeRange("09:00-17:00") == .span(opening: 540, closing: 1020))
        #expect(ValueRules.timeRange("9:00〜17:30") == .span(opening: 540, closing: 1050))
        #expect(ValueRules.timeRange("２４h") == .allDay)
        #expect(ValueRules.timeRange("13:00-24:00") == .span(opening: 780, closing: 1440))
        for bad in ["17:00-09:00", "25:00-26:00", "9-17", "09:60-10:00", "10:00-10:00", "午前"] {
            #expect(ValueRules.timeRange(bad) == nil, "\(bad)")
        }
    }

    @Test func ids() {
        #expect(ValueRules.isValidID("sakura-soudan-2"))
        #expect(ValueRules.isValidID(String(repeating: "a", count: 64)))
        for bad in ["", "-a", "A", "a_b", "さくら", String(repeating: "a", count: 65), "../x", "a.b"] {
            #expect(!ValueRules.isValidID(bad), "\(bad)")
        }
    }

    @Test func kana() {
        #expect(ValueRules.firstNonKana("さくらし ひきこもり そうだん ヴァ ー 24") == nil)
        #expect(ValueRules.firstNonKana("さくら市")?.offset == 3)
        #expect(ValueRules.firstNonKana("さくら・し")?.character == "・")
    }

    @Test func urlsAndEmails() {
        #expect(ValueRules.isWebURL("https://example.org/a?b=c"))
        #expect(!ValueRules.isWebURL("javascript:alert(1)"))
        #expect(!ValueRules.isWebURL("https://"))
        #expect(!ValueRules.isWebURL("https://exa mple.org"))
        #expect(ValueRules.isEmail("soudan@example.org"))
        #expect(!ValueRules.isEmail("soudan@@example.org"))
        #expect(!ValueRules.isEmail("<a>@example.org"))
    }

    @Test func days() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-4-1") == nil)
        let day = Day(year: 2026, month: 4, day: 1)!
        #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(day.adding(days: 30).description == "2026-05-01")
    }

    @Test func gojuonOrderFoldsKatakana() {
        #expect(Gojuon.sortKey("サクラ シ") == Gojuon.sortKey("さくらし"))
        #expect(Gojuon.sortKey("あおば") < Gojuon.sortKey("カエデ"))
        let dictionaryOrder = ["かき", "がき", "きく", "はと", "ばと", "ぱと", "ひかり", "ゃま", "やま", "ゆめ"]
        #expect(dictionaryOrder.shuffled().sorted { Gojuon.sortKey($0) < Gojuon.sortKey($1) } == dictionaryOrder)
    }

    @Test func didYouMean() {
        #expect(DidYouMean.suggestion(for: "phon", among: EntryValidator.keys) == "phone")
        #expect(DidYouMean.suggestion(for: "電話", among: EntryValidator.keys) == "phone")
        #expect(DidYouMean.suggestion(for: "zzzzzz", among: EntryValidator.keys) == nil)
    }
}
