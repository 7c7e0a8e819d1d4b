/// Where each file of the site lives and how to link to it: the one place that spells a path.
///
/// ```swift
/// Route.entry("sakura-soudan").path                      // "entries/sakura-soudan/index.html"
/// Route.entry("sakura-soudan").href(from: "../../")      // "../../entries/sakura-soudan/index.html"
/// Route.entry("sakura-soudan").permalink(base: "https://example.org/guide/")
///                                                        // "https://example.org/guide/entries/sakura-soudan/"
/// ```
/// Pages are folders with an `index.html`, so their addresses end in `/` and stay the same
/// whatever serves them. These addresses are printed: every QR code, feed and sitemap points
/// at them, so a path here changes only by a decision, with redirects.
///
/// Links between pages are relative (`href(from:)` with the linking page's `root`), so the
/// site works under any path and opened from disk; only the sitemap, feed, open data and
/// JSON-LD use `permalink(base:)`.
public enum Route: Hashable, Sendable {
    /// `index.html`
    case home
    /// `kinds/<kind>/index.html`: every entry of a kind, by area.
    case kind(Kind)
    /// `areas/<id>/index.html`
    case area(id: String)
    /// `areas/<id>/print/index.html`: the area's list to print on A4.
    case areaSheet(id: String)
    /// `for/<audience>/index.html`
    case audience(Audience)
    /// `entries/<id>/index.html`
    case entry(id: String)
    /// `pages/<slug>/index.html`: a free page.
    case page(slug: String)
    /// `search/index.html`
    case search
    /// `search/index.js`: the small entry file of the search data: its tables and where each
    /// key's chunk starts (see `SearchIndex`).
    case searchIndex
    /// `404.html`: served for any missing path.
    case notFound
    /// `data/entries.json`
    case openDataJSON
    /// `data/entries.csv`
    case openDataCSV
    /// `feed.xml`
    case feed
    /// `sitemap.xml`: every findable page, or past 50,000 of them (the protocol's limit per
    /// file) the index of the `sitemapPart`s.
    case sitemap
    /// `sitemaps/<n>.xml` (from 1): 50,000 pages of a site that has more.
    case sitemapPart(Int)
    /// `robots.txt`
    case robots
    /// `booklet/<edition>.html`: an edition's print HTML, as WeasyPrint reads it.
    case bookletHTML(edition: String)
    /// `booklet/<edition>.pdf`: an edition's web copy.
    case bookletPDF(edition: String)
    /// `assets/<path>`: a file of the theme's `assets/` folder.
    case asset(String)
    /// Page `page` (from 1) of a paged list (see `ListRoute`): `kinds/<kind>.area-<id>/`,
    /// `areas/<id>.2/`, `lists/nationwide/`, …
    case list(ListRoute, page: Int)
    /// `search/chunks/<n>.js`: one shard of the search data's posting lists (see `SearchIndex`).
    case searchChunk(Int)
    /// `search/records/<n>.js`: what the results show of entries `n * 20 …` (see `SearchIndex`).
    case searchRecords(Int)
    /// `search/areas/<n>.js`: the areas of prefecture `n`, for the search page's choice of
    /// municipality in a guide of more areas than a page lists (see `SearchIndex`).
    case searchAreas(Int)

    /// The file's path in the output, relative and `/`-separated.
    public var path: String {
        switch self {
        case .home: "index.html"
        case .kind(let kind): "kinds/\(kind.rawValue)/index.html"
        case .area(let id): "areas/\(id)/index.html"
        case .areaSheet(let id): "areas/\(id)/print/index.html"
        case .audience(let audience): "for/\(audience.rawValue)/index.html"
        case .entry(let id): "entries/\(id)/index.html"
        case .page(let slug): "pages/\(slug)/index.html"
        case .search: "search/index.html"
        case .searchIndex: "search/index.js"
        case .notFound: "404.html"
        case .openDataJSON: "data/entries.json"
        case .openDataCSV: "data/entries.csv"
        case .feed: "feed.xml"
        case .sitemap: "sitemap.xml"
        case .sitemapPart(let number): "sitemaps/\(number).xml"
        case .robots: "robots.txt"
        case .bookletHTML(let edition): "booklet/\(edition).html"
        case .bookletPDF(let edition): "booklet/\(edition).pdf"
        case .asset(let path): "assets/\(path)"
        case .list(let list, let page): list.folder(page: page) + "/index.html"
        case .searchChunk(let number): "search/chunks/\(number).js"
        case .searchRecords(let number): "search/records/\(number).js"
        case .searchAreas(let number): "search/areas/\(number).js"
        }
    }

    /// The link to this file from a page whose `root` leads to the top of the site
    /// (`"../../"` from `entries/x/index.html`, `""` from the home page).
    public func href(from root: String) -> String { root + path }

    /// The address of this page on the web, under `base_url` (which ends in `/`): folder
    /// pages as their folder (`…/entries/x/`), other files by name.
    public func permalink(base: String) -> String {
        base + Self.folderAddress(of: path)
    }

    /// `../` once per folder of `path`: the root that links on that page start from
    /// (`entries/x/index.html` → `../../`).
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// The root of links on this route's page.
    public var root: String { Self.root(of: path) }

    /// Whether this file is a page a reader finds in search engines: HTML pages but the 404
    /// page and the print lists (the sitemap lists these).
    public var isFindable: Bool {
        switch self {
        case .home, .kind, .area, .audience, .entry, .page, .search, .list: true
        case .areaSheet, .searchIndex, .searchChunk, .searchRecords, .searchAreas, .notFound, .openDataJSON, .openDataCSV, .feed, .sitemap, .sitemapPart,
            .robots, .bookletHTML, .bookletPDF, .asset:
            false
        }
    }

    /// Whether this file is one of thousands of small ones (an entry, area or free page, an
    /// asset), as against the few made of every entry (lists, search and open data, booklets),
    /// which take longest.
    public var isSmall: Bool {
        switch self {
        case .entry, .area, .areaSheet, .page, .asset, .list, .searchChunk, .searchRecords, .searchAreas: true
        case .home, .kind, .audience, .search, .searchIndex, .notFound, .openDataJSON, .openDataCSV, .feed,
            .sitemap, .sitemapPart, .robots, .bookletHTML, .bookletPDF:
            false
        }
    }

    /// `entries/x/index.html` → `entries/x/`; `feed.xml` stays.
    static func folderAddress(of path: String) -> String {
        path.hasSuffix("/index.html") || path == "index.html" ? String(path.dropLast("index.html".count)) : path
    }
}

/// The lists a reader pages through, each at most one screenful of entries or areas per page,
/// linked with plain links (no JavaScript). Every folder sits two levels down, as the kind,
/// area and audience pages do, so the same list items (`EntryCards`) serve all of them.
///
/// Page 1 of a list lives at its folder, page n ≥ 2 at the folder plus `.n`. Ids never hold a
/// dot (`^[a-z0-9][a-z0-9-]*$`), and an area's folder starts `area-`, so no two lists share a
/// folder with each other or with an existing page: `kinds/<kind>/` and `areas/<id>/` (page 1
/// of `.kindAreas` and `.area`) keep the addresses printed in QR codes.
///
/// | list | page 1 | page 3 |
/// |---|---|---|
/// | `.kindAreas(kind)` the kind's areas with counts | `kinds/<kind>/` | `kinds/<kind>.3/` |
/// | `.kindInArea(kind, id)` | `kinds/<kind>.area-<id>/` | `kinds/<kind>.area-<id>.3/` |
/// | `.kindNationwide(kind)` | `kinds/<kind>.nationwide/` | `kinds/<kind>.nationwide.3/` |
/// | `.kindAll(kind)` 五十音順 | `kinds/<kind>.all/` | `kinds/<kind>.all.3/` |
/// | `.audienceAreas(a)` | `for/<a>/` | `for/<a>.3/` |
/// | `.audienceInArea(a, id)` | `for/<a>.area-<id>/` | `for/<a>.area-<id>.3/` |
/// | `.audienceNationwide(a)` | `for/<a>.nationwide/` | `for/<a>.nationwide.3/` |
/// | `.audienceAll(a)` 五十音順 | `for/<a>.all/` | `for/<a>.all.3/` |
/// | `.area(id)` its own entries | `areas/<id>/` | `areas/<id>.3/` |
/// | `.areas` every area with counts | `lists/areas/` | `lists/areas.3/` |
/// | `.nationwide` | `lists/nationwide/` | `lists/nationwide.3/` |
/// | `.allDay` 24時間 | `lists/allday/` | `lists/allday.3/` |
///
/// Page 1 of `.kindAreas`, `.audienceAreas` and `.area` is the route `.kind`, `.audience` and
/// `.area` itself: `Route.list(_:page:)` with page 1 of those is never made (use `ListRoute.route(page:)`).
public enum ListRoute: Hashable, Sendable {
    case kindAreas(Kind)
    case kindInArea(Kind, areaID: String)
    case kindNationwide(Kind)
    case kindAll(Kind)
    case audienceAreas(Audience)
    case audienceInArea(Audience, areaID: String)
    case audienceNationwide(Audience)
    case audienceAll(Audience)
    case area(id: String)
    case areas
    case nationwide
    case allDay

    /// The folder of the list's page `page` (from 1), without the trailing `/`.
    func folder(page: Int) -> String {
        let base: String = switch self {
        case .kindAreas(let kind): "kinds/\(kind.rawValue)"
        case .kindInArea(let kind, let id): "kinds/\(kind.rawValue).area-\(id)"
        case .kindNationwide(let kind): "kinds/\(kind.rawValue).nationwide"
        case .kindAll(let kind): "kinds/\(kind.rawValue).all"
        case .audienceAreas(let audience): "for/\(audience.rawValue)"
        case .audienceInArea(let audience, let id): "for/\(audience.rawValue).area-\(id)"
        case .audienceNationwide(let audience): "for/\(audience.rawValue).nationwide"
        case .audienceAll(let audience): "for/\(audience.rawValue).all"
        case .area(let id): "areas/\(id)"
        case .areas: "lists/areas"
        case .nationwide: "lists/nationwide"
        case .allDay: "lists/allday"
        }
        return page > 1 ? "\(base).\(page)" : base
    }

    /// The route of the list's page `page`: page 1 of the kind, audience and area lists is
    /// the kind, audience or area page.
    public func route(page: Int) -> Route {
        if page <= 1 {
            switch self {
            case .kindAreas(let kind): return .kind(kind)
            case .audienceAreas(let audience): return .audience(audience)
            case .area(let id): return .area(id: id)
            default: break
            }
        }
        return .list(self, page: max(page, 1))
    }
}
