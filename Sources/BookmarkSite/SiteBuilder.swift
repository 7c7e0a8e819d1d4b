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
/// search/                       search page and search/index.js (see SearchIndex)
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

    public init(guide: Guide, theme: Theme) {
        self.guide = guide
        self.theme = theme
        self.listing = Listing(guide: guide)
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
        let cards = try EntryCards(listing: listing, theme: theme, memory: memory, changed: changed)
        guard let changed else { return (try allPages(cards: cards, memory: memory), nil) }
        let affected = affectedPaths(by: changed)
        return (try allPages(cards: cards, memory: memory, only: affected), changed)
    }

    /// What an edit of these entries (pairs of old and new version) can change: their entry
    /// pages, the kind, audience and area pages that list them (with the areas that show them
    /// as neighbours, or every area for a nationwide service), the files made from every
    /// entry, and the sitemap when a `verified` day (its lastmod) changed.
    func affectedPaths(by entries: [Entry]) -> Set<String> {
        var paths: Set<String> = ["index.html", "search/index.js", "data/entries.json", "data/entries.csv", "feed.xml"]
        if stride(from: 0, to: entries.count - 1, by: 2).contains(where: { entries[$0].verified != entries[$0 + 1].verified }) {
            paths.insert("sitemap.xml")
        }
        for entry in entries {
            paths.insert("entries/\(entry.id)/index.html")
            paths.insert("kinds/\(entry.kind.rawValue)/index.html")
            for audience in [Audience.person, .family, .supporter]
            where entry.audiences.contains(audience) || entry.audiences.contains(.anyone) {
                paths.insert("for/\(audience.rawValue)/index.html")
            }
            for area in guide.site.areas
            where entry.area == .nationwide || area.id == entry.area.areaID
                || listing.neighbors(of: area).contains(where: { $0.id == entry.area.areaID }) {
                paths.insert("areas/\(area.id)/index.html")
                paths.insert("areas/\(area.id)/print/index.html")
            }
        }
        return paths
    }

    /// Every page, or only those at the paths `only` names (after an edit, a few dozen of
    /// 10,000: the others are not even made into closures and sorted).
    private func allPages(cards: EntryCards, memory: SiteMemory?, only: Set<String>? = nil) throws -> [SitePage] {
        // Each page's closure reaches the builder through one shared reference: capturing the
        // builder and the cards by value copied both (some twenty references) into each of
        // 10,000 closures, on one core, before the first page could be written.
        let source = PageSource(builder: self, cards: cards)
        var pages: [SitePage] = []
        // Every path, for the sitemap, whether its page is made or not.
        var paths: [String] = []
        func wanted(_ path: String) -> Bool {
            paths.append(path)
            return only?.contains(path) ?? true
        }
        func add(_ path: String, _ make: @escaping @Sendable (SiteBuilder, EntryCards) throws -> Data) {
            guard wanted(path) else { return }
            pages.append(SitePage(path: path) { [source] in .bytes(try make(source.builder, source.cards)) })
        }
        func addStreamed(_ path: String, _ stream: @autoclosure () -> ByteStream) {
            guard wanted(path) else { return }
            let stream = stream()
            pages.append(SitePage(path: path) { .streamed(stream) })
        }
        add("index.html") { builder, cards in
            try builder.page("index", path: "index.html", HomeContext.values(builder.listing, cards: cards))
        }
        for kind in Kind.allCases {
            let path = "kinds/\(kind.rawValue)/index.html"
            add(path) { builder, cards in
                try builder.page("kind", path: path, title: kind.japaneseLabel, ListContext.kind(kind, builder.listing, cards: cards))
            }
        }
        for area in guide.site.areas {
            let path = "areas/\(area.id)/index.html"
            add(path) { builder, cards in
                try builder.page("area", path: path, title: area.name, try ListContext.area(area, builder.listing, cards: cards))
            }
            let sheet = "areas/\(area.id)/print/index.html"
            add(sheet) { builder, cards in
                try builder.page("area-sheet", path: sheet, title: "\(area.name) 一覧（印刷用）",
                                 try ListContext.area(area, builder.listing, cards: cards, sheet: true))
            }
        }
        for audience in [Audience.person, .family, .supporter] {
            let path = "for/\(audience.rawValue)/index.html"
            add(path) { builder, cards in
                try builder.page("audience", path: path, title: Wording.title(of: audience),
                                 ListContext.audience(audience, builder.listing, cards: cards))
            }
        }
        for (position, entry) in listing.entries.enumerated() {
            let path = "entries/\(entry.id)/index.html"
            guard wanted(path) else { continue }
            pages.append(SitePage(path: path) { [source] in
                .bytes(try source.builder.entryPage(at: position, path: path, cards: source.cards))
            })
        }
        for free in listing.pages {
            let path = "pages/\(free.slug)/index.html"
            add(path) { builder, _ in
                try builder.page("page", path: path, title: free.title, ["title": free.title, "bodyHTML": free.bodyHTML])
            }
        }
        add("search/index.html") { builder, _ in
            try builder.page("search", path: "search/index.html", title: "さがす", SearchPageContext.values(builder.listing, root: "../"))
        }
        add("404.html") { builder, _ in
            try builder.page("404", path: "404.html", title: "ページが見つかりません", [:], root: builder.notFoundRoot)
        }

        add("search/index.js") { [memory] builder, _ in
            try SearchIndex.script(entries: builder.listing.entries, guide: builder.guide, memo: memory?.search,
                                   postings: memory?.searchPostings ?? SearchPostings())
        }
        addStreamed("data/entries.json", OpenData.json(entries: listing.entries, guide: guide, memo: memory?.openData))
        addStreamed("data/entries.csv", OpenData.csv(entries: listing.entries, guide: guide, memo: memory?.openData))
        add("feed.xml") { builder, _ in try builder.theme.renderData("feed", FeedContext.values(builder.listing)) }
        let pagePaths = paths
        add("sitemap.xml") { builder, _ in try builder.theme.renderData("sitemap", builder.sitemapValues(paths: pagePaths)) }
        add("robots.txt") { builder, _ in try builder.theme.renderData("robots", ["baseURL": builder.guide.site.baseURL]) }
        for asset in try theme.assets() {
            add(asset.path) { _, _ in try asset.contents }
        }
        return pages.sorted { $0.path < $1.path }
    }

    /// An entry's page; on the way, its print-list item (see `EntryCards.offerSheet`).
    func entryPage(at position: Int, path: String, cards: EntryCards) throws -> Data {
        let entry = listing.entries[position]
        let pageRoot = root(of: path)
        var values = EntryContext.full(entry, root: pageRoot, guide: guide)
        try cards.offerSheet(entry, pageValues: &values, pageRoot: pageRoot)
        EntryContext.addStructuredData(to: &values, entry, guide: guide)
        return try page("entry", path: path, title: entry.name, ["entry": values])
    }

    /// `entries/x/index.html` → `../../`
    func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// 404.html is served for any missing path, so relative links would point nowhere; it
    /// links from the path of base_url instead (`/bookmark/`).
    var notFoundRoot: String {
        let path = URL(string: guide.site.baseURL)?.path ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Every page worth finding: HTML pages except 404 and the print lists, as directory URLs.
    func sitemapValues(paths: [String]) -> [String: Any] {
        let lastmod = Dictionary(uniqueKeysWithValues: listing.entries.map {
            ("entries/\($0.id)/index.html", $0.verified.description)
        })
        let urls: [[String: Any]] = paths
            .filter { $0.hasSuffix("index.html") && !$0.hasSuffix("/print/index.html") }
            .sorted()
            .map { path in
                var values = TemplateValues()
                values["loc"] = guide.site.baseURL + path.dropLast("index.html".count)
                values["lastmod"] = lastmod[path]
                return values.dictionary
            }
        return ["urls": urls]
    }

    /// Renders a page template with the values every page shares.
    func page(
        _ template: String, path: String, title: String? = nil, _ values: [String: Any],
        root: String? = nil
    ) throws -> Data {
        let root = root ?? self.root(of: path)
        var context = values
        context["root"] = root
        context["siteTitle"] = guide.site.title
        context["pageTitle"] = title.map { "\($0) | \(guide.site.title)" } ?? guide.site.title
        context["language"] = guide.site.language
        context["menuPages"] = listing.pages.map { ["title": $0.title, "href": "\(root)pages/\($0.slug)/index.html"] }
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
