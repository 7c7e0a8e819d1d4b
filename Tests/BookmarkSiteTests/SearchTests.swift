import BookmarkTesting
import Foundation
import Testing

@testable import BookmarkSite

/// The folding and grams that search/index.json and search.js share.
@Suite struct SearchTests {
    @Test func foldingMakesKatakanaHiraganaAndWidthsMeet() {
        #expect(SearchText.fold("ソウダン") == "そうだん")
        #expect(SearchText.fold("ｿｳﾀﾞﾝ") == "そうだん")
        #expect(SearchText.fold("ＬＩＮＥ相談") == "line相談")
        #expect(SearchText.fold("ヴ") == "ゔ")
    }

    @Test func gramsAreCutAtPunctuationAndSpaces() {
        let grams = SearchText.grams("相談窓口（さくら市）・LINE")
        #expect(grams.contains("相談"))
        #expect(grams.contains("窓口"))
        #expect(grams.contains("さく"))
        #expect(grams.contains("li"))
        #expect(!grams.contains("口（"))
        #expect(!grams.contains("口さ"))
    }

    @Test func indexFindsEntriesByPartOfAWord() throws {
        let site = try PageTests.site()
        let data = Data(try #require(site["search/index.json"]).utf8)
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(index["entries"] as? [[String: Any]])
        let grams = try #require(index["grams"] as? [String: [Int]])
        let names = { (gram: String) in (grams[gram] ?? []).map { entries[$0]["name"] as? String ?? "" } }
        #expect(names("相談").contains("さくら市 ひきこもり相談窓口"))
        #expect(names("かふ").contains("かえで 居場所カフェ"))
        #expect(entries.map { $0["id"] as? String ?? "" } == ["kaede-ibasho", "sakura-soudan", "zenkoku-line", "tooi-kazoku"])
        let nationwide = try #require(entries.first { $0["id"] as? String == "zenkoku-line" })
        #expect(nationwide["outside"] as? Bool == true)
        #expect(nationwide["for"] as? [String] == ["anyone"])
    }
}
