import BookmarkModel

/// The pages that list entries: by kind, by area (with neighbours and nationwide services),
/// by audience. Each is a list of groups `{heading, href?, entries}`; empty groups are left out.
///
/// Items come from `EntryCards`, made once per entry; a page only arranges them.
enum ListContext {
    static func kind(_ kind: Kind, _ listing: Listing, cards: EntryCards) -> [String: Any] {
        let root = EntryCards.listRoot
        let entries = listing.entries(of: kind)
        var groups = listing.guide.site.areas.map { area in
            group(area.name, href: "\(root)areas/\(area.id)/index.html",
                  entries.filter { $0.area.areaID == area.id }.map(cards.card))
        }
        groups.append(group("全国", href: nil, entries.filter { $0.area == .nationwide }.map(cards.card)))
        return [
            "title": kind.japaneseLabel, "description": Wording.description(of: kind),
            "count": entries.count, "groups": groups.filter(hasEntries),
        ]
    }

    static func audience(_ audience: Audience, _ listing: Listing, cards: EntryCards) -> [String: Any] {
        let root = EntryCards.listRoot
        let entries = listing.entries(for: audience)
        let groups = Kind.allCases.map { kind in
            group(kind.japaneseLabel, href: "\(root)kinds/\(kind.rawValue)/index.html",
                  entries.filter { $0.kind == kind }.map(cards.card))
        }
        return [
            "title": Wording.title(of: audience), "description": Wording.description(of: audience),
            "count": entries.count, "groups": groups.filter(hasEntries),
        ]
    }

    /// The area's own entries by kind, then 近隣エリア by neighbour, then nationwide services
    /// as short lines (name, link, phones). `sheet` gives every field, for the printable list.
    static func area(_ area: Area, _ listing: Listing, cards: EntryCards, sheet: Bool = false) -> [String: Any] {
        let root = sheet ? EntryCards.sheetRoot : EntryCards.listRoot
        let item = sheet ? cards.sheet : cards.card
        let own = listing.entries(inArea: area.id)
        let ownGroups = Kind.allCases.map { kind in
            group(kind.japaneseLabel, href: nil, own.filter { $0.kind == kind }.map(item))
        }
        let neighborGroups = listing.neighbors(of: area).map { neighbor in
            group(neighbor.name, href: "\(root)areas/\(neighbor.id)/index.html",
                  listing.entries(inArea: neighbor.id).map(item))
        }
        var values = TemplateValues()
        values["title"] = area.name
        values["prefecture"] = area.prefecture
        values["count"] = own.count
        values["own"] = ownGroups.filter(hasEntries)
        values["neighbors"] = neighborGroups.filter(hasEntries)
        values["nationwide"] = listing.nationwide.map { cards.line($0, sheet: sheet) }
        values["sheet"] = sheet
        values["listHref"] = "\(root)areas/\(area.id)/index.html"
        values["sheetHref"] = "\(root)areas/\(area.id)/print/index.html"
        return values.dictionary
    }

    static func group(_ heading: String, href: String?, _ items: [[String: Any]]) -> [String: Any] {
        var values = TemplateValues()
        values["heading"] = heading
        values["href"] = href
        values["count"] = items.count
        values["entries"] = items
        return values.dictionary
    }

    static func hasEntries(_ group: [String: Any]) -> Bool { group["entries"] != nil }
}
