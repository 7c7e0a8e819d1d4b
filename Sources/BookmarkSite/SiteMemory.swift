import BookmarkModel
import BookmarkSystem
import Foundation

/// What one build of a guide leaves for the next, so `bookmark serve` rebuilds only what an
/// edit touched.
///
/// The next build (`SiteBuilder.pages(memory:)`) compares its guide with the last one. When
/// only entries changed, and the web entries and their 五十音順 are the same, it returns just
/// the pages those entries appear on (old and new version: entry page, kind, audiences, area
/// and the areas it neighbours or, for a nationwide service, every area, with print lists),
/// plus home, search data, open data, feed and sitemap, whose parts come from the memos.
/// Anything else (site.yml, free pages, an entry added, removed or moved in the order, a new
/// day, a changed theme, which the caller reports with `forget()`) rebuilds every page.
public final class SiteMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var lastGuide: Guide?
    /// The last guide's web entries in 五十音順.
    private var lastEntries: [Entry] = []
    /// Every route of the last build, made or not.
    private var lastRoutes: [Route] = []

    let cards = Memo<Entry, [String: Any]>()
    let homeCards = Memo<Entry, [String: Any]>()
    let sheets = Memo<Entry, [String: Any]>()
    let sheetLines = Memo<Entry, [String: Any]>()
    let search = Memo<Entry, SearchIndex.Part>()
    let searchPostings = SearchPostings()
    let openData = Memo<Entry, OpenData.Row>()

    public init() {}

    /// Forgets everything, e.g. after a template changed.
    public func forget() {
        lock.lock()
        lastGuide = nil
        lastEntries = []
        lastRoutes = []
        lock.unlock()
        forgetValues()
    }

    /// Remembers every route of this build; true when the last build had the same ones. An
    /// edit that moves an entry to another kind or area can add or drop a page of a list, or a
    /// search chunk: then the site's files are not the same set, and every page is made again
    /// (so a page that is gone leaves the preview, and the sitemap lists the new ones).
    func remember(routes: [Route]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let same = routes == lastRoutes
        lastRoutes = routes
        return same
    }

    /// The entries that differ from the last build (both versions), or nil when the whole site
    /// must be rebuilt; remembers `guide` for the next call.
    func changes(to guide: Guide, listing: Listing) -> [Entry]? {
        lock.lock()
        let last = lastGuide
        let before = lastEntries
        lastGuide = guide
        lastEntries = listing.entries
        lock.unlock()
        guard let last, last.site == guide.site, last.today == guide.today, last.pages == guide.pages else {
            forgetValues()
            return nil
        }
        guard before.map(\.id) == listing.entries.map(\.id) else { return nil }
        return zip(before, listing.entries).filter { $0 != $1 }.flatMap { [$0, $1] }
    }

    private func forgetValues() {
        for memo in [cards, homeCards, sheets, sheetLines] { memo.forget() }
        search.forget()
        openData.forget()
    }
}
