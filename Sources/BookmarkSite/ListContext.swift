import BookmarkTemplates
import BookmarkModel

/// The area page's neighbours and the printable area list (the other lists: `PagedLists`).
/// A list is groups `{heading, href?, entries}`; empty groups are left out.
///
/// Items come from `EntryCards`, made once per entry; a page only arranges them.
enum ListContext {
    /// The area's own entries by kind, then 近隣エリア by neighbour, then nationwide services
    /// as short lines (name, link, phones): the printable list (`sheet`, every field), and
    /// for the area page (`sheet` false) the neighbours and nationwide services as links with
    /// counts only (its own entries, paged, come from `PagedLists`).
    static func area(_ area: Area, _ listing: Listing, cards: EntryCards, sheet: Bool = false) throws -> [String: Any] {
        let root = sheet ? EntryCards.sheetRoot : EntryCards.listRoot
        let item = { (position: Int) in
            sheet ? try cards.sheet(listing.entries[position]) : cards.card(at: position)
        }
        let own = listing.positions(inArea: area.id)
        var values = TemplateValues()
        values["title"] = area.name
        values["prefecture"] = area.prefecture
        values["count"] = own.count
        values["sheet"] = sheet
        values["listHref"] = Route.area(id: area.id).href(from: root)
        values["sheetHref"] = Route.areaSheet(id: area.id).href(from: root)
        guard sheet else {
            values["neighbors"] = listing.neighbors(of: area).compactMap { neighbor -> [String: Any]? in
                let count = listing.positions(inArea: neighbor.id).count
                guard count > 0 else { return nil }
                return ["heading": neighbor.name, "href": Route.area(id: neighbor.id).href(from: root), "count": count]
            }
            return values.dictionary
        }
        let ownGroups = try Kind.allCases.map { kind in
            group(kind.japaneseLabel, href: nil, try own.filter { listing.entries[$0].kind == kind }.map(item))
        }
        let neighborGroups = try listing.neighbors(of: area).map { neighbor in
            group(neighbor.name, href: Route.area(id: neighbor.id).href(from: root),
                  try listing.positions(inArea: neighbor.id).map(item))
        }
        values["own"] = ownGroups.filter(hasEntries)
        values["neighbors"] = neighborGroups.filter(hasEntries)
        let nationwide = listing.nationwide.map { cards.sheetLine($0.id) }
        values["nationwide"] = nationwide
        values["nationwideHTML"] = joinedHTML(nationwide)
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
