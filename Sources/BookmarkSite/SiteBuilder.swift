import BookmarkModel
import BookmarkOutput
import BookmarkSystem
import BookmarkTemplates
import Foundation

/// Turns a checked guide into the files of the browsable site.
///
/// ```
/// index.html                    home: how to use, 24-hour and nationwide lines, ways in
/// kinds/<kind>/ areas/<id>/ for/<audience>/      the ways in, without JavaScript
/// areas/<id>/print/             one printable list per area
/// entries/<id>/ pages/<slug>/   entry pages and free pages
/// search/                       search page, search/index.js, chunks/, records/ (see SearchIndex)
/// data/entries.json, .csv       open data (see OpenData)
/// feed.xml sitemap.xml robots.txt 404.html assets/
/// ```
/// Only `guide.webEntries` ever reach a file: drafts, expired entries and `publish.web:
/// false` entries appear in no page, search data, export, feed or sitemap.
///
/// Each page comes from the theme template of the same name: `index`, `kind`, `area`,
/// `area-sheet`, `audience`, `entry`, `page`, `search`, `404`, `feed`, `sitemap`, `robots`,
/// with the partials `layout-head`, `layout-foot`, `entry-card`, `entry-groups`, `entry-line`
/// and `sheet-entry`. A guide replaces any of them by putting `<content>/templates/NAME.mustache`
/// beside its content (`Theme.load(overrides:)`, wired in `renderSite`), so a municipality can
/// change its home page text without forking the theme.
///
/// Links are relative (`../../entries/x/index.html`), so the site works under any path and
/// opened from disk; only sitemap, feed and JSON-LD use `base_url`. Output depends only on
/// the content: everything is sorted, and no date comes from the clock.
public struct SiteBuilder: Sendable {
    public let guide: Guide
    public let theme: Theme
    let listing: Listing
    let pagedLists: PagedLists

    public init(guide: Guide, theme: Theme) {
        self.guide = guide
        self.theme = theme
        self.listing = Listing(guide: guide)
        self.pagedLists = PagedLists(listing)
    }

    /// Every file of the site, rendered on every core, sorted by path.
    public func build() throws -> [OutputFile] {
        let pages = try pages()
        return try Parallel.map(pages.count) { OutputFile(path: pages[$0].path, contents: try pages[$0].contents()) }
    }

    /// Every file of the site, sorted by path, each made only when asked for: a writer can make
    /// and write them on every core without holding the whole site in memory.
    public func pages() throws -> [SitePage] {
        try pages(memory: nil).pages
    }

    /// The files to make after the build that `memory` remembers: only those the changed
    /// entries (`changed`, old and new versions) appear on, or every file (`changed` nil; see
    /// `SiteMemory`).
    public func pages(memory: SiteMemory?) throws -> (pages: [SitePage], changed: [Entry]?) {
        let changed = memory?.changes(to: guide, listing: listing)
        // Every build makes the search data (an edit changes it too). Its entries' parts are
        // made on every core first; the posting lists, collected on one core, are made beside
        // the list items, which fill the other, and waited for where the search files are named.
        let parts = try SearchIndex.parts(entries: listing.entries, guide: guide, memo: memory?.search)
        let search = Pending { [listing, guide] in
            SearchIndex.files(of: parts, entries: listing.entries, guide: guide,
                              postings: memory?.searchPostings ?? SearchPostings())
        }
        let cards = try EntryCards(listing: listing, theme: theme, memory: memory, changed: changed)
        guard let changed else {
            let all = try allPages(cards: cards, search: search, memory: memory)
            _ = memory?.remember(routes: all.routes)
            return (all.pages, nil)
        }
        let some = try allPages(cards: cards, search: search, memory: memory, only: affectedRoutes(by: changed))
        guard memory?.remember(routes: some.routes) ?? false else {
            return (try allPages(cards: cards, search: search, memory: memory).pages, nil)
        }
        return (some.pages, changed)
    }

    /// What an edit of these entries (pairs of old and new version) can change: their entry
    /// pages, the kind, audience and area pages that list them (with the areas that show them
    /// as neighbours, or every area for a nationwide service), the files made from every
    /// entry, and the sitemap when a `verified` day (its lastmod) changed.
    func affectedRoutes(by entries: [Entry]) -> Set<Route> {
        var routes: Set<Route> = [.home, .searchIndex, .openDataJSON, .openDataCSV, .feed]
        if stride(from: 0, to: entries.count - 1, by: 2).contains(where: { entries[$0].verified != entries[$0 + 1].verified }) {
            routes.insert(.sitemap)
        }
        // Every page of a list (`allPages` reads `.list(_, page: 0)` so): an edit can move
        // an entry from one page of a list to another.
        func list(_ list: ListRoute) { routes.insert(.list(list, page: 0)) }
        list(.areas)
        for entry in entries {
            routes.insert(.entry(id: entry.id))
            let areaID = entry.area.areaID
            for kindList in [ListRoute.kindAreas(entry.kind), .kindAll(entry.kind)] { list(kindList) }
            list(areaID.map { .kindInArea(entry.kind, areaID: $0) } ?? .kindNationwide(entry.kind))
            for audience in [Audience.person, .family, .supporter]
            where entry.audiences.contains(audience) || entry.audiences.contains(.anyone) {
                list(.audienceAreas(audience))
                list(.audienceAll(audience))
                list(areaID.map { .audienceInArea(audience, areaID: $0) } ?? .audienceNationwide(audience))
            }
            if let areaID { list(.area(id: areaID)) } else { list(.nationwide) }
            if entry.isAllDay { list(.allDay) }
            for area in guide.site.areas
            where entry.area == .nationwide || area.id == entry.area.areaID
                || listing.neighbors(of: area).contains(where: { $0.id == entry.area.areaID }) {
                routes.insert(.area(id: area.id))
                routes.insert(.areaSheet(id: area.id))
            }
        }
        return routes
    }

    /// Every page, or only those at the routes `only` names (after an edit, a few dozen of
    /// 10,000: the others are not even made into closures and sorted).
    private func allPages(cards: EntryCards, search: Pending<SearchIndex.Files>, memory: SiteMemory?, only: Set<Route>? = nil) throws
        -> (pages: [SitePage], routes: [Route])
    {
        // Each page's closure reaches the builder through one shared reference: capturing the
        // builder and the cards by value copied both (some twenty references) into each of
        // 10,000 closures, on one core, before the first page could be written.
        let source = PageSource(builder: self, cards: cards)
        var pages: [SitePage] = []
        // Every route, for the sitemap, whether its page is made or not.
        var routes: [Route] = []
        func wanted(_ route: Route) -> Bool {
            routes.append(route)
            return only?.contains(route) ?? true
        }
        func add(_ route: Route, _ make: @escaping @Sendable (SiteBuilder, EntryCards) throws -> Data) {
            guard wanted(route) else { return }
            pages.append(SitePage(route: route) { [source] in .bytes(try make(source.builder, source.cards)) })
        }
        func addStreamed(_ route: Route, _ stream: @autoclosure () -> ByteStream) {
            guard wanted(route) else { return }
            let stream = stream()
            pages.append(SitePage(route: route) { .streamed(stream) })
        }
        add(.home) { builder, cards in
            try builder.page("index", .home, HomeContext.values(builder.listing, cards: cards))
        }
        for area in guide.site.areas {
            add(.areaSheet(id: area.id)) { builder, cards in
                try builder.page("area-sheet", .areaSheet(id: area.id), title: "\(area.name) 一覧（印刷用）",
                                 try ListContext.area(area, builder.listing, cards: cards, sheet: true))
            }
        }
        // The kind, audience and area pages and every paged list (`PagedLists`).
        for spec in pagedLists.specs {
            for number in 1...spec.pageCount {
                let route = spec.list.route(page: number)
                guard wanted(route) || only?.contains(.list(spec.list, page: 0)) == true else { continue }
                pages.append(SitePage(route: route) { [source] in
                    .bytes(try source.builder.listPage(spec, page: number, cards: source.cards))
                })
            }
        }
        for (position, entry) in listing.entries.enumerated() {
            let route = Route.entry(id: entry.id)
            guard wanted(route) else { continue }
            pages.append(SitePage(route: route) { [source] in
                .bytes(try source.builder.entryPage(at: position, cards: source.cards))
            })
        }
        for free in listing.pages {
            add(.page(slug: free.slug)) { builder, _ in
                try builder.page("page", .page(slug: free.slug), title: free.title, ["title": free.title, "bodyHTML": free.bodyHTML])
            }
        }
        add(.search) { builder, _ in
            try builder.page("search", .search, title: "さがす", SearchPageContext.values(builder.listing, root: Route.search.root))
        }
        add(.notFound) { builder, _ in
            try builder.page("404", .notFound, title: "ページが見つかりません", [:], root: builder.notFoundRoot)
        }

        // The search data is made before the write, not when written: how many chunks it has
        // depends on it. Its files are remade whenever the entry file is (after any edit).
        if only == nil || only?.contains(.searchIndex) == true {
            let search = search.value()
            add(.searchIndex) { _, _ in search.entry }
            for (number, chunk) in search.chunks.enumerated() {
                routes.append(.searchChunk(number))
                pages.append(SitePage(route: .searchChunk(number)) { .bytes(chunk) })
            }
            for (number, records) in search.records.enumerated() {
                routes.append(.searchRecords(number))
                pages.append(SitePage(route: .searchRecords(number)) { .bytes(records) })
            }
            for (number, areas) in search.areas.enumerated() {
                routes.append(.searchAreas(number))
                pages.append(SitePage(route: .searchAreas(number)) { .bytes(areas) })
            }
        }
        addStreamed(.openDataJSON, OpenData.json(entries: listing.entries, guide: guide, memo: memory?.openData))
        addStreamed(.openDataCSV, OpenData.csv(entries: listing.entries, guide: guide, memo: memory?.openData))
        add(.feed) { builder, _ in try builder.theme.renderData("feed", FeedContext.values(builder.listing)) }
        let pageRoutes = routes
        // Past 50,000 pages (a national guide) sitemap.xml is the index of sitemaps/<n>.xml.
        let findable = pageRoutes.reduce(0) { $0 + ($1.isFindable ? 1 : 0) }
        let parts = findable > Self.sitemapURLs ? (findable + Self.sitemapURLs - 1) / Self.sitemapURLs : 0
        add(.sitemap) { builder, _ in
            parts == 0
                ? try builder.theme.renderData("sitemap", builder.sitemapValues(routes: pageRoutes))
                : builder.sitemapIndex(parts: parts)
        }
        for part in stride(from: 1, through: parts, by: 1) {
            routes.append(.sitemapPart(part))
            // Made whenever the index is (serve asks for `.sitemap` when a lastmod changed).
            guard only == nil || only?.contains(.sitemap) == true else { continue }
            pages.append(SitePage(route: .sitemapPart(part)) { [source] in
                .bytes(try source.builder.theme.renderData("sitemap", source.builder.sitemapValues(routes: pageRoutes, part: part)))
            })
        }
        add(.robots) { builder, _ in try builder.theme.renderData("robots", ["baseURL": builder.guide.site.baseURL]) }
        for asset in try theme.assets() {
            add(.asset(asset.path)) { _, _ in try asset.contents }
        }
        return (pages.sorted { $0.path < $1.path }, routes)
    }

    /// A page of a paged list: page 1 of a kind, audience or area list is that kind's,
    /// audience's or area's page, with its own template; other pages use `list`.
    func listPage(_ spec: PagedLists.Spec, page number: Int, cards: EntryCards) throws -> Data {
        let route = spec.list.route(page: number)
        var values = PagedLists.values(spec, page: number, cards: cards)
        let title = number > 1 ? "\(spec.title)（\(number)ページ目）" : spec.title
        let root = EntryCards.listRoot
        let counts = { (list: ListRoute) in self.pagedLists.spec(list)?.count ?? 0 }
        let link = { (list: ListRoute, key: String) in
            let count = counts(list)
            if count > 0 {
                values[key + "Href"] = list.route(page: 1).href(from: root)
                values[key + "Count"] = count
            }
        }
        switch (spec.list, number) {
        case (.kindAreas(let kind), 1):
            link(.kindAll(kind), "all")
            link(.kindNationwide(kind), "nationwide")
            return try page("kind", route, title: title, values)
        case (.audienceAreas(let audience), 1):
            link(.audienceAll(audience), "all")
            link(.audienceNationwide(audience), "nationwide")
            return try page("audience", route, title: title, values)
        case (.area(let id), 1):
            guard let found = guide.site.area(id: id) else { break }
            var area = try ListContext.area(found, listing, cards: cards)
            for (key, value) in values where key != "title" && key != "count" && key != "lead" { area[key] = value }
            area["nationwideCount"] = listing.nationwide.count
            if !listing.nationwide.isEmpty { area["nationwideHref"] = ListRoute.nationwide.route(page: 1).href(from: root) }
            return try page("area", route, title: title, area)
        default:
            break
        }
        switch spec.list {
        case .kindAreas(let kind), .kindInArea(let kind, _), .kindNationwide(let kind), .kindAll(let kind):
            values["upHref"] = Route.kind(kind).href(from: root)
            values["upLabel"] = kind.japaneseLabel
        case .audienceAreas(let audience), .audienceInArea(let audience, _), .audienceNationwide(let audience),
            .audienceAll(let audience):
            values["upHref"] = Route.audience(audience).href(from: root)
            values["upLabel"] = Wording.title(of: audience)
        case .area(let id):
            values["upHref"] = Route.area(id: id).href(from: root)
            values["upLabel"] = spec.title
        case .areas, .nationwide, .allDay:
            break
        }
        return try page("list", route, title: title, values)
    }

    /// An entry's page.
    func entryPage(at position: Int, cards: EntryCards) throws -> Data {
        let entry = listing.entries[position]
        let route = Route.entry(id: entry.id)
        var values = EntryContext.full(entry, root: route.root, guide: guide)
        EntryContext.addStructuredData(to: &values, entry, guide: guide)
        return try page("entry", route, title: entry.name, ["entry": values])
    }

    /// 404.html is served for any missing path, so relative links would point nowhere; it
    /// links from the path of base_url instead (`/bookmark/`).
    var notFoundRoot: String {
        let path = URL(string: guide.site.baseURL)?.path ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The most pages one sitemap file may list (sitemaps.org: 50,000 URLs, 50 MB).
    static let sitemapURLs = 50_000

    /// Every page worth finding (`Route.isFindable`), by its permalink, sorted by path; with
    /// `part`, only that part's 50,000 (from 1).
    func sitemapValues(routes: [Route], part: Int? = nil, perPart: Int = sitemapURLs) -> [String: Any] {
        let lastmod = Dictionary(uniqueKeysWithValues: listing.entries.map { ($0.id, $0.verified.description) })
        let sorted = routes
            .filter(\.isFindable)
            .map { ($0, $0.path) }
            .sorted { $0.1 < $1.1 }
        let slice = part.map { sorted.dropFirst(($0 - 1) * perPart).prefix(perPart) } ?? sorted[...]
        let urls: [[String: Any]] = slice
            .map { route, _ in
                var values = TemplateValues()
                values["loc"] = route.permalink(base: guide.site.baseURL)
                if case .entry(let id) = route { values["lastmod"] = lastmod[id] }
                return values.dictionary
            }
        return ["urls": urls]
    }

    /// sitemap.xml of a site of more than `sitemapURLs` pages: the index of its parts. Its
    /// form is fixed by the protocol, so it is written here rather than by a theme template.
    func sitemapIndex(parts: Int) -> Data {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in 1...parts {
            text += "<sitemap><loc>\(HTMLEscaping.escaped(Route.sitemapPart(part).permalink(base: guide.site.baseURL)))</loc></sitemap>\n"
        }
        return Data((text + "</sitemapindex>\n").utf8)
    }

    /// Renders a page template with the values every page shares.
    func page(
        _ template: String, _ route: Route, title: String? = nil, _ values: [String: Any],
        root: String? = nil
    ) throws -> Data {
        let root = root ?? route.root
        var context = values
        context["root"] = root
        context["siteTitle"] = guide.site.title
        context["pageTitle"] = title.map { "\($0) | \(guide.site.title)" } ?? guide.site.title
        context["language"] = guide.site.language
        context["menuPages"] = listing.pages.map { ["title": $0.title, "href": Route.page(slug: $0.slug).href(from: root)] }
        // The links every page's layout has, from the route table (templates spell no path).
        context["homeHref"] = Route.home.href(from: root)
        context["searchHref"] = Route.search.href(from: root)
        context["feedHref"] = Route.feed.href(from: root)
        context["openDataJSONHref"] = Route.openDataJSON.href(from: root)
        context["openDataCSVHref"] = Route.openDataCSV.href(from: root)
        context["assetsHref"] = Route.asset("").href(from: root)
        if let corrections = ExternalLink.correctionsPage(guide.site.corrections) {
            context["siteCorrectionsHref"] = corrections
        }
        return try theme.renderData(template, context)
    }
}

/// The builder and the list items every page's closure needs, held once for all of them.
private final class PageSource: Sendable {
    let builder: SiteBuilder
    let cards: EntryCards

    init(builder: SiteBuilder, cards: EntryCards) {
        self.builder = builder
        self.cards = cards
    }
}
