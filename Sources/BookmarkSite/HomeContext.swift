import BookmarkModel

/// The home page: what the guide is, lines to call now, and the ways in.
enum HomeContext {
    static func values(_ listing: Listing, root: String) -> [String: Any] {
        let guide = listing.guide
        let summary = { (entry: Entry) in EntryContext.summary(entry, root: root, guide: guide) }
        var values = TemplateValues()
        values["allDay"] = listing.allDay.map(summary)
        // Nationwide services not already listed as 24-hour lines.
        values["nationwide"] = listing.nationwide.filter { !$0.isAllDay }.map(summary)
        values["kinds"] = Kind.allCases.map { kind in
            [
                "label": kind.japaneseLabel, "description": Wording.description(of: kind),
                "href": "\(root)kinds/\(kind.rawValue)/index.html",
                "count": listing.entries(of: kind).count,
            ] as [String: Any]
        }
        values["areas"] = guide.site.areas.map { area in
            var item = TemplateValues()
            item["name"] = area.name
            item["prefecture"] = area.prefecture
            item["href"] = "\(root)areas/\(area.id)/index.html"
            item["count"] = listing.entries(inArea: area.id).count
            return item.dictionary
        }
        values["audiences"] = [Audience.person, .family, .supporter].map { audience in
            [
                "title": Wording.title(of: audience), "description": Wording.description(of: audience),
                "href": "\(root)for/\(audience.rawValue)/index.html",
                "count": listing.entries(for: audience).count,
            ] as [String: Any]
        }
        values["entryCount"] = listing.entries.count
        return values.dictionary
    }
}
