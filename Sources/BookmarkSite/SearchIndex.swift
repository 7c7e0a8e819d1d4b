import BookmarkModel
import BookmarkSystem
import Foundation

/// The static search data, sharded as Pagefind shards its index: a small entry file
/// (`search/index.js`), posting lists in chunks found by key (`search/chunks/<n>.js`), and
/// what the results show in record files of `recordsPerFile` entries (`search/records/<n>.js`).
/// A query loads the entry file, the one chunk of each key it asks for (the bigrams covering its
/// words, and to rank more than a screenful, their name keys and the bigrams where its words
/// meet), and the record files of the results it shows; nothing else.
///
/// Scripts rather than JSON, so the search page loads them with `<script src>` and search
/// works from a site opened from disk (browsers refuse `fetch` on file://): each chunk and
/// record file calls `bookmarkSearch.take(kind, number, data)`.
///
/// ```js
/// self.bookmarkSearch = {"version": 3, "count": 10000, "recordsPerFile": 20,
///   "kinds": [["consultation", "相談窓口"], …], "badges": ["24時間", "無料", …],
///   "chunks": ["!あい", "!かぞ", …, "相談", …]};          // search/index.js: first key of each chunk
/// bookmarkSearch.take("chunk", 3, {"相談": "1W30", "!相談": "~Vg0", "#k0": "0A", …});
/// bookmarkSearch.take("records", 0, [["sakura-soudan", "さくら市 ひきこもり相談窓口", 0,
///   "さくら市", 15, [["0120-00-0000", "tel:0120000000"]], null], …]);
/// ```
/// Keys, sorted by their UTF-16 code units (as JavaScript compares strings):
/// - a folded bigram of anything a reader sees on the entry (`searchableText`: its fields and
///   phone numbers, and the facts 電話, メール, LINE, チャット, 24時間, 無料, 匿名, 予約不要 where
///   they apply);
/// - `!` and a bigram of its name, so results whose name holds the words come first;
/// - filters: `#k<kind number>`, `#a<area id>` (`#a*` nationwide), `#p<audience>` (with the
///   entries for anyone), `#f<bit>` (0 無料, 1 匿名可, 2 予約不要, 3 女性限定, 4 地域の外から利用可),
///   `#y<age>` for each age an age range takes in (0–120) and `#y*` for entries open to every age;
///   in a guide of more areas than a page lists (a national one), `#r<n>` for an entry of an area
///   of prefecture `n` of `prefectures`.
/// No key is a single letter: a one-letter query matches nothing (the page asks for two).
///
/// A posting list is a string of entry numbers (positions in 五十音順): either gaps, each the
/// gap to the previous number (the first counts from -1), except that 0 followed by n stands
/// for n consecutive entries, each number in base 32, most significant digit first, its last
/// digit from `0-9A-V` and any others from `W-Za-z-.`; or, when shorter, `~` and a bitmap, six
/// entries a digit of `0-9A-Za-z-.` (entry 6j+i is bit i of digit j). So no list at 100,000
/// entries is longer than 16.7 KB.
///
/// A record is `[id, name, kind, area name, badges, phones, notice]`; badges are a bit set
/// over `badges`.
///
/// A guide of more areas than `PagedLists.areasPerPage` (about 1,700 municipalities: their
/// `<option>`s alone would be 90 KB of the search page) chooses a prefecture first: the entry
/// file then has `"prefectures": ["北海道", …]` (site.yml's, in the order they first appear),
/// and `search/areas/<n>.js` holds prefecture n's areas,
/// `bookmarkSearch.take("areas", n, [["sapporo", "札幌市"], …])`, loaded when it is chosen.
enum SearchIndex {
    static let lastDigits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let continuedDigits = Array("WXYZabcdefghijklmnopqrstuvwxyz-.".utf8)
    static let bitmapDigits = lastDigits + continuedDigits
    static let audiences: [Audience] = [.person, .family, .supporter, .anyone]
    static let recordsPerFile = 20
    /// A chunk is closed once it holds this many bytes of posting lists.
    static let chunkBytes = 4_000

    /// What one entry gives the index: its grams (each once), its name's grams, its filter
    /// keys and its record as JSON, made once per entry (see `SiteMemory`).
    struct Part {
        var grams: [UInt64]
        var nameGrams: [UInt64]
        var filters: [String]
        var record: [UInt8]
    }

    /// The files of the search data.
    struct Files {
        var entry: Data
        var chunks: [Data]
        var records: [Data]
        /// Each prefecture's areas, in a guide that chooses a prefecture first; else empty.
        var areas: [Data]
    }

    /// The prefectures of a guide whose search page chooses a prefecture first (more areas
    /// than a page lists), with their areas, in site.yml's order; nil for other guides.
    static func prefectures(of guide: Guide) -> [(name: String, areas: [Area])]? {
        guard guide.site.areas.count > PagedLists.areasPerPage else { return nil }
        var table: [(name: String, areas: [Area])] = []
        var number: [String: Int] = [:]
        for area in guide.site.areas {
            guard let name = area.prefecture else { continue }
            if let n = number[name] {
                table[n].areas.append(area)
            } else {
                number[name] = table.count
                table.append((name, [area]))
            }
        }
        return table
    }

    /// What each entry gives the index, made on every core (kept in `memo` when given).
    static func parts(entries: [Entry], guide: Guide, memo: Memo<Entry, Part>? = nil) throws -> [Part] {
        var prefectureOfArea: [String: Int] = [:]
        for (number, prefecture) in (prefectures(of: guide) ?? []).enumerated() {
            for area in prefecture.areas { prefectureOfArea[area.id] = number }
        }
        return try Parallel.map(entries.count) { index in
            memo.value(for: entries[index]) { entry in
                var writer = JSONWriter(forScriptBlock: true)
                Record(entry, guide: guide).write(to: &writer)
                return Part(grams: SearchText.indexGrams(searchableText(entry, guide: guide)),
                            nameGrams: SearchText.indexGrams(entry.name), filters: filters(entry, prefecture: entry.area.areaID.flatMap { prefectureOfArea[$0] }),
                            record: writer.bytes)
            }
        }
    }

    /// The files, from the entries' parts (`parts`): the posting lists collected and cut into
    /// chunks on one core.
    static func files(of parts: [Part], entries: [Entry], guide: Guide, postings: SearchPostings) -> Files {
        let prefectures = prefectures(of: guide)
        // Text bigrams through the kept postings (`bookmark serve` updates only what changed);
        // the letters that end a run are not keys any more.
        var lists: [(key: String, list: String)] = postings.update(ids: entries.map(\.id), grams: parts.map(\.grams))
            .filter { $0.0.unicodeScalars.count == 2 }.map { (key: $0.0, list: $0.1) }
        var others: [String: [Int32]] = [:]
        for (position, part) in parts.enumerated() {
            for gram in part.nameGrams where gram & 0xFFFF_FFFF != 0 {
                others["!" + SearchText.text(ofGram: gram), default: []].append(Int32(position))
            }
            for key in part.filters { others[key, default: []].append(Int32(position)) }
        }
        lists += others.map { (key: $0.key, list: encode($0.value)) }
        lists.sort { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }

        // Chunks of consecutive keys; the entry file keeps the first key of each.
        var chunks: [Data] = []
        var firstKeys: [String] = []
        var writer = JSONWriter(forScriptBlock: true)
        var size = 0
        func close() {
            guard size > 0 else { return }
            writer.bytes.append(contentsOf: "});\n".utf8)
            chunks.append(Data(writer.bytes))
            writer = JSONWriter(forScriptBlock: true)
            size = 0
        }
        for (key, list) in lists {
            if size == 0 {
                firstKeys.append(key)
                writer.bytes.append(contentsOf: "bookmarkSearch.take(\"chunk\",\(chunks.count),{".utf8)
            } else {
                writer.bytes.append(UInt8(ascii: ","))
            }
            let before = writer.bytes.count
            writer.write(string: key)
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(string: list)
            size += writer.bytes.count - before
            if size >= chunkBytes { close() }
        }
        close()

        var records: [Data] = []
        for start in stride(from: 0, to: parts.count, by: recordsPerFile) {
            var writer = JSONWriter(forScriptBlock: true)
            writer.bytes.append(contentsOf: "bookmarkSearch.take(\"records\",\(records.count),[".utf8)
            for index in start..<min(start + recordsPerFile, parts.count) {
                if index > start { writer.bytes.append(UInt8(ascii: ",")) }
                writer.bytes.append(contentsOf: parts[index].record)
            }
            writer.bytes.append(contentsOf: "]);\n".utf8)
            records.append(Data(writer.bytes))
        }

        // Keys in sorted order, as everywhere: badges, chunks, count, kinds, recordsPerFile, version.
        var entry = JSONWriter(forScriptBlock: true)
        entry.bytes.append(contentsOf: "self.bookmarkSearch = {\"badges\":".utf8)
        entry.write(strings: EntryContext.badgeLabels)
        entry.bytes.append(contentsOf: ",\"chunks\":".utf8)
        entry.write(strings: firstKeys)
        entry.bytes.append(contentsOf: ",\"count\":".utf8)
        entry.write(number: entries.count)
        entry.bytes.append(contentsOf: ",\"kinds\":".utf8)
        entry.write(Kind.allCases.map { [$0.rawValue, $0.japaneseLabel] })
        if let prefectures {
            entry.bytes.append(contentsOf: ",\"prefectures\":".utf8)
            entry.write(strings: prefectures.map(\.name))
        }
        entry.bytes.append(contentsOf: ",\"recordsPerFile\":\(recordsPerFile),\"version\":3};\n".utf8)
        let areas = (prefectures ?? []).enumerated().map { number, prefecture in
            var writer = JSONWriter(forScriptBlock: true)
            writer.bytes.append(contentsOf: "bookmarkSearch.take(\"areas\",\(number),".utf8)
            writer.write(prefecture.areas.map { [$0.id, $0.name] })
            writer.bytes.append(contentsOf: ");\n".utf8)
            return Data(writer.bytes)
        }
        return Files(entry: Data(entry.bytes), chunks: chunks, records: records, areas: areas)
    }

    /// The filter keys of an entry (see the type's comment).
    static func filters(_ entry: Entry, prefecture: Int? = nil) -> [String] {
        var keys = ["#k\(Kind.allCases.firstIndex(of: entry.kind) ?? 0)", "#a" + (entry.area.areaID ?? "*")]
        if let prefecture { keys.append("#r\(prefecture)") }
        for audience in [Audience.person, .family, .supporter] where entry.isFor(audience) {
            keys.append("#p" + audience.rawValue)
        }
        let flags = [
            entry.isFree, entry.anonymous == true, entry.reservation == .notRequired, entry.isWomenOnly,
            // A nationwide service takes people from anywhere, so it counts as 市外可.
            entry.outsideResidents == true || entry.area == .nationwide,
        ]
        for (bit, on) in flags.enumerated() where on { keys.append("#f\(bit)") }
        if let ages = entry.ages, ages.minimum != nil || ages.maximum != nil {
            let low = max(0, min(ages.minimum ?? 0, 120))
            let high = max(low, min(ages.maximum ?? 120, 120))
            for age in low...high { keys.append("#y\(age)") }
        } else {
            keys.append("#y*")
        }
        return keys
    }

    /// Entry numbers, ascending, as a posting string (see the type's comment).
    static func encode(_ positions: [Int32]) -> String {
        let gaps = encodeGaps(positions)
        // A bitmap when it is shorter: long lists of entries spread over the guide.
        guard positions.count >= 32, let last = positions.last, Int(last) / 6 + 2 < gaps.utf8.count else { return gaps }
        var digits = [Int](repeating: 0, count: Int(last) / 6 + 1)
        for position in positions { digits[Int(position) / 6] |= 1 << (Int(position) % 6) }
        return "~" + String(decoding: digits.map { bitmapDigits[$0] }, as: UTF8.self)
    }

    /// The gap form of `encode`.
    static func encodeGaps(_ positions: [Int32]) -> String {
        var out: [UInt8] = []
        var previous: Int32 = -1
        var index = 0
        while index < positions.count {
            var run = 0
            while index + run < positions.count, positions[index + run] == previous + 1 + Int32(run) { run += 1 }
            if run >= 3 {
                appendNumber(0, to: &out)
                appendNumber(run, to: &out)
                previous += Int32(run)
                index += run
            } else {
                appendNumber(Int(positions[index] - previous), to: &out)
                previous = positions[index]
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Most significant digit first, straight into `out` (an array of digits per number was
    /// most of the cost of encoding).
    private static func appendNumber(_ number: Int, to out: inout [UInt8]) {
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(continuedDigits[(number >> shift) & 31])
            shift -= 5
        }
        out.append(lastDigits[number & 31])
    }

    /// What a result shows (see the type's comment for the order). Typed fields written by
    /// hand rather than an `[Any]` for `JSONWriter.write(_:)`: its dynamic casts cost more
    /// than the rest of a record.
    struct Record {
        var id: String
        var name: String
        var kind: Int
        var areaName: String
        var badgeBits = 0
        var phones: [(display: String, telURL: String)]
        var notice: String?

        init(_ entry: Entry, guide: Guide) {
            id = entry.id
            name = entry.name
            kind = Kind.allCases.firstIndex(of: entry.kind) ?? 0
            areaName = EntryContext.areaName(entry.area, guide: guide)
            for badge in EntryContext.badges(entry) {
                if let bit = EntryContext.badgeLabels.firstIndex(of: badge) { badgeBits |= 1 << bit }
            }
            phones = entry.phones.map { ($0.display, $0.telURL) }
            notice = entry.notice
        }

        /// `[id, name, kind, area name, badges, phones, notice]`.
        func write(to writer: inout JSONWriter) {
            writer.bytes.append(UInt8(ascii: "["))
            writer.write(string: id)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(string: name)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(number: kind)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(string: areaName)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(number: badgeBits)
            writer.bytes.append(contentsOf: ",[".utf8)
            for (index, phone) in phones.enumerated() {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                writer.write(strings: [phone.display, phone.telURL])
            }
            writer.bytes.append(contentsOf: "],".utf8)
            if let notice { writer.write(string: notice) } else { writer.writeNull() }
            writer.bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Every field a reader might search for, joined with line breaks so grams never span two.
    static func searchableText(_ entry: Entry, guide: Guide) -> String {
        var parts: [String?] = [
            entry.name, entry.kana, entry.kind.japaneseLabel,
            EntryContext.areaName(entry.area, guide: guide),
            entry.area.areaID.flatMap { guide.site.area(id: $0)?.prefecture },
            entry.operator, entry.operatorType?.japaneseLabel,
            entry.addressUndisclosed ? nil : entry.address, entry.access,
            entry.hoursNote, entry.cost?.japaneseText, entry.notice, entry.bodyText,
        ]
        parts += entry.tags
        parts += entry.methods.map(\.japaneseLabel)
        parts += entry.audiences.map(\.japaneseLabel)
        parts += entry.languages.map(Wording.language)
        // The facts a reader sees on the entry, in the words a reader types for them.
        if !entry.phones.isEmpty { parts.append("電話") }
        parts += entry.phones.map(\.display)
        if entry.email != nil { parts.append("メール") }
        if entry.line != nil { parts.append("LINE") }
        if entry.isAllDay { parts.append("24時間") }
        if entry.isFree { parts.append("無料") }
        if entry.anonymous == true { parts.append("匿名") }
        if entry.reservation == .notRequired { parts.append("予約不要") }
        parts += EntryContext.badges(entry)
        return parts.compactMap { $0 }.joined(separator: "\n")
    }
}
