import BookmarkModel
import BookmarkOutput
import Foundation

/// Turns a checked guide into the files of the browsable site.
///
/// ```
/// index.html                    home: how to use, 24-hour and nationwide lines, ways in
/// kinds/<kind>/ areas/<id>/ for/<audience>/      the ways in, without JavaScript
/// areas/<id>/print/             one printable list per area
/// entries/<id>/ pages/<slug>/   entry pages and free pages
/// search/                       search page and search/index.json (see SearchIndex)
/// data/entries.json, .csv       open data (see OpenData)
/// feed.xml sitemap.xml robots.txt 404.html assets/
/// ```
/// Only `guide.webEntries` ever reach a file: drafts, expired entries and `publish.web:
/// false` entries appear in no page, search data, export, feed or sitemap.
///
/// Each page comes from the theme template of the same name: `index`, `kind`, `area`,
/// `area-sheet`, `audience`, `entry`, `page`, `search`, `404`, `feed`, `sitemap`, `robots`,
/// with the partials `layout-head`, `layout-foot`, `entry-card`, `entry-groups` and
/// `sheet-entry`. A guide replaces any of them by putting `<content>/templates/NAME.mustache`
/// beside its content (`Theme.load(overrides:)`, wired in `renderSite`), so a municipality can
/// change its home page text without forking the theme.
///
/// Links are relative (`../../entries/x/index.html`), so the site works under any path and
/// opened from disk; only sitemap, feed and JSON-LD use `base_url`. Output depends only on
/// the content: everything is sorted, and no date comes from the clock.
public struct SiteBuilder {
    public let guide: Guide
    public let theme: Theme
    let listing: Listing

    public init(guide: Guide, theme: Theme) {
        self.guide = guide
        self.theme = theme
        self.listing = Listing(guide: guide)
    }

    public func build() throws -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(try page("index", path: "index.html", HomeContext.values(listing, root: "")))
        for kind in Kind.allCases {
            let path = "kinds/\(kind.rawValue)/index.html"
            files.append(try page("kind", path: path, title: kind.japaneseLabel,
                                  ListContext.kind(kind, listing, root: root(of: path))))
        }
        for area in guide.site.areas {
            let path = "areas/\(area.id)/index.html"
            files.append(try page("area", path: path, title: area.name,
                                  ListContext.area(area, listing, root: root(of: path))))
            let sheet = "areas/\(area.id)/print/index.html"
            files.append(try page("area-sheet", path: sheet, title: "\(area.name) 一覧（印刷用）",
                                  ListContext.area(area, listing, root: root(of: sheet), full: true)))
        }
        for audience in [Audience.person, .family, .supporter] {
            let path = "for/\(audience.rawValue)/index.html"
            files.append(try page("audience", path: path, title: Wording.title(of: audience),
                                  ListContext.audience(audience, listing, root: root(of: path))))
        }
        for entry in listing.entries {
            let path = "entries/\(entry.id)/index.html"
            files.append(try page("entry", path: path, title: entry.name,
                                  ["entry": EntryContext.full(entry, root: root(of: path), guide: guide)]))
        }
        for free in listing.pages {
            let path = "pages/\(free.slug)/index.html"
            files.append(try page("page", path: path, title: free.title,
                                  ["title": free.title, "bodyHTML": free.bodyHTML]))
        }
        files.append(try page("search", path: "search/index.html", title: "さがす",
                              SearchPageContext.values(listing, root: "../")))
        files.append(try page("404", path: "404.html", title: "ページが見つかりません", [:],
                              root: notFoundRoot))

        files.append(OutputFile(path: "search/index.json",
                                text: try SearchIndex.json(entries: listing.entries, guide: guide)))
        files.append(OutputFile(path: "data/entries.json",
                                text: try OpenData.json(entries: listing.entries, guide: guide)))
        files.append(OutputFile(path: "data/entries.csv",
                                text: OpenData.csv(entries: listing.entries, guide: guide)))
        files.append(OutputFile(path: "feed.xml",
                                text: try theme.render("feed", FeedContext.values(listing))))
        files.append(OutputFile(path: "sitemap.xml",
                                text: try theme.render("sitemap", sitemapValues(pages: files))))
        files.append(OutputFile(path: "robots.txt",
                                text: try theme.render("robots", ["baseURL": guide.site.baseURL])))
        files += try theme.assets()
        return files.sorted { $0.path < $1.path }
    }

    /// `entries/x/index.html` → `../../`
    func root(of path: String) -> String {
        String(repeating: "../", count: path.filter { $0 == "/" }.count)
    }

    /// 404.html is served for any missing path, so relative links would point nowhere; it
    /// links from the path of base_url instead (`/bookmark/`).
    var notFoundRoot: String {
        let path = URL(string: guide.site.baseURL)?.path ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Every page worth finding: HTML pages except 404 and the print lists, as directory URLs.
    func sitemapValues(pages files: [OutputFile]) -> [String: Any] {
        let lastmod = Dictionary(uniqueKeysWithValues: listing.entries.map {
            ("entries/\($0.id)/index.html", $0.verified.description)
        })
        let urls: [[String: Any]] = files
            .filter { $0.path.hasSuffix("index.html") && !$0.path.hasSuffix("/print/index.html") }
            .map(\.path).sorted()
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
    ) throws -> OutputFile {
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
        return OutputFile(path: path, text: try theme.render(template, context))
    }
}
