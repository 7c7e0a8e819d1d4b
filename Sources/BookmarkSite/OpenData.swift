import BookmarkModel
import BookmarkOutput
import BookmarkSystem
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

    /// One cell: text, a whole number, a decimal, a flag, a list of text, or nothing. Typed
    /// rather than `Any`, so writing 10,000 rows of 39 cells twice needs no dynamic casts.
    enum Value {
        case none
        case text(String)
        case number(Int)
        case decimal(Double)
        case flag(Bool)
        case list([String])

        init(_ text: String?) { self = text.map { .text($0) } ?? .none }
        init(_ number: Int?) { self = number.map { .number($0) } ?? .none }
        init(_ decimal: Double?) { self = decimal.map { .decimal($0) } ?? .none }
        init(_ flag: Bool?) { self = flag.map { .flag($0) } ?? .none }
        init(_ list: [String]) { self = .list(list) }
    }

    /// One value per column, in the order of `columns`. A list, not a dictionary: 10,000 rows
    /// of 39 hashed keys cost more than writing them.
    static func values(_ entry: Entry, guide: Guide) -> [Value] {
        let area = entry.area.areaID.flatMap { guide.site.area(id: $0) }
        let disclosed = !entry.addressUndisclosed
        let values: [Value] = [
            Value(entry.id), Value(entry.name), Value(entry.kana),
            Value(entry.kind.rawValue), Value(entry.kind.japaneseLabel),
            Value(entry.area.areaID ?? "nationwide"),
            Value(EntryContext.areaName(entry.area, guide: guide)),
            Value(area?.prefecture),
            Value(entry.operator), Value(entry.operatorType?.rawValue),
            Value(entry.audiences.map(\.rawValue)),
            Value(entry.ages?.minimum), Value(entry.ages?.maximum),
            Value(entry.gender.rawValue),
            Value(disclosed ? entry.address : nil),
            Value(entry.addressUndisclosed),
            Value(disclosed ? entry.postalCode : nil),
            Value(disclosed ? entry.access : nil),
            Value(disclosed ? entry.geo?.latitude : nil),
            Value(disclosed ? entry.geo?.longitude : nil),
            Value(entry.phones.map(\.display)), Value(entry.fax?.display),
            Value(entry.email), Value(entry.url), Value(entry.line),
            Value(EntryContext.hoursLines(entry.hours)), Value(entry.hoursNote),
            Value(entry.cost?.japaneseText), Value(entry.isFree),
            Value(entry.reservation?.rawValue),
            Value(entry.anonymous), Value(entry.outsideResidents),
            Value(entry.methods.map(\.rawValue)), Value(entry.languages),
            Value(entry.tags), Value(entry.notice),
            Value(entry.verified.description),
            Value(Route.entry(id: entry.id).permalink(base: guide.site.baseURL)),
            Value(entry.bodyText),
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

    /// The keys of `jsonObject` with their quotes and colons (`"id":`), in the order of
    /// `sortedColumnPositions`, written once rather than escaped again for every row.
    static let jsonKeys: [[UInt8]] = sortedColumnPositions.map { position in
        var writer = JSONWriter(forScriptBlock: false)
        writer.write(string: columns[position])
        return writer.bytes + [UInt8(ascii: ":")]
    }

    static func jsonObject(_ values: [Value]) -> [UInt8] {
        var writer = JSONWriter(forScriptBlock: false)
        writer.bytes.append(UInt8(ascii: "{"))
        for (index, position) in sortedColumnPositions.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: jsonKeys[index])
            switch values[position] {
            case .none: writer.writeNull()
            case .text(let text): writer.write(string: text)
            case .number(let number): writer.write(number: number)
            case .decimal(let number): writer.write(number: number)
            case .flag(let flag): writer.write(flag: flag)
            case .list(let list): writer.write(strings: list)
            }
        }
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// The values as one CSV record with its CRLF, written straight into bytes.
    static func csvLine(_ values: [Value]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CSVText.append(field: cell(value), to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
        return bytes
    }

    static func row(_ entry: Entry, guide: Guide) -> Row {
        let values = values(entry, guide: guide)
        return Row(json: jsonObject(values), csv: csvLine(values))
    }

    /// `{"base_url": …, "columns": […], "entries": [{…}], "title": …}` (keys sorted, as
    /// everywhere); missing values are null. Written as it is made, a few hundred entries at a
    /// time: for a national guide it is tens of megabytes, which the build never holds whole.
    static func json(entries: [Entry], guide: Guide, memo: Memo<Entry, Row>?) -> ByteStream {
        ByteStream { emit in
            var head = JSONWriter(forScriptBlock: false)
            head.bytes.append(contentsOf: #"{"base_url":"#.utf8)
            head.write(guide.site.baseURL)
            head.bytes.append(contentsOf: #","columns":"#.utf8)
            head.write(columns)
            head.bytes.append(contentsOf: #","entries":["#.utf8)
            try head.bytes.withUnsafeBytes(emit)
            if let memo {
                let rows = try memo.values(for: entries) { row($0, guide: guide) }
                try emitInChunks(rows.count, separator: UInt8(ascii: ","), emit) { rows[$0].json }
            } else {
                try emitInChunks(entries.count, separator: UInt8(ascii: ","), emit, onEveryCore: true) {
                    jsonObject(values(entries[$0], guide: guide))
                }
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
    static func csv(entries: [Entry], guide: Guide, memo: Memo<Entry, Row>?) -> ByteStream {
        ByteStream { emit in
            try Array((CSVText.byteOrderMark + CSVText.line(columns)).utf8).withUnsafeBytes(emit)
            if let memo {
                let rows = try memo.values(for: entries) { row($0, guide: guide) }
                try emitInChunks(rows.count, separator: nil, emit) { rows[$0].csv }
            } else {
                try emitInChunks(entries.count, separator: nil, emit, onEveryCore: true) {
                    csvLine(values(entries[$0], guide: guide))
                }
            }
        }
    }

    /// Emits the parts of items 0..<count in order (with `separator` between them), made a
    /// chunk at a time (on every core when `onEveryCore`; parts a memo keeps are only
    /// copied), gathered into writes of about a megabyte: only one chunk is ever in memory,
    /// and parts kept by a memo are not copied but once, into the buffer.
    private static func emitInChunks(
        _ count: Int, separator: UInt8?, _ emit: (UnsafeRawBufferPointer) throws -> Void, onEveryCore: Bool = false,
        part: (Int) -> [UInt8]
    ) throws {
        let chunkSize = 512
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 1 << 16)
        for start in stride(from: 0, to: count, by: chunkSize) {
            let size = min(chunkSize, count - start)
            let parts = onEveryCore ? try Parallel.map(size) { part(start + $0) } : (0..<size).map { part(start + $0) }
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

    /// A value as CSV text before quoting: lists joined with `;`, nothing as empty.
    static func cell(_ value: Value) -> String {
        switch value {
        case .none: ""
        case .list(let list): list.joined(separator: ";")
        case .flag(let flag): flag ? "true" : "false"
        case .number(let number): String(number)
        case .decimal(let number): String(number)
        case .text(let text): text
        }
    }
}
