import BookmarkTesting
import Foundation
import Testing

@testable import BookmarkSite

/// The folding, grams and posting lists that search/index.js and search.js share.
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

    /// Every bigram of each run and each run's last letter, each once: as the runs define them.
    @Test func indexGramsAreTheBigramsAndLastLettersOfEachRun() {
        // A long text of few letters repeats its grams often and fills the table that drops repeats.
        var random = SystemRandomNumberGenerator()
        let long = String((0..<5000).map { _ in "あいうカキ漢字ab 、".randomElement(using: &random)! })
        for text in ["相談窓口（さくら市）・LINE", "ｿｳﾀﾞﾝ　そうだん", "a", "", "、。", "㈱さくら 相 談", "か\u{3099}き", long] {
            var expected = Set<UInt64>()
            for run in SearchText.runs(text) {
                for (index, scalar) in run.enumerated() {
                    let next = index + 1 < run.count ? UInt64(run[index + 1].value) : 0
                    expected.insert(UInt64(scalar.value) << 32 | next)
                }
            }
            let grams = SearchText.indexGrams(text)
            #expect(grams.sorted() == expected.sorted(), "\(text)")
            #expect(grams.count == Set(grams).count, "\(text)")
        }
    }

    /// The index lists grams in the order of their text; packed numbers stand in for the text
    /// only where they sort the same (kana, kanji, ASCII, mixed here with Hangul, combining
    /// marks and compatibility ideographs, which NFC changes or composes).
    @Test func gramsSortAsTheirText() {
        let scalars: [UInt32] = [0x41, 0x61, 0x7E, 0x3042, 0x304C, 0x3094, 0x309D, 0x30A2, 0x30FC, 0x30FE,
                                 0x4E00, 0x9FFF, 0x3400, 0xF900, 0xFA10, 0x1100, 0x1161, 0xAC00, 0x0301, 0x0300,
                                 0x3099, 0x00E9, 0x212B, 0x00C5, 0x1F600, 0x20000]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let grams = Array(Set((0..<300).map { _ in
                UInt64(scalars.randomElement(using: &random)!) << 32
                    | (Bool.random(using: &random) ? 0 : UInt64(scalars.randomElement(using: &random)!))
            }))
            let expected = grams.map { ($0, SearchText.text(ofGram: $0)) }.sorted { $0.1 < $1.1 }.map(\.1)
            #expect(SearchPostings.inTextOrder(grams).map(SearchText.text(ofGram:)) == expected)
        }
    }

    @Test func foldingWithoutFoundationAgreesWithNFKC() {
        for text in ["相談窓口（さくら市）", "ＬＩＮＥで相談", "一丁七万丈三上下不与丐丑且丕世丘丙丞両並", "㐀㐁", "〶〸ゟヿ゛", "ｿｳﾀﾞﾝ", "か\u{3099}", "ABC def　ヴ", "㈱さくら", "ゟ"] {
            let general = text.precomposedStringWithCompatibilityMapping.lowercased()
            let expected = SearchText.fold(general + "\u{FFFF}").dropLast()
            #expect(SearchText.fold(text) == String(expected), "\(text)")
        }
    }

    @Test func postingListsAreGapsWithRunsOfConsecutiveEntries() {
        #expect(SearchIndex.encode([0]) == "1")
        #expect(SearchIndex.encode([0, 2]) == "12")
        #expect(SearchIndex.encode([0, 1, 2, 3, 9]) == "046")
        #expect(SearchIndex.encode([40]) == "X9")
        #expect(Self.decode(SearchIndex.encode([3, 4, 5, 6, 100, 5000, 5001])) == [3, 4, 5, 6, 100, 5000, 5001])
    }

    @Test func longSpreadListsBecomeBitmaps() {
        let spread = (0..<200).map { Int32($0 * 3) }
        let encoded = SearchIndex.encode(spread)
        #expect(encoded.hasPrefix("~") && encoded.count < SearchIndex.encodeGaps(spread).count)
        #expect(Self.decode(encoded) == spread.map(Int.init))
    }

    /// The sharded index: the entry file names the chunks by their first key, each key is in the
    /// chunk the JavaScript's binary search finds, and the keys say what a reader sees.
    @Test func shardedIndexFindsEntriesByWordsFactsNamesAndFilters() throws {
        let site = try PageTests.site()
        let index = try SearchFiles(site)
        #expect(index.records.map { $0[0] as? String ?? "" } == ["kaede-ibasho", "sakura-soudan", "zenkoku-line", "tooi-kazoku"])
        let names = { (key: String) in index.positions(key).map { index.records[$0][1] as? String ?? "" } }
        #expect(names("相談").contains("さくら市 ひきこもり相談窓口"))
        #expect(names("かふ").contains("かえで 居場所カフェ"))
        // Facts: every entry with a phone number holds 電話; the 24-hour line holds 24時間.
        #expect(Set(names("電話")) == ["かえで 居場所カフェ", "さくら市 ひきこもり相談窓口", "全国 夜の電話", "とおい村 家族会"])
        #expect(names("時間") == ["全国 夜の電話"] && names("24") == ["全国 夜の電話"])
        #expect(names("無料").count == 4)
        // Names, and filters.
        #expect(names("!電話") == ["全国 夜の電話"])
        #expect(names("#a*") == ["全国 夜の電話"])
        #expect(names("#f4") .contains("全国 夜の電話"), "a nationwide service counts as usable from outside")
        #expect(names("#pperson").contains("全国 夜の電話"), "for anyone counts for every audience")
        #expect(!names("#pperson").contains("とおい村 家族会"))
        #expect(names("#y*").count == 4)
        // No key is one letter.
        #expect(index.keys.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("!") || $0.unicodeScalars.count == 2 })
    }

    /// The search files of a built site, read as search.js reads them.
    struct SearchFiles {
        var chunks: [String] = []
        var lists: [String: String] = [:]
        var records: [[Any]] = []
        var keys: [String] { Array(lists.keys) }

        init(_ site: BuiltSite) throws {
            let entry = try #require(site["search/index.js"])
            let meta = try Self.json(entry, after: "self.bookmarkSearch = ", dropLast: 2) as? [String: Any]
            chunks = try #require(meta?["chunks"] as? [String])
            let perFile = try #require(meta?["recordsPerFile"] as? Int)
            for (number, first) in chunks.enumerated() {
                let text = try #require(site["search/chunks/\(number).js"])
                let prefix = "bookmarkSearch.take(\"chunk\",\(number),"
                let chunk = try #require(try Self.json(text, after: prefix, dropLast: 3) as? [String: String])
                for (key, list) in chunk {
                    // Each key is in the chunk whose first key is the last not after it.
                    let found = chunks.lastIndex { !key.utf16.lexicographicallyPrecedes($0.utf16) }
                    #expect(found == number, "\(key)")
                    lists[key] = list
                }
                #expect(chunk[first] != nil)
            }
            var number = 0
            while let text = site["search/records/\(number).js"] {
                let file = try #require(try Self.json(text, after: "bookmarkSearch.take(\"records\",\(number),", dropLast: 3) as? [[Any]])
                #expect(file.count <= perFile)
                records += file
                number += 1
            }
            #expect(records.count == meta?["count"] as? Int)
        }

        func positions(_ key: String) -> [Int] { SearchTests.decode(lists[key] ?? "") }

        static func json(_ text: String, after prefix: String, dropLast: Int) throws -> Any {
            #expect(text.hasPrefix(prefix))
            return try JSONSerialization.jsonObject(with: Data(text.dropFirst(prefix.count).dropLast(dropLast).utf8))
        }
    }

    /// The decoder of search.js, for checking what the index says.
    static func decode(_ text: String) -> [Int] {
        if text.hasPrefix("~") {
            let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-.")
            return text.dropFirst().enumerated().flatMap { index, character in
                let bits = digits.firstIndex(of: character) ?? 0
                return (0..<6).filter { bits & (1 << $0) != 0 }.map { index * 6 + $0 }
            }
        }
        let last = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV")
        let continued = Array("WXYZabcdefghijklmnopqrstuvwxyz-.")
        var numbers: [Int] = []
        var value = 0
        for character in text {
            if let digit = last.firstIndex(of: character) {
                numbers.append(value * 32 + digit)
                value = 0
            } else {
                value = value * 32 + (continued.firstIndex(of: character) ?? 0)
            }
        }
        var positions: [Int] = []
        var previous = -1
        var index = 0
        while index < numbers.count {
            if numbers[index] == 0, index + 1 < numbers.count {
                for _ in 0..<numbers[index + 1] { previous += 1; positions.append(previous) }
                index += 2
            } else {
                previous += numbers[index]
                positions.append(previous)
                index += 1
            }
        }
        return positions
    }
}
