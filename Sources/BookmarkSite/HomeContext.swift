import BookmarkTemplates
import BookmarkModel

/// The home page: what the guide is, lines to call now, and the ways in.
enum HomeContext {
    static func values(_ listing: Listing, cards: EntryCards) -> [String: Any] {
        let guide = listing.guide
        let root = ""
        var values = TemplateValues()
        // Read in place: copying 10,000 entries to pick a few was most of the page's time.
        let entries = listing.entries
        // The first few 24-hour lines and nationwide services, then a link to all of them
        // (`PagedLists`): at 100,000 entries there are thousands.
        let shows = PagedLists.homeShows
        let allDayPositions = entries.indices.filter { entries[$0].isAllDay }
        let allDay = allDayPositions.prefix(shows).map { cards.home(entries[$0].id) }
        values["allDay"] = allDay
        values["allDayHTML"] = ListContext.joinedHTML(allDay)
        if allDayPositions.count > shows {
            values["allDayMoreHref"] = ListRoute.allDay.route(page: 1).href(from: root)
            values["allDayCount"] = allDayPositions.count
        }
        // Nationwide services not already listed as 24-hour lines.
        let nationwidePositions = listing.nationwide.indices.filter { !listing.nationwide[$0].isAllDay }
        let nationwide = nationwidePositions.prefix(shows).map { cards.home(listing.nationwide[$0].id) }
        values["nationwide"] = nationwide
        values["nationwideHTML"] = ListContext.joinedHTML(nationwide)
        if nationwidePositions.count > shows {
            values["nationwideMoreHref"] = ListRoute.nationwide.route(page: 1).href(from: root)
            values["nationwideCount"] = listing.nationwide.count
        }
        // Every count in one pass over the entries (ten passes before, each entry read anew).
        var kindCounts: [Kind: Int] = [:]
        var audienceCounts: [Audience: Int] = [:]
        for entry in entries {
            kindCounts[entry.kind, default: 0] += 1
            for audience in [Audience.person, .family, .supporter] where entry.isFor(audience) {
                audienceCounts[audience, default: 0] += 1
            }
        }
        values["kinds"] = Kind.allCases.map { kind in
            [
                "label": kind.japaneseLabel, "description": Wording.description(of: kind),
                "href": Route.kind(kind).href(from: root),
                "count": kindCounts[kind] ?? 0,
            ] as [String: Any]
        }
        // Every area when they fit on a page; past that, a link to the list of areas.
        let showsAreas = guide.site.areas.count <= PagedLists.areasPerPage
        if !showsAreas { values["areasHref"] = ListRoute.areas.route(page: 1).href(from: root) }
        values["areas"] = guide.site.areas.prefix(showsAreas ? Int.max : 0).map { area in
            var item = TemplateValues()
            item["name"] = area.name
            item["prefecture"] = area.prefecture
            item["href"] = Route.area(id: area.id).href(from: root)
            item["count"] = listing.positions(inArea: area.id).count
            return item.dictionary
        }
        values["audiences"] = [Audience.person, .family, .supporter].map { audience in
            [
                "title": Wording.title(of: audience), "description": Wording.description(of: audience),
                "href": Route.audience(audience).href(from: root),
                "count": audienceCounts[audience] ?? 0,
            ] as [String: Any]
        }
        values["entryCount"] = listing.entries.count
        return values.dictionary
    }
}
