import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

/// One bad input and the diagnostic it must give: code, file, line and column.
///
/// The valid entry of `FixtureGuide.entry()` has its fields on these lines:
/// 2 name, 3 kana, 4 kind, 5 area, 6 for, 7 address, 8 phone, 9 hours, 10 cost,
/// 11 reservation, 12 verified; added fields follow from line 13 in key order.
struct DiagnosticFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var code: DiagnosticCode
    var file: String
    var line: Int
    var column: Int

    var testDescription: String { name }

    static func entry(_ name: String, _ overrides: [String: String?], body: String = "本文です。",
                      _ code: DiagnosticCode, line: Int, column: Int) -> DiagnosticFixture {
        DiagnosticFixture(
            name: name,
            files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/\(name).md": FixtureGuide.entry(overrides, body: body)],
            code: code, file: "entries/sakura/\(name).md", line: line, column: column)
    }

    static func rawEntry(_ name: String, _ text: String, _ code: DiagnosticCode, line: Int, column: Int) -> DiagnosticFixture {
        DiagnosticFixture(
            name: name, files: ["site.yml": FixtureGuide.siteYAML, "entries/\(name).md": text],
            code: code, file: "entries/\(name).md", line: line, column: column)
    }

    static func site(_ name: String, _ text: String, _ code: DiagnosticCode, line: Int, column: Int) -> DiagnosticFixture {
        DiagnosticFixture(name: name, files: ["site.yml": text], code: code, file: "site.yml", line: line, column: column)
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
    .rawEntry("file-empty", "", .fileEmpty, line: 1, column: 1),
    .rawEntry("no-fence", "name: x\n", .frontMatterMissing, line: 1, column: 1),
    .rawEntry("unclosed-fence", "---\nname: x\n", .frontMatterUnclosed, line: 1, column: 1),
    .rawEntry("Bad_ID", FixtureGuide.entry(), .idInvalid, line: 1, column: 1),
    .rawEntry("yaml-tab", "---\nname: x\n\tkana: y\n---\n", .yamlTab, line: 3, column: 1),
    .rawEntry("yaml-unclosed-quote", "---\nname: \"x\nkana: y\n---\n", .yamlSyntax, line: 2, column: 7),
    .rawEntry("yaml-colon", "---\nname: a: b\n---\n", .yamlSyntax, line: 2, column: 8),
    .rawEntry("yaml-alias", "---\nname: &a x\nkana: *a\n---\n", .yamlAlias, line: 2, column: 7),
    .rawEntry("yaml-deep", "---\nname: " + String(repeating: "[", count: 40) + "\n---\n", .yamlTooDeep, line: 2, column: 39),
    .rawEntry("yaml-list", "---\n- a\n- b\n---\n", .yamlNotMapping, line: 2, column: 1),
    .rawEntry("yaml-long-line", "---\nname: " + String(repeating: "あ", count: 10_001) + "\n---\n", .lineTooLong, line: 2, column: 1),
    .rawEntry("duplicate-key", FixtureGuide.entry().replacingOccurrences(of: "cost: free", with: "cost: free\nphone: 0123-45-6789"),
              .yamlDuplicateKey, line: 11, column: 1),

    // Fields
    .entry("field-unknown", ["phon": "0123-45-6789"], .fieldUnknown, line: 13, column: 1),
    .entry("field-missing", ["name": nil], .fieldMissing, line: 2, column: 1),
    .entry("field-type", ["name": "[a, b]"], .fieldType, line: 2, column: 7),
    .entry("enum-invalid", ["kind": "soudan"], .enumInvalid, line: 4, column: 7),
    .entry("list-empty", ["for": "[]"], .listEmpty, line: 6, column: 6),
    .entry("list-repeat", ["for": "[person, 本人]"], .listRepeat, line: 6, column: 15),
    .entry("text-too-long", ["name": String(repeating: "長", count: 121)], .textTooLong, line: 2, column: 7),
    .entry("text-empty", ["name": "\"　\""], .textEmpty, line: 2, column: 7),
    .entry("kana-invalid", ["kana": "さくら市"], .kanaInvalid, line: 3, column: 10),
    .entry("area-unknown", ["area": "sakra"], .areaUnknown, line: 5, column: 7),
    .entry("nationwide-not-online", ["area": "nationwide"], .nationwideNotOnline, line: 5, column: 7),
    .entry("ages-invalid", ["ages": "40-15"], .agesInvalid, line: 13, column: 7),
    .entry("postal-code-invalid", ["postal_code": "123-456"], .postalCodeInvalid, line: 13, column: 14),
    .entry("phone-invalid", ["phone": "0123-45-678"], .phoneInvalid, line: 8, column: 8),
    .entry("email-invalid", ["email": "soudan@example"], .emailInvalid, line: 13, column: 8),
    .entry("url-invalid", ["url": "example.org/soudan"], .urlInvalid, line: 13, column: 6),
    .entry("line-invalid", ["line": "line id です"], .lineInvalid, line: 13, column: 7),
    .entry("contact-missing", ["phone": nil], .contactMissing, line: 2, column: 1),
    .entry("address-missing", ["address": nil], .addressMissing, line: 2, column: 1),
    .entry("hours-missing", ["hours": nil], .hoursMissing, line: 2, column: 1),
    .entry("days-invalid", ["hours": "[{days: [mon, funday], time: \"10:00-12:00\"}]"], .enumInvalid, line: 9, column: 22),
    .entry("weeks-invalid", ["hours": "[{days: [sat], weeks: [6], time: \"10:00-12:00\"}]"], .weeksInvalid, line: 9, column: 31),
    .entry("time-invalid", ["hours": "[{days: [sat], time: \"17:00-09:00\"}]"], .timeInvalid, line: 9, column: 29),
    .entry("geo-invalid", ["geo": "{lat: north, lon: 140}"], .geoInvalid, line: 13, column: 12),
    .entry("geo-outside-japan", ["geo": "{lat: 139.7, lon: 35.6}"], .geoOutsideJapan, line: 13, column: 6),
    .entry("date-invalid", ["verified": "2026-02-30"], .dateInvalid, line: 12, column: 11),
    .entry("verified-future", ["verified": "2027-01-01"], .verifiedFuture, line: 12, column: 11),
    .entry("verified-stale", ["verified": "2024-04-01"], .verifiedStale, line: 12, column: 11),
    .entry("until-past", ["until": "2026-03-31"], .untilPast, line: 13, column: 8),
    .entry("cost-missing", ["cost": nil], .costMissing, line: 2, column: 1),
    .entry("reservation-missing", ["reservation": nil], .reservationMissing, line: 2, column: 1),
    .entry("language-invalid", ["languages": "[ja, 日本語]"], .languageInvalid, line: 13, column: 17),
    .entry("number-invalid", ["anonymous": "maybe"], .fieldType, line: 13, column: 12),

    // Markdown bodies
    .entry("markdown-raw-html", [:], body: "相談できます。<b>太字</b>", .markdownRawHTML, line: 14, column: 8),
    .entry("markdown-link-scheme", [:], body: "[ここ](javascript:alert(1))", .markdownLinkScheme, line: 14, column: 1),
    .entry("markdown-image", [:], body: "![地図](https://maps.example.com/x.png)", .markdownImage, line: 14, column: 1),
    .entry("markdown-emphasis", [:], body: "まず\nこれは**「重要」**です。", .markdownEmphasis, line: 15, column: 4),
    .entry("markdown-table-too-wide", [:], body: "表です。\n\n" + String(repeating: "|a", count: 200) + "|\n" + String(repeating: "|-", count: 200) + "|",
           .markdownTableTooWide, line: 16, column: 1),

    // site.yml
    .site("site-field-missing", "title: テスト\nareas: []\n", .fieldMissing, line: 1, column: 1),
    .site("base-url-invalid", "title: テスト\nbase_url: example.org\nareas: []\n", .baseURLInvalid, line: 2, column: 11),
    .site("neighbor-unknown", siteHead + "    neighbors: [kaede]\n", .neighborUnknown, line: 7, column: 17),
    .site("edition-area-unknown", siteHead + "editions:\n  - id: e\n    areas: [momiji]\n", .editionAreaUnknown, line: 9, column: 13),
    .site("site-duplicate-area", siteHead + "  - id: sakura\n    name: x\n    kana: x\n", .idDuplicate, line: 7, column: 9),
    .site("site-unknown-key", siteHead + "titel: x\n", .fieldUnknown, line: 7, column: 1),
    .site("stale-after-days", siteHead + "stale_after_days: ten\n", .numberInvalid, line: 7, column: 19),
    .site("corrections-invalid", siteHead + "corrections: javascript:alert(1)\n", .correctionsInvalid, line: 7, column: 14),
    .site("paper-invalid", siteHead + "editions:\n  - id: e\n    areas: [sakura]\n    paper: B5\n", .enumInvalid, line: 10, column: 12),
]

@Suite("Each kind of bad input gives its diagnostic at the place at fault")
struct DiagnosticFixtureTests {
    @Test(arguments: fixtures)
    func reportsCodeLineAndColumn(_ fixture: DiagnosticFixture) throws {
        let guide = try FixtureGuide(files: fixture.files)
        defer { guide.remove() }
        let result = GuideValidator.validate(contentFolder: guide.content, themesFolder: nil, today: FixtureGuide.today)
        let matching = result.diagnostics.filter { $0.code == fixture.code && $0.file == fixture.file }
        #expect(!matching.isEmpty, "no \(fixture.code.rawValue) in \(result.diagnostics)")
        #expect(matching.contains { $0.line == fixture.line && $0.column == fixture.column },
                "\(fixture.code.rawValue) at \(matching.map { "\($0.line):\($0.column)" }), expected \(fixture.line):\(fixture.column)")
        #expect(matching.allSatisfy { !$0.message.isEmpty })
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
