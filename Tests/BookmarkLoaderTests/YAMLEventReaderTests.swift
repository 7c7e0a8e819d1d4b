@testable import BookmarkLoader
import BookmarkModel
import Testing

/// The event reader must give exactly Yams's nodes, or give up and leave the text to Yams.
@Suite struct YAMLEventReaderTests {
    static let texts = [
        "name: a\nkana: b",
        "name: \"a\"\nkana: 'b'\nx: |\n  one\n  two\ny: >-\n  folded\n  text\n",
        "hours:\n  - days: [mon, wed]\n    time: \"10:00-16:00\"\n  - {days: [sat], weeks: [2, 4]}\n",
        "geo: {lat: 35.1, lon: 139}\nfor: [person, family]\nempty:\nnull: ~\n",
        "名前: さくら市　相談\n\"引用\": \"\\u00e9\\t\\ufeffx\"\n",
        "- a\n- b: c\n  d: e\n",
        "just text",
        "",
        "a: 1\na: 2",  // repeated key: Yams's path
        "a: 1\n\"a\": 2",
        "a: {b: 1, b: 2}",
        "? [a]\n: b",  // a list as key
        "a: !!str 1",  // a tag
        "a: &x 1\nb: *x",  // anchor and alias
        "a: [1, 2",  // unclosed
        "a: b\n--- \nc: d",  // two documents
        "a:\n  b:\n    c:\n      d: [[[x]]]",
        "e\u{301}: 1\n\u{e9}: 2",  // equal as Swift strings
        "a: \"\\ufeffb\"\nc: \"d\\ufeff\"\ne: \"\\0\"",  // Foundation drops a leading BOM
    ]

    @Test(arguments: texts)
    func sameNodesAsYams(_ yaml: String) {
        let yams = YAMLReader.readWithYams(yaml, file: "a.md", lineOffset: 1)
        guard let fast = YAMLEventReader.root(of: yaml, lineOffset: 1) else { return }
        #expect(yams.diagnostics.isEmpty)
        #expect(String(reflecting: Optional(fast)) == String(reflecting: yams.root))
    }

    @Test func givesUpOnWhatYamsReports() {
        for yaml in ["a: 1\na: 2", "a: {b: 1, b: 2}", "? [a]\n: b", "a: !!str 1", "a: &x 1\nb: *x", "a: [1, 2",
                     "a: b\n--- \nc: d", "", "e\u{301}: 1\n\u{e9}: 2", "a: \"\\ufeffb\""] {
            #expect(YAMLEventReader.root(of: yaml, lineOffset: 0) == nil, "\(yaml)")
        }
        #expect(YAMLEventReader.root(of: "name: a", lineOffset: 0) != nil)
    }
}
