import BookmarkModel
import PropertyBased
import Testing

/// 五十音順 sorts bytes made once per entry; the order must be the one String's `<` gives.
@Suite struct GojuonOrderTests {
    /// Kana of both kinds, voicing marks alone and combined, spaces, Latin with a combining
    /// accent after a space (the one case where a sort key is not composed already).
    static let kanaCharacter = Gen<Character?>.element(of: Array(
        "あいうかがぱはばきゃっゔアイウカガパハバヴヷーゝゞ 　abcé1２") + ["\u{3099}", "\u{309A}", "e\u{301}", " \u{301}"])
        .compactMap { $0 }

    @Test func bytesSortAsTheSortKeys() async {
        await propertyCheck(count: 500, input: Self.kanaCharacter.string(of: 0...8), Self.kanaCharacter.string(of: 0...8)) { a, b in
            let (keyA, keyB) = (Gojuon.sortKey(a), Gojuon.sortKey(b))
            let (bytesA, bytesB) = (Gojuon.orderBytes(keyA), Gojuon.orderBytes(keyB))
            #expect(bytesA.lexicographicallyPrecedes(bytesB) == (keyA < keyB), "\(Array(keyA.unicodeScalars)) \(Array(keyB.unicodeScalars))")
            #expect((bytesA == bytesB) == (keyA == keyB))
            #expect((Gojuon.compareBytes(bytesA, bytesB) < 0) == (keyA < keyB))
            #expect((Gojuon.compareBytes(bytesA, bytesB) == 0) == (keyA == keyB))
        }
    }

    /// Entries sort by their sort keys as Strings, then by id.
    @Test func entriesSortByKeyThenID() async {
        await propertyCheck(count: 100, input: Self.kanaCharacter.string(of: 0...4).array(of: 0...40)) { kanas in
            let entries = kanas.enumerated().map { index, kana in
                Entry(id: "e\(index % 7)-\(index)", file: "x.md", name: "名", kana: kana, kind: .consultation,
                      area: .nationwide, audiences: [.person], verified: Day(year: 2026, month: 1, day: 1)!)
            }
            let expected = entries.sorted { ($0.kanaSortKey, $0.id) < ($1.kanaSortKey, $1.id) }.map(\.id)
            #expect(Gojuon.sorted(entries).map(\.id) == expected)
        }
    }
}
