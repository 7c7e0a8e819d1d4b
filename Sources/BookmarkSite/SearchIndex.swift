import BookmarkModel
import BookmarkSystem
import Foundation

/// The static search data, `search/index.js`: a bigram index over the web entries, as a
/// script that sets `self.bookmarkSearch`.
///
/// Chosen over Pagefind because it needs no extra tool (no npm, no binary download) and finds
/// Japanese by part of a word (`相談` in `相談窓口`), which needs no word segmentation when
/// every bigram is indexed. A script rather than JSON, so the search page loads it with
/// `<script src>` and search works from a site opened from disk (browsers refuse `fetch` on
/// file://).
///
/// ```js
/// self.bookmarkSearch = {
///   "version": 2,
///   "kinds": [["consultation", "相談窓口"], …], "areas": [["sakura", "さくら市"], …, ["nationwide", "全国"]],
///   "audiences": ["person", "family", "supporter", "anyone"], "badges": ["24時間", "無料", …],
///   "entries": [["sakura-soudan", "さくら市 ひきこもり相談窓口", 0, 0, 3, 5, 2, 15, 39,
///                [["0120-00-0000", "tel:0120000000"]], null], …],
///   "grams": {"相談": "1W30", "窓": "4", …}};
/// ```
/// An entry is `[id, name, kind, area, audiences, flags, badges, ageMin, ageMax, phones,
/// notice]`: kind and area index the tables; audiences and badges are bit sets over theirs;
/// flags are the filters (1 無料, 2 匿名可, 4 予約不要, 8 女性限定, 16 地域の外から利用可);
/// ages are null when open. `entries` is in 五十音順, and an entry's position is its number.
///
/// `grams` maps every folded bigram, and every letter that ends a run, to the entries
/// holding it (`SearchText.indexGrams`). A posting list is a string of numbers: each is the
/// gap to the previous entry number (the first counts from -1), except that 0 followed by n
/// stands for n consecutive entries. A number is written in base 32, most significant digit
/// first, its last digit from `0-9A-V` and any others from `W-Za-z-.` (`CONTINUED`), so a
/// list of 10,000 entries is a handful of characters and a rare gram one or two.
enum SearchIndex {
    static let lastDigits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let continuedDigits = Array("WXYZabcdefghijklmnopqrstuvwxyz-.".utf8)
    static let audiences: [Audience] = [.person, .family, .supporter, .anyone]

    /// What one entry gives the index: its grams (each once) and its record as JSON, made once
    /// per entry (see `SiteMemory`).
    struct Part {
        var grams: [UInt64]
        var record: [UInt8]
    }

    static func script(
        entries: [Entry], guide: Guide, memo: Memo<Entry, Part>? = nil, postings: SearchPostings = SearchPostings()
    ) throws -> Data {
        let areas = guide.site.areas.map(\.id) + ["nationwide"]
        let areaNumbers = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        let parts = try Parallel.map(entries.count) { index in
            memo.value(for: entries[index]) { entry in
                var writer = JSONWriter(forScriptBlock: true)
                Record(entry, areaNumbers: areaNumbers).write(to: &writer)
                return Part(grams: SearchText.indexGrams(searchableText(entry, guide: guide)),
                            record: writer.bytes)
            }
        }
        let grams = postings.update(ids: entries.map(\.id), grams: parts.map(\.grams))
        let tables: [String: Any] = [
            "kinds": Kind.allCases.map { [$0.rawValue, $0.japaneseLabel] },
            "areas": guide.site.areas.map { [$0.id, $0.name] } + [["nationwide", "全国"]],
            "audiences": audiences.map(\.rawValue),
            "badges": EntryContext.badgeLabels,
        ]
        // Keys in sorted order, as everywhere: areas, audiences, badges, entries, grams, kinds, version.
        var writer = JSONWriter(forScriptBlock: true)
        writer.bytes.append(contentsOf: "self.bookmarkSearch = {".utf8)
        for key in ["areas", "audiences", "badges"] {
            writer.write(string: key)
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(tables[key])
            writer.bytes.append(UInt8(ascii: ","))
        }
        writer.bytes.append(contentsOf: #""entries":["#.utf8)
        for (index, part) in parts.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: part.record)
        }
        writer.bytes.append(contentsOf: #"],"grams":{"#.utf8)
        for (index, (gram, list)) in grams.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.write(string: gram)
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(string: list)
        }
        writer.bytes.append(contentsOf: #"},"kinds":"#.utf8)
        writer.write(tables["kinds"])
        writer.bytes.append(contentsOf: #","version":2};"#.utf8)
        writer.bytes.append(UInt8(ascii: "\n"))
        return Data(writer.bytes)
    }

    /// Entry numbers, ascending, as a posting string (see the type's comment).
    static func encode(_ positions: [Int32]) -> String {
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

    /// What a result shows and what the filters test (see the type's comment for the order).
    /// Typed fields written by hand rather than an `[Any]` for `JSONWriter.write(_:)`: its
    /// dynamic casts cost more than the rest of a record.
    struct Record {
        var id: String
        var name: String
        var kind: Int
        var area: Int
        var audienceBits = 0
        var flags = 0
        var badgeBits = 0
        var ageMinimum: Int?
        var ageMaximum: Int?
        var phones: [(display: String, telURL: String)]
        var notice: String?

        init(_ entry: Entry, areaNumbers: [String: Int]) {
            id = entry.id
            name = entry.name
            kind = Kind.allCases.firstIndex(of: entry.kind) ?? 0
            area = areaNumbers[entry.area.areaID ?? "nationwide"] ?? 0
            for (bit, audience) in audiences.enumerated() where entry.audiences.contains(audience) {
                audienceBits |= 1 << bit
            }
            let filters = [
                entry.isFree, entry.anonymous == true, entry.reservation == .notRequired, entry.isWomenOnly,
                // A nationwide service takes people from anywhere, so it counts as 市外可.
                entry.outsideResidents == true || entry.area == .nationwide,
            ]
            for (bit, on) in filters.enumerated() where on { flags |= 1 << bit }
            for badge in EntryContext.badges(entry) {
                if let bit = EntryContext.badgeLabels.firstIndex(of: badge) { badgeBits |= 1 << bit }
            }
            ageMinimum = entry.ages?.minimum
            ageMaximum = entry.ages?.maximum
            phones = entry.phones.map { ($0.display, $0.telURL) }
            notice = entry.notice
        }

        /// `[id, name, kind, area, audiences, flags, badges, ageMin, ageMax, phones, notice]`.
        func write(to writer: inout JSONWriter) {
            writer.bytes.append(UInt8(ascii: "["))
            writer.write(string: id)
            writer.bytes.append(UInt8(ascii: ","))
            writer.write(string: name)
            for number in [kind, area, audienceBits, flags, badgeBits] {
                writer.bytes.append(UInt8(ascii: ","))
                writer.write(number: number)
            }
            for age in [ageMinimum, ageMaximum] {
                writer.bytes.append(UInt8(ascii: ","))
                if let age { writer.write(number: age) } else { writer.writeNull() }
            }
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
        return parts.compactMap { $0 }.joined(separator: "\n")
    }
}
