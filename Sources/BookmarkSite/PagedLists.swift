import BookmarkModel
import BookmarkTemplates

/// Every paged list of the site (`ListRoute`), what each holds, and its pages.
///
/// No reader page lists a whole kind or audience any more: at 100,000 entries those pages were
/// tens of megabytes. A kind or audience page is a way in by area, with counts, linking to
/// the list of that kind (or audience) in that area; long lists are cut into pages of
/// `entriesPerPage` entries or `areasPerPage` areas, joined by plain links.
///
/// | list | holds | order |
/// |---|---|---|
/// | kind / audience areas | areas with at least one such entry, with counts | site.yml, by prefecture |
/// | kind / audience in an area, nationwide | those entries | by kind, then 五十音順 |
/// | kind / audience all | every such entry | 五十音順 |
/// | area | the area's own entries | by kind, then 五十音順 |
/// | areas | every area with its count | site.yml, by prefecture |
/// | nationwide, 24-hour | those entries | 五十音順 |
struct PagedLists {
    /// At most this many entry cards on one page (a card is about 1 KB of HTML).
    static let entriesPerPage = 50
    /// At most this many area links on one page (about 150 bytes each).
    static let areasPerPage = 300
    /// The home page shows this many 24-hour lines and nationwide services, then links to their lists.
    static let homeShows = 12

    /// What a list holds: entries (positions in `listing.entries`, each under its group's
    /// heading, or none) or area links.
    enum Items {
        case entries([(heading: String?, position: Int)])
        case areas([AreaLink])
    }

    struct AreaLink {
        var area: Area
        var count: Int
        var route: Route
    }

    struct Spec {
        var list: ListRoute
        var title: String
        var lead: String
        var items: Items

        var count: Int {
            switch items {
            case .entries(let items): items.count
            case .areas(let links): links.reduce(0) { $0 + $1.count }
            }
        }

        var pageCount: Int {
            switch items {
            case .entries(let items): Self.pages(items.count, per: PagedLists.entriesPerPage)
            case .areas(let links): Self.pages(links.count, per: PagedLists.areasPerPage)
            }
        }

        static func pages(_ count: Int, per: Int) -> Int { max(1, (count + per - 1) / per) }
    }

    let specs: [Spec]

    init(_ listing: Listing) {
        let entries = listing.entries
        let areas = listing.guide.site.areas
        let audiences = [Audience.person, .family, .supporter]
        // Positions by kind and by area, in 五十音順, read once.
        var byKindAndArea: [Kind: [String: [Int]]] = [:]
        var byKind: [Kind: [Int]] = [:]
        var nationwide: [Int] = []
        var allDay: [Int] = []
        for index in entries.indices {
            let entry = entries[index]
            byKind[entry.kind, default: []].append(index)
            byKindAndArea[entry.kind, default: [:]][entry.area.areaID ?? "", default: []].append(index)
            if entry.area == .nationwide { nationwide.append(index) }
            if entry.isAllDay { allDay.append(index) }
        }
        // By kind (in `Kind.allCases` order), then 五十音順.
        let byKindOrder = { (positions: [Int]) -> [(heading: String?, position: Int)] in
            Kind.allCases.flatMap { kind in
                positions.filter { entries[$0].kind == kind }.map { (heading: String?.some(kind.japaneseLabel), position: $0) }
            }
        }
        let plain = { (positions: [Int]) -> [(heading: String?, position: Int)] in positions.map { (nil, $0) } }
        var specs: [Spec] = []
        for kind in Kind.allCases {
            let inArea = byKindAndArea[kind] ?? [:]
            let links = areas.compactMap { area -> AreaLink? in
                guard let positions = inArea[area.id], !positions.isEmpty else { return nil }
                return AreaLink(area: area, count: positions.count, route: ListRoute.kindInArea(kind, areaID: area.id).route(page: 1))
            }
            specs.append(Spec(list: .kindAreas(kind), title: kind.japaneseLabel, lead: Wording.description(of: kind), items: .areas(Self.byPrefecture(links))))
            for link in links {
                specs.append(Spec(list: .kindInArea(kind, areaID: link.area.id), title: "\(link.area.name)の\(kind.japaneseLabel)",
                                  lead: "\(link.area.name)の\(kind.japaneseLabel)を、五十音順に並べています。",
                                  items: .entries(plain(inArea[link.area.id] ?? []))))
            }
            if let positions = inArea[""], !positions.isEmpty {
                specs.append(Spec(list: .kindNationwide(kind), title: "全国から使える\(kind.japaneseLabel)",
                                  lead: "住んでいる場所にかかわらず使える\(kind.japaneseLabel)です。五十音順に並べています。",
                                  items: .entries(plain(positions))))
            }
            specs.append(Spec(list: .kindAll(kind), title: "\(kind.japaneseLabel)（五十音順）",
                              lead: "\(kind.japaneseLabel)のすべてを、地域を問わず五十音順に並べています。",
                              items: .entries(plain(byKind[kind] ?? []))))
        }
        for audience in audiences {
            let positions = entries.indices.filter { entries[$0].isFor(audience) }
            let inArea = Dictionary(grouping: positions) { entries[$0].area.areaID ?? "" }
            let links = areas.compactMap { area -> AreaLink? in
                guard let positions = inArea[area.id], !positions.isEmpty else { return nil }
                return AreaLink(area: area, count: positions.count,
                                route: ListRoute.audienceInArea(audience, areaID: area.id).route(page: 1))
            }
            let title = Wording.title(of: audience)
            specs.append(Spec(list: .audienceAreas(audience), title: title, lead: Wording.description(of: audience), items: .areas(Self.byPrefecture(links))))
            for link in links {
                specs.append(Spec(list: .audienceInArea(audience, areaID: link.area.id), title: "\(link.area.name)（\(title)）",
                                  lead: "\(link.area.name)の、\(audience.japaneseLabel)が使えるところです。種類ごとに、五十音順に並べています。",
                                  items: .entries(byKindOrder(inArea[link.area.id] ?? []))))
            }
            if let positions = inArea[""], !positions.isEmpty {
                specs.append(Spec(list: .audienceNationwide(audience), title: "全国から使えるサービス（\(title)）",
                                  lead: "住んでいる場所にかかわらず、\(audience.japaneseLabel)が使えるサービスです。",
                                  items: .entries(byKindOrder(positions))))
            }
            specs.append(Spec(list: .audienceAll(audience), title: "\(title)（五十音順）",
                              lead: "\(audience.japaneseLabel)が使えるところのすべてを、地域を問わず五十音順に並べています。",
                              items: .entries(plain(positions))))
        }
        for area in areas {
            specs.append(Spec(list: .area(id: area.id), title: area.name, lead: "",
                              items: .entries(byKindOrder(listing.positions(inArea: area.id)))))
        }
        specs.append(Spec(list: .areas, title: "地域からさがす",
                          lead: "それぞれの地域のページには、となりの地域と全国のサービスも載っています。",
                          items: .areas(Self.byPrefecture(areas.map {
                              AreaLink(area: $0, count: listing.positions(inArea: $0.id).count, route: .area(id: $0.id))
                          }))))
        specs.append(Spec(list: .nationwide, title: "全国から使えるサービス",
                          lead: "電話、チャット、LINE、手紙など、住んでいる場所にかかわらず使えます。五十音順に並べています。",
                          items: .entries(plain(nationwide))))
        specs.append(Spec(list: .allDay, title: "24時間つながる窓口",
                          lead: "夜中でも、休みの日でもつながる窓口です。五十音順に並べています。",
                          items: .entries(plain(allDay))))
        self.specs = specs
    }

    func spec(_ list: ListRoute) -> Spec? { specs.first { $0.list == list } }

    /// Areas together under their prefecture (prefectures in the order they first appear in
    /// site.yml, areas in site.yml order within each), so a site.yml that does not list them by
    /// prefecture still gives one heading per prefecture.
    static func byPrefecture(_ links: [AreaLink]) -> [AreaLink] {
        var order: [String: Int] = [:]
        for link in links where order[link.area.prefecture ?? ""] == nil {
            order[link.area.prefecture ?? ""] = order.count
        }
        return links.enumerated()
            .sorted { (order[$0.element.area.prefecture ?? ""]!, $0.offset) < (order[$1.element.area.prefecture ?? ""]!, $1.offset) }
            .map(\.element)
    }

    /// The values of page `page` of a list: its groups of cards or of area links, and the
    /// links to its other pages.
    static func values(_ spec: Spec, page: Int, cards: EntryCards) -> [String: Any] {
        let root = EntryCards.listRoot
        var values = TemplateValues()
        values["title"] = spec.title
        values["lead"] = spec.lead.isEmpty ? nil : spec.lead
        values["count"] = spec.count
        values["page"] = page
        switch spec.items {
        case .entries(let items):
            let start = (page - 1) * entriesPerPage
            let slice = items[min(start, items.count)..<min(start + entriesPerPage, items.count)]
            // Counts of every group over the whole list, so a page shows how many there are in all.
            var totals: [String: Int] = [:]
            for item in items { if let heading = item.heading { totals[heading, default: 0] += 1 } }
            var groups: [[String: Any]] = []
            var heading: String?? = .none
            var cardsOfGroup: [[String: Any]] = []
            func close() {
                guard case .some(let current) = heading, !cardsOfGroup.isEmpty else { return }
                var group = ListContext.group(current ?? "", href: nil, cardsOfGroup)
                if let current { group["count"] = totals[current] ?? cardsOfGroup.count } else { group["heading"] = nil }
                groups.append(group)
            }
            for item in slice {
                if case .some(let current) = heading, current == item.heading {} else {
                    close()
                    heading = .some(item.heading)
                    cardsOfGroup = []
                }
                cardsOfGroup.append(cards.card(at: item.position))
            }
            close()
            values["groups"] = groups
        case .areas(let links):
            let start = (page - 1) * areasPerPage
            let slice = links[min(start, links.count)..<min(start + areasPerPage, links.count)]
            values["areaGroups"] = areaGroups(Array(slice), root: root)
        }
        values["pager"] = pager(spec, page: page, root: root) as Any?
        return values.dictionary
    }

    /// Area links under their prefecture (areas without one under no heading), in order.
    static func areaGroups(_ links: [AreaLink], root: String) -> [[String: Any]] {
        var groups: [[String: Any]] = []
        var prefecture: String?? = .none
        var items: [[String: Any]] = []
        func close() {
            guard case .some(let current) = prefecture else { return }
            var group = TemplateValues()
            group["heading"] = current
            group["areas"] = items
            groups.append(group.dictionary)
        }
        for link in links {
            if case .some(let current) = prefecture, current == link.area.prefecture {} else {
                close()
                prefecture = .some(link.area.prefecture)
                items = []
            }
            items.append(["id": link.area.id, "name": link.area.name, "count": link.count, "href": link.route.href(from: root)])
        }
        close()
        return groups
    }

    /// Links to the other pages of a list: previous, next, the first and last, and the two on
    /// each side of this one; nil for a list of one page.
    static func pager(_ spec: Spec, page: Int, root: String) -> [String: Any]? {
        let count = spec.pageCount
        guard count > 1 else { return nil }
        let href = { (number: Int) in spec.list.route(page: number).href(from: root) }
        var shown = Set([1, count])
        for number in (page - 2)...(page + 2) where (1...count).contains(number) { shown.insert(number) }
        var numbers: [[String: Any]] = []
        var last = 0
        for number in shown.sorted() {
            if number > last + 1 { numbers.append(["gap": true]) }
            numbers.append(number == page ? ["number": number, "current": true] : ["number": number, "href": href(number)])
            last = number
        }
        var values = TemplateValues()
        values["page"] = page
        values["pageCount"] = count
        values["previousHref"] = page > 1 ? href(page - 1) : nil
        values["nextHref"] = page < count ? href(page + 1) : nil
        values["numbers"] = numbers
        return values.dictionary
    }
}
