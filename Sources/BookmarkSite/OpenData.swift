import BookmarkModel
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

    /// One value per column: text, a number, a Bool, a list of text, or nil.
    static func values(_ entry: Entry, guide: Guide) -> [String: Any?] {
        let area = entry.area.areaID.flatMap { guide.site.area(id: $0) }
        let disclosed = !entry.addressUndisclosed
        return [
            "id": entry.id, "name": entry.name, "kana": entry.kana,
            "kind": entry.kind.rawValue, "kind_label": entry.kind.japaneseLabel,
            "area": entry.area.areaID ?? "nationwide",
            "area_name": EntryContext.areaName(entry.area, guide: guide),
            "prefecture": area?.prefecture,
            "operator": entry.operator, "operator_type": entry.operatorType?.rawValue,
            "for": entry.audiences.map(\.rawValue),
            "ages_min": entry.ages?.minimum, "ages_max": entry.ages?.maximum,
            "gender": entry.gender.rawValue,
            "address": disclosed ? entry.address : nil,
            "address_undisclosed": entry.addressUndisclosed,
            "postal_code": disclosed ? entry.postalCode : nil,
            "access": disclosed ? entry.access : nil,
            "latitude": disclosed ? entry.geo?.latitude : nil,
            "longitude": disclosed ? entry.geo?.longitude : nil,
            "phone": entry.phones.map(\.display), "fax": entry.fax?.display,
            "email": entry.email, "url": entry.url, "line": entry.line,
            "hours": EntryContext.hoursLines(entry.hours), "hours_note": entry.hoursNote,
            "cost": entry.cost?.japaneseText, "free": entry.isFree,
            "reservation": entry.reservation?.rawValue,
            "anonymous": entry.anonymous, "outside_residents": entry.outsideResidents,
            "methods": entry.methods.map(\.rawValue), "languages": entry.languages,
            "tags": entry.tags, "notice": entry.notice,
            "verified": entry.verified.description,
            "page_url": guide.site.baseURL + "entries/\(entry.id)/",
            "description": entry.bodyText,
        ]
    }

    /// One entry as a JSON object and as a CSV line, made once per entry (see `SiteMemory`).
    struct Row {
        var json: [UInt8]
        var csv: String
    }

    /// The columns in the order JSON objects list their keys (sorted, as everywhere).
    static let sortedColumns = columns.sorted()

    static func row(_ entry: Entry, guide: Guide) -> Row {
        let values = values(entry, guide: guide)
        var writer = JSONWriter(forScriptBlock: false)
        writer.bytes.append(UInt8(ascii: "{"))
        for (index, column) in sortedColumns.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.write(string: column)
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(values[column] ?? nil)
        }
        writer.bytes.append(UInt8(ascii: "}"))
        return Row(json: writer.bytes, csv: CSVText.line(columns.map { cell(values[$0] ?? nil) }))
    }

    static func rows(entries: [Entry], guide: Guide, memo: EntryMemo<Row>?) throws -> [Row] {
        try Parallel.map(entries.count) { index in memo.value(for: entries[index]) { row($0, guide: guide) } }
    }

    /// `{"base_url": …, "columns": […], "entries": [{…}], "title": …}` (keys sorted, as
    /// everywhere); missing values are null.
    static func json(rows: [Row], guide: Guide) -> Data {
        var writer = JSONWriter(forScriptBlock: false)
        // Tens of megabytes for a big guide: sized once rather than doubled along the way.
        writer.bytes.reserveCapacity(rows.reduce(4096) { $0 + $1.json.count + 1 })
        writer.bytes.append(contentsOf: #"{"base_url":"#.utf8)
        writer.write(guide.site.baseURL)
        writer.bytes.append(contentsOf: #","columns":"#.utf8)
        writer.write(columns)
        writer.bytes.append(contentsOf: #","entries":["#.utf8)
        for (index, row) in rows.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: row.json)
        }
        writer.bytes.append(contentsOf: #"],"title":"#.utf8)
        writer.write(guide.site.title)
        writer.bytes.append(contentsOf: "}\n".utf8)
        return Data(writer.bytes)
    }

    static func csv(rows: [Row]) -> Data {
        var bytes = Array((CSVText.byteOrderMark + CSVText.line(columns)).utf8)
        bytes.reserveCapacity(rows.reduce(bytes.count) { $0 + $1.csv.utf8.count })
        for row in rows { bytes.append(contentsOf: row.csv.utf8) }
        return Data(bytes)
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
