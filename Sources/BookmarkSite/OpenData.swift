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

    /// `{"title": …, "base_url": …, "columns": […], "entries": [{…}]}`; missing values are null.
    static func json(entries: [Entry], guide: Guide) throws -> String {
        let rows: [[String: Any]] = entries.map { entry in
            values(entry, guide: guide).mapValues { $0 ?? NSNull() }
        }
        return try JSONText.string([
            "title": guide.site.title, "base_url": guide.site.baseURL,
            "columns": columns, "entries": rows,
        ]) + "\n"
    }

    static func csv(entries: [Entry], guide: Guide) -> String {
        var rows = [columns]
        for entry in entries {
            let values = values(entry, guide: guide)
            rows.append(columns.map { cell(values[$0] ?? nil) })
        }
        return CSVText.document(rows)
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
