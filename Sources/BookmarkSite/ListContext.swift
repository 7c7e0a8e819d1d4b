import BookmarkTemplates
import BookmarkModel

/// The pages that list entries: by kind, by area (with neighbours and nationwide services),
/// by audience. Each is a list of groups `{heading, href?, entries}`; empty groups are left out.
///
/// Items come from `EntryCards`, made once per entry; a page only arranges them.
enum ListContext {
    static func kind(_ kind: Kind, _ listing: Listing, cards: EntryCards) -> [String: Any] {
        let root = EntryCards.listRoot
        // One pass, reading entries in place: filtering copies of 10,000 entries per group
        // cost more than rendering the page.
        var byArea: [String: [[String: Any]]] = [:]
        var count = 0
        for index in listing.entries.indices where listing.entries[index].kind == kind {
            byArea[listing.entries[index].area.areaID ?? "", default: []].append(cards.card(at: index))
            count += 1
        }
        var groups = listing.guide.site.areas.map { area in
            group(area.name, href: Route.area(id: area.id).href(from: root), byArea[area.id] ?? [])
        }
        groups.append(group("全国", href: nil, byArea[""] ?? []))
        return [
            "title": kind.japaneseLabel, "description": Wording.description(of: kind),
            "count": count, "groups": groups.filter(hasEntries),
        ]
    }

    static func audience(_ audience: Audience, _ listing: Listing, cards: EntryCards) -> [String: Any] {
        let root = EntryCards.listRoot
        var byKind: [Kind: [[String: Any]]] = [:]
        var count = 0
        for index in listing.entries.indices where listing.entries[index].isFor(audience) {
            byKind[listing.entries[index].kind, default: []].append(cards.card(at: index))
            count += 1
        }
        let groups = Kind.allCases.map { kind in
            group(kind.japaneseLabel, href: Route.kind(kind).href(from: root), byKind[kind] ?? [])
        }
        return [
            "title": Wording.title(of: audience), "description": Wording.description(of: audience),
            "count": count, "groups": groups.filter(hasEntries),
        ]
    }

    /// The area's own entries by kind, then 近隣エリア by neighbour, then nationwide services
    /// as short lines (name, link, phones). `sheet` gives every field, for the printable list.
    static func area(_ area: Area, _ listing: Listing, cards: EntryCards, sheet: Bool = false) throws -> [String: Any] {
        let root = sheet ? EntryCards.sheetRoot : EntryCards.listRoot
        let item = { (position: Int) in
            sheet ? try cards.sheet(listing.entries[position]) : cards.card(at: position)
        }
        let own = listing.positions(inArea: area.id)
        let ownGroups = try Kind.allCases.map { kind in
            group(kind.japaneseLabel, href: nil, try own.filter { listing.entries[$0].kind == kind }.map(item))
        }
        let neighborGroups = try listing.neighbors(of: area).map { neighbor in
            group(neighbor.name, href: Route.area(id: neighbor.id).href(from: root),
                  try listing.positions(inArea: neighbor.id).map(item))
        }
        var values = TemplateValues()
        values["title"] = area.name
        values["prefecture"] = area.prefecture
        values["count"] = own.count
        values["own"] = ownGroups.filter(hasEntries)
        values["neighbors"] = neighborGroups.filter(hasEntries)
        let nationwide = listing.nationwide.map { cards.line($0.id, sheet: sheet) }
        values["nationwide"] = nationwide
        values["nationwideHTML"] = joinedHTML(nationwide)
        values["sheet"] = sheet
        values["listHref"] = Route.area(id: area.id).href(from: root)
        values["sheetHref"] = Route.areaSheet(id: area.id).href(from: root)
        return values.dictionary
    }

    /// A group; `itemsHTML` is its items' HTML joined, so a template writes one value instead
    /// of iterating hundreds of items (which cost more than the rest of the page).
    static func group(_ heading: String, href: String?, _ items: [[String: Any]]) -> [String: Any] {
        var values = TemplateValues()
        values["heading"] = heading
        values["href"] = href
        values["count"] = items.count
        values["entries"] = items
        values["itemsHTML"] = joinedHTML(items)
        return values.dictionary
    }

    /// The `…HTML` value of each item (`EntryCards`), one after another.
    static func joinedHTML(_ items: [[String: Any]]) -> String {
        // Found first and joined into room made once: an audience page joins thousands. The
        // items of a list are of one kind, so the key the first one has is asked first (each
        // key asked is a hash of it: three for every print-list item before).
        let keys = ["cardHTML", "sheetHTML", "lineHTML"]
        let likely = items.first.flatMap { first in keys.first { first[$0] != nil } } ?? keys[0]
        let parts = items.compactMap { item in
            (item[likely] ?? item["cardHTML"] ?? item["sheetHTML"] ?? item["lineHTML"]) as? String
        }
        var html = ""
        html.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { html += part }
        return html
    }

    static func hasEntries(_ group: [String: Any]) -> Bool { group["entries"] != nil }
}
