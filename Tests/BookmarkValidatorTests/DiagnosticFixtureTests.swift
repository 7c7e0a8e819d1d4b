import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

/// One bad input and the diagnostic it must give: code, file, place and words.
///
/// The place is written as the reader of the file would find it: `at: "8: phone: ‸0123-45-678"`
/// is line 8, whose text is `phone: 0123-45-678`, and the column where `‸` stands (counted in
/// characters, as diagnostics count them). A text ending in `…` is the start of a longer line.
/// The test checks that the fixture's file really has that line, so the numbers shown here
/// cannot drift from the fixture. `says` is a fragment the message must hold.
struct DiagnosticFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var code: DiagnosticCode
    var file: String
    /// `"<line>: <text of that line with ‸ at the column>"`
    var at: String
    var says: String

    var testDescription: String { name }

    /// The line number, the column and the line's text (or its start, for a text ending in `…`).
    var place: (line: Int, column: Int, text: String, isPrefix: Bool)? {
        guard let colon = at.firstIndex(of: ":"), let line = Int(at[..<colon]) else { return nil }
        var shown = String(at[at.index(colon, offsetBy: 2)...])
        guard let caret = shown.firstIndex(of: "‸") else { return nil }
        let column = shown.distance(from: shown.startIndex, to: caret) + 1
        shown.remove(at: caret)
        let isPrefix = shown.hasSuffix("…")
        if isPrefix { shown.removeLast() }
        return (line, column, shown, isPrefix)
    }

    static func entry(_ name: String, _ overrides: [String: String?], body: String = "本文です。",
                      _ code: DiagnosticCode, at: String, says: String) -> DiagnosticFixture {
        DiagnosticFixture(
            name: name,
            files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/\(name).md": FixtureGuide.entry(overrides, body: body)],
            code: code, file: "entries/sakura/\(name).md", at: at, says: says)
    }

    static func rawEntry(_ name: String, _ text: String, _ code: DiagnosticCode, at: String, says: String) -> DiagnosticFixture {
        DiagnosticFixture(
            name: name, files: ["site.yml": FixtureGuide.siteYAML, "entries/\(name).md": text],
            code: code, file: "entries/\(name).md", at: at, says: says)
    }

    static func site(_ name: String, _ text: String, _ code: DiagnosticCode, at: String, says: String) -> DiagnosticFixture {
        DiagnosticFixture(name: name, files: ["site.yml": text], code: code, file: "site.yml", at: at, says: says)
    }
}

let siteHead = """
    title: テスト
    base_url: https://example.org/
    areas:
      - id: sakura
        name: さくら市
        kana: さくらし

    """

let fixtures: [DiagnosticFixture] = [
    // Files and front matter
    .rawEntry("file-empty", "", .fileEmpty, at: "1: ‸", says: "ファイルが空です"),
    .rawEntry("no-fence", "name: x\n", .frontMatterMissing, at: "1: ‸name: x", says: "ファイルの1行目が --- ではあり"),
    .rawEntry("unclosed-fence", "---\nname: x\n", .frontMatterUnclosed, at: "1: ‸---", says: "1行目の --- に対応する閉じの "),
    .rawEntry("Bad_ID", FixtureGuide.entry(), .idInvalid, at: "1: ‸---", says: "ファイル名「Bad_ID」は項目の "),
    .rawEntry("yaml-tab", "---\nname: x\n\tkana: y\n---\n", .yamlTab, at: "3: ‸\tkana: y", says: "タブ文字は使えません"),
    .rawEntry("yaml-unclosed-quote", "---\nname: \"x\nkana: y\n---\n", .yamlSyntax,
        at: "2: name: ‸\"x", says: "引用符（\" や '）が閉じていません"),
    .rawEntry("yaml-colon", "---\nname: a: b\n---\n", .yamlSyntax, at: "2: name: a‸: b", says: "ここに「:」は書けません"),
    .rawEntry("yaml-alias", "---\nname: &a x\nkana: *a\n---\n", .yamlAlias,
        at: "2: name: ‸&a x", says: "「&」で始まる値（YAML のアンカ"),
    .rawEntry("yaml-deep", "---\nname: " + String(repeating: "[", count: 40) + "\n---\n", .yamlTooDeep,
        at: "2: name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[‸[[[[[[[[", says: "かっこの入れ子が深すぎます（上限 3"),
    .rawEntry("yaml-list", "---\n- a\n- b\n---\n", .yamlNotMapping, at: "2: ‸- a", says: "項目は「キー: 値」の形で書きます（"),
    .rawEntry("yaml-long-line", "---\nname: " + String(repeating: "あ", count: 10_001) + "\n---\n", .lineTooLong,
        at: "2: ‸name: あああああああああああああああああああああああ…", says: "行が長すぎます（上限 10000 文"),
    .rawEntry("duplicate-key", FixtureGuide.entry().replacingOccurrences(of: "cost: free", with: "cost: free\nphone: 0123-45-6789"), .yamlDuplicateKey,
        at: "11: ‸phone: 0123-45-6789", says: "「phone」が2回書かれています"),

    // Fields
    .entry("field-unknown", ["phon": "0123-45-6789"], .fieldUnknown,
        at: "13: ‸phon: 0123-45-6789", says: "「phon」という項目はありません"),
    .entry("field-missing", ["name": nil], .fieldMissing,
        at: "2: ‸kana: さくらし ひきこもりそうだんまどぐち", says: "name（名前）は必ず書きます"),
    .entry("field-type", ["name": "[a, b]"], .fieldType, at: "2: name: ‸[a, b]", says: "name（名前）は1つの値で書きます"),
    .entry("enum-invalid", ["kind": "soudan"], .enumInvalid, at: "4: kind: ‸soudan", says: "kind（種類）に「soudan」は"),
    .entry("list-empty", ["for": "[]"], .listEmpty, at: "6: for: ‸[]", says: "for（対象）に1つ以上書いてくださ"),
    .entry("list-repeat", ["for": "[person, 本人]"], .listRepeat,
        at: "6: for: [person, ‸本人]", says: "for（対象）に「本人」が2回ありま"),
    .entry("text-too-long", ["name": String(repeating: "長", count: 121)], .textTooLong,
        at: "2: name: ‸長長長長長長長長長長長長長長長長長長長長長長長…", says: "name（名前）が長すぎます（121"),
    .entry("text-empty", ["name": "\"　\""], .textEmpty, at: "2: name: ‸\"　\"", says: "name（名前）が空です"),
    .entry("kana-invalid", ["kana": "さくら市"], .kanaInvalid, at: "3: kana: さくら‸市", says: "kana（よみがな）に「市」は使えま"),
    .entry("area-unknown", ["area": "sakra"], .areaUnknown, at: "5: area: ‸sakra", says: "エリア「sakra」は site.y"),
    .entry("nationwide-not-online", ["area": "nationwide"], .nationwideNotOnline,
        at: "5: area: ‸nationwide", says: "area: nationwide（全"),
    .entry("ages-invalid", ["ages": "40-15"], .agesInvalid, at: "13: ages: ‸40-15", says: "ages（対象年齢）「40-15」が"),
    .entry("postal-code-invalid", ["postal_code": "123-456"], .postalCodeInvalid,
        at: "13: postal_code: ‸123-456", says: "郵便番号「123-456」は7桁（1"),
    .entry("phone-invalid", ["phone": "0123-45-678"], .phoneInvalid,
        at: "8: phone: ‸0123-45-678", says: "電話番号「0123-45-678」の"),
    .entry("email-invalid", ["email": "soudan@example"], .emailInvalid,
        at: "13: email: ‸soudan@example", says: "メールアドレス「soudan@exa"),
    .entry("url-invalid", ["url": "example.org/soudan"], .urlInvalid,
        at: "13: url: ‸example.org/soudan", says: "URL「example.org/so"),
    .entry("line-invalid", ["line": "line id です"], .lineInvalid,
        at: "13: line: ‸line id です", says: "LINE「line id です」は "),
    .entry("contact-missing", ["phone": nil], .contactMissing, at: "2: ‸name: さくら市 ひきこもり相談窓口", says: "連絡先がありません"),
    .entry("address-missing", ["address": nil], .addressMissing,
        at: "2: ‸name: さくら市 ひきこもり相談窓口", says: "相談窓口には address（住所）"),
    .entry("hours-missing", ["hours": nil], .hoursMissing,
        at: "2: ‸name: さくら市 ひきこもり相談窓口", says: "相談窓口には hours（開いている"),
    .entry("days-invalid", ["hours": "[{days: [mon, funday], time: \"10:00-12:00\"}]"], .enumInvalid,
        at: "9: hours: [{days: [mon, ‸funday], ti…", says: "days（曜日）に「funday」は"),
    .entry("weeks-invalid", ["hours": "[{days: [sat], weeks: [6], time: \"10:00-12:00\"}]"], .weeksInvalid,
        at: "9: hours: [{days: [sat], weeks: [‸6], time: \"…", says: "weeks（第何週）には 1 から "),
    .entry("time-invalid", ["hours": "[{days: [sat], time: \"17:00-09:00\"}]"], .timeInvalid,
        at: "9: hours: [{days: [sat], time: ‸\"17:00-09:00\"}]", says: "time（時間）「17:00-09:"),
    .entry("geo-invalid", ["geo": "{lat: north, lon: 140}"], .geoInvalid,
        at: "13: geo: {lat: ‸north, lon: 140}", says: "geo の lat（緯度）は数で書き"),
    .entry("geo-outside-japan", ["geo": "{lat: 139.7, lon: 35.6}"], .geoOutsideJapan,
        at: "13: geo: ‸{lat: 139.7, lon: 35.6}", says: "geo（位置 139.7, 35.6"),
    .entry("date-invalid", ["verified": "2026-02-30"], .dateInvalid,
        at: "12: verified: ‸2026-02-30", says: "verified（最終確認日）「20"),
    .entry("verified-future", ["verified": "2027-01-01"], .verifiedFuture,
        at: "12: verified: ‸2027-01-01", says: "最終確認日（verified: 20"),
    .entry("verified-stale", ["verified": "2024-04-01"], .verifiedStale,
        at: "12: verified: ‸2024-04-01", says: "最終確認日（2024-04-01）か"),
    .entry("until-past", ["until": "2026-03-31"], .untilPast,
        at: "13: until: ‸2026-03-31", says: "掲載期限（until: 2026-0"),
    .entry("cost-missing", ["cost": nil], .costMissing, at: "2: ‸name: さくら市 ひきこもり相談窓口", says: "cost（費用）が書かれていません"),
    .entry("reservation-missing", ["reservation": nil], .reservationMissing,
        at: "2: ‸name: さくら市 ひきこもり相談窓口", says: "reservation（予約）が書か"),
    .entry("language-invalid", ["languages": "[ja, 日本語]"], .languageInvalid,
        at: "13: languages: [ja, ‸日本語]", says: "言語「日本語」は ja、en、zh-"),
    .entry("number-invalid", ["anonymous": "maybe"], .fieldType,
        at: "13: anonymous: ‸maybe", says: "anonymous（匿名可）は tr"),

    // Markdown bodies
    .entry("markdown-raw-html", [:], body: "相談できます。<b>太字</b>", .markdownRawHTML,
        at: "14: 相談できます。‸<b>太字</b>", says: "HTML タグは使えないため、表示し"),
    .entry("markdown-link-scheme", [:], body: "[ここ](javascript:alert(1))", .markdownLinkScheme,
        at: "14: ‸[ここ](javascript:alert(1))", says: "リンク先「javascript:al"),
    .entry("markdown-image", [:], body: "![地図](https://maps.example.com/x.png)", .markdownImage,
        at: "14: ‸![地図](https://maps.example.com/x.png)", says: "画像は表示しません（ほかのサイトから"),
    .entry("markdown-emphasis", [:], body: "まず\nこれは**「重要」**です。", .markdownEmphasis,
        at: "15: これは‸**「重要」**です。", says: "「**」が太字にならず、そのまま表示"),
    .entry("markdown-table-too-wide", [:], body: "表です。\n\n" + String(repeating: "|a", count: 200) + "|\n" + String(repeating: "|-", count: 200) + "|", .markdownTableTooWide,
        at: "16: ‸|a|a|a|a|a|a|a|a|a|a|a|a|a|a|…", says: "表の列が多すぎる（1行に「|」が12"),

    // site.yml
    .site("site-field-missing", "title: テスト\nareas: []\n", .fieldMissing,
        at: "1: ‸title: テスト", says: "base_url（公開先の URL）"),
    .site("base-url-invalid", "title: テスト\nbase_url: example.org\nareas: []\n", .baseURLInvalid,
        at: "2: base_url: ‸example.org", says: "base_url「example.o"),
    .site("neighbor-unknown", siteHead + "    neighbors: [kaede]\n", .neighborUnknown,
        at: "7:     neighbors: [‸kaede]", says: "近隣エリア「kaede」は area"),
    .site("edition-area-unknown", siteHead + "editions:\n  - id: e\n    areas: [momiji]\n", .editionAreaUnknown,
        at: "9:     areas: [‸momiji]", says: "冊子のエリア「momiji」は ar"),
    .site("site-duplicate-area", siteHead + "  - id: sakura\n    name: x\n    kana: x\n", .idDuplicate,
        at: "7:   - id: ‸sakura", says: "エリアの id「sakura」が2回"),
    .site("site-unknown-key", siteHead + "titel: x\n", .fieldUnknown, at: "7: ‸titel: x", says: "「titel」という項目はありません"),
    .site("stale-after-days", siteHead + "stale_after_days: ten\n", .numberInvalid,
        at: "7: stale_after_days: ‸ten", says: "stale_after_days（確"),
    .site("corrections-invalid", siteHead + "corrections: javascript:alert(1)\n", .correctionsInvalid,
        at: "7: corrections: ‸javascript:alert(1)", says: "corrections「javasc"),
    .site("paper-invalid", siteHead + "editions:\n  - id: e\n    areas: [sakura]\n    paper: B5\n", .enumInvalid,
        at: "10:     paper: ‸B5", says: "paper（紙の大きさ）に「B5」は"),
]

@Suite("Each kind of bad input gives its diagnostic at the place at fault")
struct DiagnosticFixtureTests {
    @Test(arguments: fixtures)
    func reportsCodePlaceAndWords(_ fixture: DiagnosticFixture) throws {
        let place = try #require(fixture.place, "at: \"\(fixture.at)\" is not \"<line>: <text with ‸>\"")
        // The line shown in the fixture is the file's line.
        let lines = (fixture.files[fixture.file] ?? "").components(separatedBy: "\n")
        let text = place.line <= lines.count ? lines[place.line - 1] : ""
        #expect(place.isPrefix ? text.hasPrefix(place.text) : text == place.text,
                "line \(place.line) of \(fixture.file) is \"\(text.prefix(60))\"")

        let guide = try FixtureGuide(files: fixture.files)
        defer { guide.remove() }
        let result = GuideValidator.validate(contentFolder: guide.content, themesFolder: nil, today: FixtureGuide.today)
        let matching = result.diagnostics.filter { $0.code == fixture.code && $0.file == fixture.file }
        #expect(!matching.isEmpty, "no \(fixture.code.rawValue) in \(result.diagnostics)")
        let here = matching.filter { $0.line == place.line && $0.column == place.column }
        #expect(!here.isEmpty,
                "\(fixture.code.rawValue) at \(matching.map { "\($0.line):\($0.column)" }), expected \(place.line):\(place.column)")
        #expect(here.contains { $0.message.contains(fixture.says) },
                "\(here.map(\.message)) does not say \"\(fixture.says)\"")
        if fixture.code.defaultSeverity == .error {
            #expect(result.guide == nil, "an error must stop the build")
        }
    }

    @Test func validEntryPasses() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/ok.md": FixtureGuide.entry()])
        defer { guide.remove() }
        let result = GuideValidator.validate(contentFolder: guide.content, themesFolder: nil, today: FixtureGuide.today)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.guide?.entries.map(\.id) == ["ok"])
    }
}
