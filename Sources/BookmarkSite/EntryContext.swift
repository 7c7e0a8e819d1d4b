import BookmarkTemplates
import BookmarkModel

/// The values templates see for an entry, in plain Japanese.
///
/// Every value is text for `{{…}}` (escaped by Mustache), except `bodyHTML`, which the
/// Markdown renderer made safe, `jsonLD`, which `StructuredData` escaped for a script block,
/// and the `…HTML` values of `EntryCards`, which the theme's own partials rendered. Links are relative to `root` so the site works under any path and from file://.
enum EntryContext {
    /// What a list shows: name, kind, place, the thresholds that decide whether a person
    /// dares to go, phones and any notice.
    static func summary(_ entry: Entry, root: String, guide: Guide) -> [String: Any] {
        var values = TemplateValues()
        addSummary(entry, root: root, guide: guide, badges: badges(entry), to: &values)
        return values.dictionary
    }

    private static func addSummary(
        _ entry: Entry, root: String, guide: Guide, badges: [String], to values: inout TemplateValues
    ) {
        values["id"] = entry.id
        values["name"] = entry.name
        values["href"] = href(entry, root: root)
        values["kindID"] = entry.kind.rawValue
        values["kind"] = entry.kind.japaneseLabel
        values["areaName"] = areaName(entry.area, guide: guide)
        values["audiences"] = entry.audiences.map(\.japaneseLabel).joined(separator: "・")
        values["ages"] = entry.ages.flatMap { $0.isAll ? nil : $0.japaneseText }
        values["badges"] = badges
        values["phones"] = phones(entry)
        values["notice"] = entry.notice
        values["stale"] = guide.isStale(entry)
    }

    /// Every field of an entry page.
    static func full(_ entry: Entry, root: String, guide: Guide) -> [String: Any] {
        // One dictionary made to its final size, not the summary's copied into a larger one.
        var values = TemplateValues(capacity: 48)
        let badges = badges(entry)
        addSummary(entry, root: root, guide: guide, badges: badges, to: &values)
        values["kana"] = entry.kana
        values["kindHref"] = kindHref(entry, root: root)
        values["areaHref"] = areaHref(entry, root: root)
        values["womenOnly"] = entry.isWomenOnly ? "女性の方のみ" : entry.gender == .men ? "男性の方のみ" : nil
        values["agesText"] = entry.ages?.japaneseText
        values["operator"] = entry.operator
        values["operatorType"] = entry.operatorType?.japaneseLabel
        if entry.addressUndisclosed {
            values["addressNote"] = "場所はお申し込みのときにお知らせします。"
        } else if let address = entry.address {
            values["address"] = address
            values["mapHref"] = ExternalLink.map(address: address)
        }
        values["postalCode"] = entry.postalCode.map { "〒\($0)" }
        values["access"] = entry.access
        values["fax"] = entry.fax?.display
        values["email"] = entry.email
        values["mailto"] = ExternalLink.mail(entry.email)
        values["url"] = ExternalLink.web(entry.url)
        if let line = entry.line {
            if let link = ExternalLink.web(line) { values["lineHref"] = link } else { values["lineID"] = line }
        }
        values["hours"] = hoursLines(entry.hours)
        values["hoursNote"] = entry.hoursNote
        values["showHours"] = entry.hours != nil || entry.hoursNote != nil
        values["cost"] = entry.cost?.japaneseText
        values["reservation"] = entry.reservation.map(Wording.reservation)
        values["anonymous"] = entry.anonymous.map { $0 ? "可（名前を言わずに相談できます）" : "不可" }
        values["outsideResidents"] = entry.outsideResidents.map { $0 ? "利用可" : "地域内にお住まいの方のみ" }
        values["methods"] = entry.methods.map(\.japaneseLabel).joined(separator: "・")
        values["languages"] =
            entry.languages == ["ja"] ? nil : entry.languages.map(Wording.language).joined(separator: "・")
        values["tags"] = entry.tags
        // The printable list shows cost and reservation in words, so its marks leave those out.
        values["sheetMarks"] = badges.filter { $0 != "無料" && $0 != "予約不要" }
        values["verified"] = entry.verified.japaneseText
        values["verifiedISO"] = entry.verified.description
        values["correctionsHref"] = ExternalLink.corrections(
            guide.site.corrections, entryID: entry.id, entryName: entry.name)
        values["bodyHTML"] = entry.bodyHTML
        return values.dictionary
    }

    /// Adds to an entry's `full` values what only its page carries: the JSON-LD.
    static func addStructuredData(to values: inout [String: Any], _ entry: Entry, guide: Guide) {
        values["jsonLD"] = StructuredData.script(for: entry, guide: guide)
    }

    static func kindHref(_ entry: Entry, root: String) -> String {
        Route.kind(entry.kind).href(from: root)
    }

    static func areaHref(_ entry: Entry, root: String) -> String? {
        entry.area.areaID.map { Route.area(id: $0).href(from: root) }
    }

    /// What the nationwide part of an area page shows of a service: name, link and phones.
    /// Every area page lists every nationwide service, so the line is kept short.
    static func line(_ entry: Entry, root: String) -> [String: Any] {
        var values = TemplateValues()
        values["id"] = entry.id
        values["name"] = entry.name
        values["href"] = href(entry, root: root)
        values["phones"] = phones(entry)
        return values.dictionary
    }

    /// As `[String: Any]` items: a list of `[String: String]` is converted item by item
    /// wherever it is read as the general kind.
    static func phones(_ entry: Entry) -> [[String: Any]] {
        entry.phones.map { ["display": $0.display, "tel": $0.telURL] }
    }

    static func href(_ entry: Entry, root: String) -> String {
        Route.entry(id: entry.id).href(from: root)
    }

    static func areaName(_ area: AreaReference, guide: Guide) -> String {
        switch area {
        case .nationwide: "全国"
        case .area(let id): guide.site.area(id: id)?.name ?? id
        }
    }

    /// Short marks on a list item: the low thresholds a reader scans for, in this order.
    static let badgeLabels = ["24時間", "無料", "予約不要", "匿名可", "女性限定", "市外可"]

    static func badges(_ entry: Entry) -> [String] {
        let shown = [
            entry.isAllDay, entry.isFree, entry.reservation == .notRequired, entry.anonymous == true,
            entry.isWomenOnly, entry.outsideResidents == true,
        ]
        return zip(badgeLabels, shown).filter(\.1).map(\.0)
    }

    static func hoursLines(_ hours: OpeningHours?) -> [String] {
        switch hours {
        case .items(let items): items.map(\.japaneseText)
        case .text(let text): [text]
        case nil: []
        }
    }
}

extension Entry {
    /// Whether the entry is for an audience; `anyone` entries are for every audience.
    func isFor(_ audience: Audience) -> Bool {
        self.audiences.contains(audience) || self.audiences.contains(.anyone)
    }

    /// Whether some line of `hours` is open around the clock (`time: 24h`).
    var isAllDay: Bool {
        guard case .items(let items) = self.hours else { return false }
        return items.contains { $0.time == .allDay }
    }
}
