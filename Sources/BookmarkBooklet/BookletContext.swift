import BookmarkTemplates
import BookmarkModel

/// The template values of a whole booklet (`print/booklet.mustache`).
struct BookletContext {
    let guide: Guide
    let edition: Edition
    let variant: BookletVariant
    /// The values of an entry's card, with its HTML as `cardHTML` (see `BookletBuilder`).
    let card: (Entry, Paper) throws -> [String: Any]

    func values() throws -> [String: Any] {
        let contents = BookletContents(guide: guide, edition: edition, variant: variant)
        let size = edition.paper.millimetres
        var values = TemplateValues()
        values["title"] = edition.title
        values["guideTitle"] = guide.site.title
        // For the HTML copy in the site (browsers ask for /favicon.ico without it); WeasyPrint
        // reads only stylesheet and attachment links.
        values["iconHref"] = Route.asset("favicon.svg").href(from: Route.bookletHTML(edition: edition.id).root)
        values["paper"] = edition.paper.rawValue.lowercased()
        values["paperLabel"] = edition.paper.japaneseLabel
        values["width"] = size.width
        values["height"] = size.height
        // The page's height less the 8 mm top and bottom margins of booklet.css, and 1 mm to spare.
        values["coverHeight"] = size.height - 17
        values["bleed"] = variant.bleedMillimetres > 0 ? "\(variant.bleedMillimetres)" : nil
        values["issued"] = edition.issued?.japaneseText
        values["homeAreas"] = contents.homeAreaNames.joined(separator: "・")
        values["neighborAreas"] = contents.neighborAreaNames.joined(separator: "・")
        values["legend"] = CardContext.legend.map { ["id": $0.id, "label": $0.label, "meaning": $0.meaning] }
        values["sections"] = try contents.sections.map { section in
            [
                "id": section.id,
                "title": section.title,
                "groups": try section.groups.map { group in
                    [
                        "id": group.id,
                        "title": group.title,
                        "isNeighbor": group.isNeighbor,
                        "entries": try group.entries.map { try card($0, edition.paper) },
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        values["index"] = indexRows(contents.index)
        // Where "困ったときは" sends a reader who does not know where to ask: the consultation
        // desks, or the first section when the edition has none.
        if let first = contents.sections.first(where: { $0.id == Kind.consultation.rawValue }) ?? contents.sections.first {
            values["firstSection"] = first.id
            values["firstSectionTitle"] = first.title
        }
        // The PDF's creation date: the issue date, else the newest check, so that two renders
        // of the same guide are the same file.
        values["created"] = (edition.issued ?? contents.verifiedRange?.upperBound)?.description
        values["hasAllDay"] = contents.allDayEntries.isEmpty ? nil : true
        values["allDay"] = contents.allDayEntries.map { entry in
            ["anchor": "entry-\(entry.id)", "name": entry.name, "phones": entry.phones.map(\.display)] as [String: Any]
        }
        if let range = contents.verifiedRange {
            values["verifiedFrom"] = range.lowerBound.japaneseText
            values["verifiedTo"] = range.upperBound.japaneseText
        }
        values["entryCount"] = contents.entries.count
        values["siteURL"] = guide.site.baseURL
        values["siteQR"] = QRCode(text: guide.site.baseURL)?.image(
            alt: CardContext.qrAlt(opens: "このガイドのウェブサイト", url: guide.site.baseURL))
        values["corrections"] = guide.site.corrections
        return values.dictionary
    }

    /// The 索引: entries 五十音順, under the row of their first letter (あ行, か行, …).
    func indexRows(_ entries: [Entry]) -> [[String: Any]] {
        var rows: [(title: String, entries: [Entry])] = []
        for entry in entries {
            let title = Self.row(of: entry.kanaSortKey)
            if rows.last?.title == title {
                rows[rows.count - 1].entries.append(entry)
            } else {
                rows.append((title, [entry]))
            }
        }
        return rows.map { row in
            [
                "title": row.title,
                "entries": row.entries.map { ["anchor": "entry-\($0.id)", "name": $0.name] },
            ]
        }
    }

    static let rowStarts: [(first: Character, title: String)] = [
        ("あ", "あ行"), ("か", "か行"), ("さ", "さ行"), ("た", "た行"), ("な", "な行"),
        ("は", "は行"), ("ま", "ま行"), ("や", "や行"), ("ら", "ら行"), ("わ", "わ行"),
    ]

    /// The 五十音 row of a sort key (hiragana, voicing folded); `英数字` for anything else.
    static func row(of sortKey: String) -> String {
        guard let first = sortKey.first, ("ぁ"..."ゖ").contains(first) else { return "英数字" }
        return rowStarts.last { $0.first <= first }?.title ?? "英数字"
    }
}
