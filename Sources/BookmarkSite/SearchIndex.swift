import BookmarkModel

/// The static search data, `search/index.json`: a bigram index over the web entries.
///
/// Chosen over Pagefind because it needs no extra tool (no npm, no binary download), fits in
/// one small file for a guide of a few hundred entries, and finds Japanese by part of a word
/// (`相談` in `相談窓口`), which needs no word segmentation when every bigram is indexed.
///
/// ```json
/// {"entries": [{"id": "…", "name": "…", "href": "entries/…/index.html", "kind": "online",
///               "area": "nationwide", "for": ["person"], "free": true, "ageMin": 15, …}],
///  "grams": {"相": [0, 4], "相談": [0, 4], …}}
/// ```
/// `grams` maps each folded unigram and bigram (see `SearchText`) to the positions of the
/// entries holding it, ascending. `entries` is in 五十音順, so results keep that order.
enum SearchIndex {
    static func json(entries: [Entry], guide: Guide) throws -> String {
        var postings: [String: [Int]] = [:]
        var records: [[String: Any]] = []
        for (position, entry) in entries.enumerated() {
            records.append(record(entry, guide: guide))
            for gram in SearchText.grams(searchableText(entry, guide: guide)) {
                postings[gram, default: []].append(position)
            }
        }
        return try JSONText.string(["entries": records, "grams": postings])
    }

    /// What a result shows and what the filters test.
    static func record(_ entry: Entry, guide: Guide) -> [String: Any] {
        var values = TemplateValues()
        values["id"] = entry.id
        values["name"] = entry.name
        values["href"] = EntryContext.href(entry, root: "")
        values["kind"] = entry.kind.rawValue
        values["kindLabel"] = entry.kind.japaneseLabel
        values["area"] = entry.area.areaID ?? "nationwide"
        values["areaName"] = EntryContext.areaName(entry.area, guide: guide)
        values["for"] = entry.audiences.map(\.rawValue)
        values["free"] = entry.isFree
        values["anonymous"] = entry.anonymous == true
        values["noReservation"] = entry.reservation == .notRequired
        values["women"] = entry.isWomenOnly
        // A nationwide service takes people from anywhere, so it counts as 市外可.
        values["outside"] = entry.outsideResidents == true || entry.area == .nationwide
        values["ageMin"] = entry.ages?.minimum
        values["ageMax"] = entry.ages?.maximum
        values["badges"] = EntryContext.badges(entry)
        values["phones"] = entry.phones.map { ["display": $0.display, "tel": $0.telURL] }
        values["notice"] = entry.notice
        return values.dictionary
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
