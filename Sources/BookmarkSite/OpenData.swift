import BookmarkModel
import BookmarkOutput
import Foundation

/// The guide as open data: `data/entries.json` and `data/entries.csv`, web entries only, in
/// 五十音順. Both hold the same columns; the CSV joins lists with `;`.
///
/// | column | content |
/// |---|---|
/// | id | entry id (file name) |
/// | name, kana | name and reading |
/// | kind | `consultation`, `ibasho`, `online` |
/// | kind_label | 相談窓口, 居場所, オンライン |
/// | area | area id, or `nationwide` |
/// | area_name, prefecture | from site.yml (全国 for nationwide) |
/// | operator, operator_type | who runs it; operator_type as its id |
/// | for | audiences: `person`, `family`, `supporter`, `anyone` |
/// | ages_min, ages_max | age range in years; empty when open |
/// | gender | `any`, `women`, `men` |
/// | address, postal_code, access | empty when the place is told on application |
/// | address_undisclosed | `true` / `false` |
/// | latitude, longitude | when given |
/// | phone | numbers as shown; fax, email, url, line as written |
/// | hours | each line as shown (`月・火 9:00〜17:00`) |
/// | hours_note, cost | as written (cost `無料` when free) |
/// | free | `true` / `false` |
/// | reservation | `required`, `recommended`, `not_required`, or empty |
/// | anonymous, outside_residents | `true`, `false`, or empty when not said |
/// | methods, languages, tags | ids / BCP 47 tags / free words |
/// | notice | the current notice |
/// | verified | last confirmed, `YYYY-MM-DD` |
/// | page_url | the entry's page under base_url |
/// | description | the body as plain text |
enum OpenData {
    static let columns = [
        "id", "name", "kana", "kind", "kind_label", "area", "area_name", "prefecture",
        "operator", "operator_type", "for", "ages_min", "ages_max", "gender",
        "address", "address_undisclosed", "postal_code", "access", "latitude", "longitude",
        "phone", "fax", "email", "url", "line", "hours", "hours_note", "cost", "free",
        "reservation", "anonymous", "outside_residents", "methods", "languages", "tags",
        "notice", "verified", "page_url", "description",
    ]

    /// One value per column, in the order of `columns`: text, a number, a Bool, a list of
    /// text, or nil. A list, not a dictionary: 10,000 rows of 39 hashed keys cost more than
    /// writing them.
    static func values(_ entry: Entry, guide: Guide) -> [Any?] {
        let area = entry.area.areaID.flatMap { guide.site.area(id: $0) }
        let disclosed = !entry.addressUndisclosed
        let values: [Any?] = [
            entry.id, entry.name, entry.kana,
            entry.kind.rawValue, entry.kind.japaneseLabel,
            entry.area.areaID ?? "nationwide",
            EntryContext.areaName(entry.area, guide: guide),
            area?.prefecture,
            entry.operator, entry.operatorType?.rawValue,
            entry.audiences.map(\.rawValue),
            entry.ages?.minimum, entry.ages?.maximum,
            entry.gender.rawValue,
            disclosed ? entry.address : nil,
            entry.addressUndisclosed,
            disclosed ? entry.postalCode : nil,
            disclosed ? entry.access : nil,
            disclosed ? entry.geo?.latitude : nil,
            disclosed ? entry.geo?.longitude : nil,
            entry.phones.map(\.display), entry.fax?.display,
            entry.email, entry.url, entry.line,
            EntryContext.hoursLines(entry.hours), entry.hoursNote,
            entry.cost?.japaneseText, entry.isFree,
            entry.reservation?.rawValue,
            entry.anonymous, entry.outsideResidents,
            entry.methods.map(\.rawValue), entry.languages,
            entry.tags, entry.notice,
            entry.verified.description,
            guide.site.baseURL + "entries/\(entry.id)/",
            entry.bodyText,
        ]
        assert(values.count == columns.count)
        return values
    }

    /// One entry as a JSON object and as a CSV line, made once per entry (see `SiteMemory`).
    struct Row {
        var json: [UInt8]
        var csv: [UInt8]
    }

    /// Positions in `columns`, in the order JSON objects list their keys (sorted, as everywhere).
    static let sortedColumnPositions = columns.indices.sorted { columns[$0] < columns[$1] }

    static func jsonObject(_ values: [Any?]) -> [UInt8] {
        var writer = JSONWriter(forScriptBlock: false)
        writer.bytes.append(UInt8(ascii: "{"))
        for (index, position) in sortedColumnPositions.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.write(string: columns[position])
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(values[position])
        }
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    static func csvLine(_ values: [Any?]) -> String {
        CSVText.line(values.map(cell))
    }

    static func row(_ entry: Entry, guide: Guide) -> Row {
        let values = values(entry, guide: guide)
        return Row(json: jsonObject(values), csv: Array(csvLine(values).utf8))
    }

    /// `{"base_url": …, "columns": […], "entries": [{…}], "title": …}` (keys sorted, as
    /// everywhere); missing values are null. Written as it is made, a few hundred entries at a
    /// time: for a national guide it is tens of megabytes, which the build never holds whole.
    static func json(entries: [Entry], guide: Guide, memo: EntryMemo<Row>?) -> ByteStream {
        ByteStream { emit in
            var head = JSONWriter(forScriptBlock: false)
            head.bytes.append(contentsOf: #"{"base_url":"#.utf8)
            head.write(guide.site.baseURL)
            head.bytes.append(contentsOf: #","columns":"#.utf8)
            head.write(columns)
            head.bytes.append(contentsOf: #","entries":["#.utf8)
            try head.bytes.withUnsafeBytes(emit)
            try emitInChunks(entries.count, separator: UInt8(ascii: ","), emit) { index in
                let entry = entries[index]
                return memo.map { $0.value(for: entry) { row($0, guide: guide) }.json }
                    ?? jsonObject(values(entry, guide: guide))
            }
            var tail = JSONWriter(forScriptBlock: false)
            tail.bytes.append(contentsOf: #"],"title":"#.utf8)
            tail.write(guide.site.title)
            tail.bytes.append(contentsOf: "}\n".utf8)
            try tail.bytes.withUnsafeBytes(emit)
        }
    }

    /// The same rows as CSV (UTF-8 with a byte order mark, for spreadsheet programs), written
    /// as they are made.
    static func csv(entries: [Entry], guide: Guide, memo: EntryMemo<Row>?) -> ByteStream {
        ByteStream { emit in
            try Array((CSVText.byteOrderMark + CSVText.line(columns)).utf8).withUnsafeBytes(emit)
            try emitInChunks(entries.count, separator: nil, emit) { index in
                let entry = entries[index]
                return memo.map { $0.value(for: entry) { row($0, guide: guide) }.csv }
                    ?? Array(csvLine(values(entry, guide: guide)).utf8)
            }
        }
    }

    /// Emits the parts of items 0..<count in order (with `separator` between them), made on
    /// every core a chunk at a time, gathered into writes of about a megabyte: only one chunk
    /// is ever in memory, and parts kept by a memo are not copied but once, into the buffer.
    private static func emitInChunks(
        _ count: Int, separator: UInt8?, _ emit: (UnsafeRawBufferPointer) throws -> Void, part: (Int) -> [UInt8]
    ) throws {
        let chunkSize = 512
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 1 << 16)
        for start in stride(from: 0, to: count, by: chunkSize) {
            let parts = try Parallel.map(min(chunkSize, count - start)) { part(start + $0) }
            for (offset, part) in parts.enumerated() {
                if let separator, start + offset > 0 { buffer.append(separator) }
                buffer.append(contentsOf: part)
                if buffer.count >= 1 << 20 {
                    try buffer.withUnsafeBytes(emit)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try buffer.withUnsafeBytes(emit)
    }

    static func cell(_ value: Any?) -> String {
        switch value {
        case nil: ""
        case let list as [String]: list.joined(separator: ";")
        case let flag as Bool: flag ? "true" : "false"
        case let number as Int: String(number)
        case let number as Double: String(number)
        case let text as String: text
        default: ""
        }
    }
}
