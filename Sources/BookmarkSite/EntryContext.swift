import BookmarkModel

/// The values templates see for an entry, in plain Japanese.
enum EntryContext {
    static func summary(_ entry: Entry, root: String, guide: Guide) -> [String: Any] {
        [
            "id": entry.id,
            "name": entry.name,
            "href": "\(root)entries/\(entry.id)/",
            "kind": entry.kind.japaneseLabel,
            "phones": entry.phones.map { ["display": $0.display, "tel": $0.telURL] },
        ]
    }

    static func full(_ entry: Entry, root: String, guide: Guide) -> [String: Any] {
        var values = summary(entry, root: root, guide: guide)
        values["kana"] = entry.kana
        values["area"] = areaName(entry.area, guide: guide)
        values["audiences"] = entry.audiences.map(\.japaneseLabel).joined(separator: "・")
        values["ages"] = entry.ages?.japaneseText ?? ""
        values["operator"] = entry.operator ?? ""
        values["address"] = entry.addressUndisclosed ? "お申し込みのときにお知らせします" : (entry.address ?? "")
        values["postalCode"] = entry.postalCode ?? ""
        values["access"] = entry.access ?? ""
        values["email"] = entry.email ?? ""
        values["url"] = entry.url ?? ""
        values["line"] = entry.line ?? ""
        values["hours"] = hoursLines(entry.hours)
        values["hoursNote"] = entry.hoursNote ?? ""
        values["cost"] = entry.cost?.japaneseText ?? ""
        values["reservation"] = entry.reservation?.japaneseLabel ?? ""
        values["anonymous"] = entry.anonymous.map { $0 ? "可" : "不可" } ?? ""
        values["outsideResidents"] = entry.outsideResidents.map { $0 ? "利用可" : "市内の方のみ" } ?? ""
        values["methods"] = entry.methods.map(\.japaneseLabel).joined(separator: "・")
        values["notice"] = entry.notice ?? ""
        values["verified"] = entry.verified.japaneseText
        values["stale"] = guide.isStale(entry)
        values["bodyHTML"] = entry.bodyHTML
        return values
    }

    static func areaName(_ area: AreaReference, guide: Guide) -> String {
        switch area {
        case .nationwide: "全国"
        case .area(let id): guide.site.area(id: id)?.name ?? id
        }
    }

    static func hoursLines(_ hours: OpeningHours?) -> [String] {
        switch hours {
        case .items(let items): items.map(\.japaneseText)
        case .text(let text): [text]
        case nil: []
        }
    }
}
