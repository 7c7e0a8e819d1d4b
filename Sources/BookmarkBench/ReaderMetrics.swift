import Foundation

/// What a reader downloads from a built site: the largest reader page (every HTML page but
/// `booklet/` and the printable lists, which are reported apart), and the bytes a first and a
/// next query fetch, found as `search.js` finds them.
///
/// The queries are fixed and already cut into words as `Intl.Segmenter` cuts them in Chromium:
/// first 電話相談 (電話, 相談), then, on the same page, 家族会オンライン (家族会, オンライン). A first
/// query fetches the search page, `search.js`, `search/index.js`, the chunk of each key it asks
/// for and the record files of the 10 results it shows; a next query only the chunks and record
/// files not loaded yet. The stylesheet and icon, shared with every page, are not counted.
struct ReaderMetrics {
    var largestPage: (path: String, bytes: Int)
    var largestPrintList: (path: String, bytes: Int)
    var firstQuery: Int
    var nextQuery: Int

    static let queries: [(run: String, words: [String])] = [
        ("電話相談", ["電話", "相談"]),
        ("家族会おんらいん", ["家族会", "おんらいん"]),  // オンライン folded to hiragana, as search.js folds it
    ]
    static let shownAtOnce = 10

    /// One line for the benchmark's report.
    static func line(size: Int, output: URL) -> String {
        guard let metrics = try? measure(output: output) else { return "\(size) entries: reader metrics unavailable" }
        return String(format: "%6d entries: largest reader page %.1f KB (%@), largest print list %.1f KB; search fetches %.1f KB for a first query, %.1f KB for a next",
                      size, Double(metrics.largestPage.bytes) / 1000, metrics.largestPage.path,
                      Double(metrics.largestPrintList.bytes) / 1000, Double(metrics.firstQuery) / 1000,
                      Double(metrics.nextQuery) / 1000)
    }

    static func measure(output: URL) throws -> ReaderMetrics {
        var largest = ("", 0)
        var largestPrint = ("", 0)
        let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.fileSizeKey])
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "html" else { continue }
            let path = String(file.path.dropFirst(output.path.count + 1))
            if path.hasPrefix("booklet/") { continue }
            let bytes = try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            if path.hasSuffix("/print/index.html") {
                if bytes > largestPrint.1 { largestPrint = (path, bytes) }
            } else if bytes > largest.1 {
                largest = (path, bytes)
            }
        }
        var search = try SearchData(output: output)
        let first = try search.query(queries[0].run, words: queries[0].words)
        let next = try search.query(queries[1].run, words: queries[1].words)
        return ReaderMetrics(largestPage: largest, largestPrintList: largestPrint, firstQuery: first, nextQuery: next)
    }

    /// The sharded search data as `search.js` loads it (format: `SearchIndex` in BookmarkSite).
    struct SearchData {
        let output: URL
        var firstKeys: [String] = []
        var recordsPerFile = 20
        var chunks: [Int: [String: String]] = [:]
        var records: Set<Int> = []
        var fetched = 0

        init(output: URL) throws {
            self.output = output
            for page in ["search/index.html", "assets/js/search.js"] {
                fetched += try Data(contentsOf: output.appendingPathComponent(page)).count
            }
            let entry = try Data(contentsOf: output.appendingPathComponent("search/index.js"))
            fetched += entry.count
            let text = String(decoding: entry, as: UTF8.self)
            let json = text.dropFirst("self.bookmarkSearch = ".count).dropLast(2)
            let meta = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            firstKeys = meta?["chunks"] as? [String] ?? []
            recordsPerFile = meta?["recordsPerFile"] as? Int ?? 20
        }

        /// The bytes this query fetches that earlier ones did not: the bigrams covering each
        /// word; if there are more results than a screen shows, the name keys and the bigrams
        /// where the words meet, to rank them; then the record files of the first screen.
        mutating func query(_ run: String, words: [String]) throws -> Int {
            let before = fetched
            let wordKeys = Array(Set(words.flatMap(Self.cover))).sorted()
            var lists: [[Int]] = []
            for key in wordKeys { lists.append(try postings(key)) }
            var found = Self.all(lists)
            if found.count > ReaderMetrics.shownAtOnce {
                var nameLists: [[Int]] = []
                for key in wordKeys { nameLists.append(try postings("!" + key)) }
                var joinLists: [[Int]] = []
                for (previous, word) in zip(words, words.dropFirst()) {
                    joinLists.append(try postings(String(previous.last!) + String(word.first!)))
                }
                let inName = Set(Self.all(nameLists))
                let asTyped = joinLists.isEmpty ? nil : Set(Self.all(joinLists))
                let rank = { (n: Int) in inName.contains(n) ? 0 : asTyped?.contains(n) ?? true ? 1 : 2 }
                found.sort { (rank($0), $0) < (rank($1), $1) }
            }
            for number in found.prefix(ReaderMetrics.shownAtOnce) {
                let file = number / recordsPerFile
                if records.insert(file).inserted {
                    fetched += try Data(contentsOf: output.appendingPathComponent("search/records/\(file).js")).count
                }
            }
            _ = run
            return fetched - before
        }

        /// As `cover` in search.js: the bigrams at 0, 2, 4, … and the last (every one for ASCII).
        static func cover(_ word: String) -> [String] {
            let all = bigrams(word)
            if word.unicodeScalars.allSatisfy(\.isASCII) { return all }
            var out = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            if all.count % 2 == 0, let last = all.last { out.append(last) }
            return out
        }

        mutating func postings(_ key: String) throws -> [Int] {
            guard let number = firstKeys.lastIndex(where: { !key.utf16.lexicographicallyPrecedes($0.utf16) }) else { return [] }
            if chunks[number] == nil {
                let data = try Data(contentsOf: output.appendingPathComponent("search/chunks/\(number).js"))
                fetched += data.count
                let text = String(decoding: data, as: UTF8.self)
                let prefix = "bookmarkSearch.take(\"chunk\",\(number),"
                let json = text.dropFirst(prefix.count).dropLast(3)
                chunks[number] = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] ?? [:]
            }
            return chunks[number]?[key].map(Self.decode) ?? []
        }

        static func bigrams(_ word: String) -> [String] {
            let letters = Array(word)
            return letters.count < 2 ? [] : (0..<letters.count - 1).map { String(letters[$0...$0 + 1]) }
        }

        static func all(_ lists: [[Int]]) -> [Int] {
            guard var found = lists.first else { return [] }
            for list in lists.dropFirst() {
                let set = Set(list)
                found = found.filter(set.contains)
            }
            return found
        }

        /// A posting list: gaps (runs as 0, n) in base 32, or `~` and a bitmap.
        static func decode(_ text: String) -> [Int] {
            let last = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV")
            let continued = Array("WXYZabcdefghijklmnopqrstuvwxyz-.")
            if text.hasPrefix("~") {
                let digits = last + continued
                return text.dropFirst().enumerated().flatMap { index, character in
                    let bits = digits.firstIndex(of: character) ?? 0
                    return (0..<6).filter { bits & (1 << $0) != 0 }.map { index * 6 + $0 }
                }
            }
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
}
