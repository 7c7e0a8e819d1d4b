import BookmarkModel
import BookmarkValidator
import BookmarkTemplates
import Foundation

/// The yearly re-confirmation (`bookmark confirm`): which entries to ask about, grouped by
/// who runs them, and the printable request each operator gets.
public enum Confirmation {
    /// One operator and the entries to ask them about.
    public struct Request: Sendable {
        /// `operator`, or the entry's name when it has none (then each such entry is asked alone).
        public var operatorName: String
        public var entries: [Entry]
        /// File name without extension: `01_さくら市_福祉課`.
        public var fileStem: String

        public var oldestVerified: Day { entries.map(\.verified).min()! }
    }

    /// The first 1 April after `today`: the day the facts of this field change.
    public static func nextFirstOfApril(after today: Day) -> Day {
        let thisYear = Day(year: today.year, month: 4, day: 1)!
        return thisYear > today ? thisYear : Day(year: today.year + 1, month: 4, day: 1)!
    }

    /// Live entries (not drafts, not past `until`) to ask about: all, those verified more than
    /// `olderThan` days ago, or by default those that will be stale (older than
    /// `stale_after_days`) on the next 1 April.
    public static func select(_ guide: Guide, olderThan: Int?, all: Bool) -> [Entry] {
        let live = guide.entries.filter { guide.isLive($0) }
        if all { return live }
        if let olderThan {
            return live.filter { guide.today.daysSinceEpoch - $0.verified.daysSinceEpoch > olderThan }
        }
        let april = nextFirstOfApril(after: guide.today)
        return live.filter { april.daysSinceEpoch - $0.verified.daysSinceEpoch > guide.site.staleAfterDays }
    }

    /// One request per operator, in 五十音 order of the operator; entries by kana.
    public static func requests(_ entries: [Entry]) -> [Request] {
        // Grouped by the operator as check compares text (NFKC, trimmed: a full-width space or
        // digit is the same operator), shown as first written.
        var groups: [String: (name: String, entries: [Entry])] = [:]
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            let written = entry.operator.map(Normalizer.display).flatMap { $0.isEmpty ? nil : $0 } ?? entry.name
            groups[Normalizer.text(written), default: (written, [])].entries.append(entry)
        }
        let sorted = groups.values.map { group in
            (group.name, group.entries.sorted { ($0.kanaSortKey, $0.id) < ($1.kanaSortKey, $1.id) })
        }.sorted { ($0.1[0].kanaSortKey, $0.0) < ($1.1[0].kanaSortKey, $1.0) }
        let width = max(2, String(sorted.count).count)
        return sorted.enumerated().map { index, group in
            let number = String(repeating: "0", count: width - String(index + 1).count) + String(index + 1)
            return Request(operatorName: group.0, entries: group.1, fileStem: number + "_" + safeFileName(group.0))
        }
    }

    /// A file name part: no `/`, no control characters, spaces as `_`, at most 40 characters.
    static func safeFileName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            if scalar.value < 0x20 || "/\\:*?\"<>|".unicodeScalars.contains(scalar) { return "_" }
            if scalar == " " || scalar == "\u{3000}" { return "_" }
            return Character(scalar)
        })
        let trimmed = String(cleaned.prefix(40))
        return trimmed.isEmpty || trimmed.hasPrefix(".") ? "operator" : trimmed
    }

    /// The values of `confirm/request.mustache` for one request.
    public static func values(_ request: Request, guide: Guide, sheetFile: String) -> [String: Any] {
        let verifiedBy = Array(Set(request.entries.compactMap(\.verifiedBy))).sorted()
        // How to reach the operator, as the entries give it: their phones, FAX and mail,
        // each once, so the editor can send the letter or call.
        var contact: [String] = []
        for entry in request.entries {
            for phone in entry.phones { contact.append("電話 " + phone.display) }
            if let fax = entry.fax { contact.append("FAX " + fax.display) }
            if let email = entry.email { contact.append("メール " + email) }
        }
        var seen: Set<String> = []
        contact = contact.filter { seen.insert($0).inserted }
        let april = nextFirstOfApril(after: guide.today)
        return [
            "guideTitle": guide.site.title,
            "operator": request.operatorName,
            "verifiedBy": verifiedBy.isEmpty ? false : verifiedBy.joined(separator: "、"),
            "contact": contact.isEmpty ? false : contact.prefix(6).joined(separator: "　"),
            "today": guide.today.japaneseText,
            "april": april.japaneseText,
            "count": request.entries.count,
            "corrections": guide.site.corrections ?? false,
            // `mailto:` addresses are printed as the address; the rest are https:// pages.
            "correctionsMail": guide.site.corrections.flatMap { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : nil } ?? false,
            "correctionsURL": guide.site.corrections.flatMap { $0.hasPrefix("mailto:") ? nil : $0 } ?? false,
            "sheetFile": sheetFile,
            "entries": request.entries.map { entryValues($0, site: guide.site) },
        ]
    }

    /// An entry as the booklet prints it today: the same facts in the same words.
    static func entryValues(_ entry: Entry, site: SiteConfig) -> [String: Any] {
        var facts: [[String: String]] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(["label": label, "value": value]) }
        }
        var forParts = [entry.audiences.map(\.japaneseLabel).joined(separator: "・")]
        if let ages = entry.ages { forParts.append(ages.japaneseText) }
        if entry.gender != .any { forParts.append(entry.gender.japaneseLabel) }
        add("対象", forParts.joined(separator: "　"))
        add("運営", entry.operator)
        add("電話", entry.phones.map(\.display).joined(separator: "、"))
        switch entry.hours {
        case .items(let items)?: add("時間", items.map(\.japaneseText).joined(separator: "\n"))
        case .text(let text)?: add("時間", text)
        case nil: break
        }
        add("時間の補足", entry.hoursNote)
        if entry.addressUndisclosed {
            add("場所", "申し込みのときにお知らせします")
        } else {
            add("場所", entry.address.map { address in entry.postalCode.map { "〒\($0) \(address)" } ?? address })
        }
        add("交通", entry.access)
        var use: [String] = [entry.methods.map(\.japaneseLabel).joined(separator: "・")]
        if let cost = entry.cost { use.append(cost.japaneseText) }
        if let reservation = entry.reservation { use.append(reservation.japaneseLabel) }
        if entry.anonymous == true { use.append("匿名可") }
        if entry.outsideResidents == true { use.append("市外可") }
        add("利用", use.filter { !$0.isEmpty }.joined(separator: "　"))
        add("メール", entry.email)
        add("LINE", entry.line)
        add("FAX", entry.fax?.display)
        add("ホームページ", entry.url)
        add("お知らせ", entry.notice)
        let area: String = switch entry.area {
        case .nationwide: "全国"
        case .area(let id): site.area(id: id)?.name ?? id
        }
        return [
            "id": entry.id,
            "name": entry.name,
            "kind": entry.kind.japaneseLabel,
            "area": area,
            "facts": facts,
            "body": entry.bodyText.isEmpty ? false : entry.bodyText,
            "verified": entry.verified.japaneseText,
            "paperOnly": entry.publish.web ? false : true,
        ]
    }

    /// The request's HTML: the template (and its CSS, inlined) from the theme's `confirm/`.
    public static func html(_ request: Request, guide: Guide, sheetFile: String, themeFolder: URL) throws -> String {
        let folder = themeFolder.appendingPathComponent("confirm")
        let template = try String(contentsOf: folder.appendingPathComponent("request.mustache"), encoding: .utf8)
        let css = try String(contentsOf: folder.appendingPathComponent("request.css"), encoding: .utf8)
        var values = values(request, guide: guide, sheetFile: sheetFile)
        values["css"] = css
        return try TextTemplate(template).render(values)
    }
}
