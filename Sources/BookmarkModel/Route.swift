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
    /// `search/index.js`: the search data the search page loads.
    case searchIndex
    /// `404.html`: served for any missing path.
    case notFound
    /// `data/entries.json`
    case openDataJSON
    /// `data/entries.csv`
    case openDataCSV
    /// `feed.xml`
    case feed
    /// `sitemap.xml`
    case sitemap
    /// `robots.txt`
    case robots
    /// `booklet/<edition>.html`: an edition's print HTML, as WeasyPrint reads it.
    case bookletHTML(edition: String)
    /// `booklet/<edition>.pdf`: an edition's web copy.
    case bookletPDF(edition: String)
    /// `assets/<path>`: a file of the theme's `assets/` folder.
    case asset(String)

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
        case .robots: "robots.txt"
        case .bookletHTML(let edition): "booklet/\(edition).html"
        case .bookletPDF(let edition): "booklet/\(edition).pdf"
        case .asset(let path): "assets/\(path)"
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
        case .home, .kind, .area, .audience, .entry, .page, .search: true
        case .areaSheet, .searchIndex, .notFound, .openDataJSON, .openDataCSV, .feed, .sitemap, .robots,
            .bookletHTML, .bookletPDF, .asset:
            false
        }
    }

    /// Whether this file is one of thousands of small ones (an entry, area or free page, an
    /// asset), as against the few made of every entry (lists, search and open data, booklets),
    /// which take longest.
    public var isSmall: Bool {
        switch self {
        case .entry, .area, .areaSheet, .page, .asset: true
        case .home, .kind, .audience, .search, .searchIndex, .notFound, .openDataJSON, .openDataCSV, .feed,
            .sitemap, .robots, .bookletHTML, .bookletPDF:
            false
        }
    }

    /// `entries/x/index.html` → `entries/x/`; `feed.xml` stays.
    static func folderAddress(of path: String) -> String {
        path.hasSuffix("/index.html") || path == "index.html" ? String(path.dropLast("index.html".count)) : path
    }
}
