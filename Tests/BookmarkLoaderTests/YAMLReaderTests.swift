import BookmarkLoader
import BookmarkModel
import Testing

/// The YAML pitfalls editors fall into, and what the reader makes of them.
@Suite struct YAMLReaderTests {
    func read(_ yaml: String) -> YAMLReader.Result { YAMLReader.read(yaml, file: "a.md", lineOffset: 1) }

    func scalar(_ yaml: String, _ key: String) -> String? {
        guard case .mapping(let pairs)? = read(yaml).root?.value else { return nil }
        return pairs.first { $0.key.name == key }?.value.scalar
    }

    @Test(arguments: [
        ("time: 09:00", "09:00"),  // YAML 1.1 would make this 540
        ("answer: no", "no"),  // … and this false
        ("switch: on", "on"),
        ("zip: 0123", "0123"),  // … and this octal 83
        ("day: 2026-04-01", "2026-04-01"),
        ("num: 1e3", "1e3"),
    ])
    func scalarsStayAsWritten(_ pair: (String, String)) {
        let key = String(pair.0.split(separator: ":")[0])
        #expect(scalar(pair.0, key) == pair.1)
    }

    @Test func positionsAreFileLines() throws {
        guard case .mapping(let pairs)? = read("name: a\nkana: b").root?.value else {
            Issue.record("no mapping")
            return
        }
        #expect(pairs[1].key.position == SourcePosition(line: 3, column: 1))
        #expect(pairs[1].value.position == SourcePosition(line: 3, column: 7))
    }

    @Test func quotedScalarsAreMarkedQuoted() {
        guard case .mapping(let pairs)? = read("a: \"x\"\nb: x").root?.value else { return }
        if case .scalar(_, let quoted) = pairs[0].value.value { #expect(quoted) }
        if case .scalar(_, let quoted) = pairs[1].value.value { #expect(!quoted) }
    }

    @Test func duplicateKeyIsReportedAtTheSecondAndTheRestStillRead() {
        let result = read("name: a\nkana: b\nname: c\nphone: 1")
        #expect(result.diagnostics.map(\.code) == [.yamlDuplicateKey])
        #expect(result.diagnostics.first?.line == 4)
        guard case .mapping(let pairs)? = result.root?.value else {
            Issue.record("the rest was not read")
            return
        }
        #expect(pairs.contains { $0.key.name == "phone" })
    }

    @Test func duplicateKeyInsideAListItem() {
        let result = read("hours:\n  - days: [mon]\n    days: [tue]\n    time: \"10:00-12:00\"")
        #expect(result.diagnostics.first?.code == .yamlDuplicateKey)
        #expect(result.diagnostics.first?.line == 4)
        #expect(result.diagnostics.first?.column == 5)
    }

    @Test func tabsAreRefusedWhereTheyAre() {
        let result = read("name: a\n\tkana: b")
        #expect(result.diagnostics.first?.code == .yamlTab)
        #expect(result.diagnostics.first?.line == 3)
        #expect(result.diagnostics.first?.column == 1)
    }

    @Test func aliasBombIsRefusedBeforeParsing() {
        let bomb = (0..<10).map { "l\($0): &l\($0) [" + String(repeating: "*l\(max($0 - 1, 0)),", count: 9) + "x]" }
            .joined(separator: "\n")
        let result = read("a: &a x\n" + bomb)
        #expect(result.root == nil)
        #expect(result.diagnostics.contains { $0.code == .yamlAlias })
    }

    @Test func starsAndAmpersandsInsideTextAreFine() {
        #expect(read("name: \"*注意\"\nnote: A&B *印").diagnostics.isEmpty)
    }

    @Test func blockScalarMayHoldAnything() {
        #expect(read("hours: |\n  * 月曜 & 水曜\n  [第2週\nname: a").diagnostics.isEmpty)
    }

    @Test func deepBracketsAreRefused() {
        let result = read("a: " + String(repeating: "[", count: 100))
        #expect(result.diagnostics.first?.code == .yamlTooDeep)
    }

    @Test func aNationalAreaListFits() {
        let areas = (0..<1_700).map { "  - id: a\($0)\n    name: 市\($0)\n    kana: し\n    prefecture: 県\($0 % 47)\n    neighbors: [a\(($0 + 1) % 1_700), a\(($0 + 1_699) % 1_700)]\n" }
        let result = read("areas:\n" + areas.joined())
        #expect(result.diagnostics.isEmpty)
        #expect(result.root != nil)
    }

    @Test func tooManyNodesAreRefused() {
        let result = read("a:\n" + String(repeating: "- b\n", count: Limits.yamlNodes + 1))
        #expect(result.root == nil)
        #expect(result.diagnostics.first?.code == .yamlTooDeep)
        #expect(result.diagnostics.first?.message.contains("上限 200000") == true)
    }

    @Test func japaneseMessageForMisplacedColon() {
        let d = read("name: 相談: 電話").diagnostics.first
        #expect(d?.code == .yamlSyntax)
        #expect(d?.message.contains("「:」") == true)
    }
}
