import BookmarkTemplates
import BookmarkModel

/// The Atom feed of recently verified entries.
///
/// Dates come from the entries' `verified` days (midnight in Japan), never from the clock,
/// so a rebuild of unchanged content gives the same feed.
enum FeedContext {
    static func values(_ listing: Listing) -> [String: Any] {
        let base = listing.guide.site.baseURL
        let recent = listing.recentlyVerified
        var values = TemplateValues()
        values["title"] = listing.guide.site.title
        values["baseURL"] = base
        values["language"] = listing.guide.site.language
        values["updated"] = recent.map(\.verified).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        values["entries"] = recent.map { entry in
            var item = TemplateValues()
            item["title"] = entry.name
            item["url"] = Route.entry(id: entry.id).permalink(base: base)
            item["updated"] = timestamp(entry.verified)
            item["category"] = entry.kind.japaneseLabel
            item["notice"] = entry.notice
            item["summary"] = entry.bodyText
            return item.dictionary
        }
        return values.dictionary
    }

    /// `2026-04-01T00:00:00+09:00`
    static func timestamp(_ day: Day) -> String { day.description + "T00:00:00+09:00" }
}
