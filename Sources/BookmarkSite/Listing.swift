import BookmarkModel

/// Which web entries each way in shows, already in 五十音順.
///
/// Built once from `guide.webEntries`, so no page can list a draft, an expired entry or a
/// `publish.web: false` entry.
struct Listing {
    let guide: Guide
    /// Web entries in 五十音順.
    let entries: [Entry]
    /// Positions of each area's web entries, in 五十音順: every area page asks for three areas'
    /// entries, and positions cost nothing to keep where copies of entries would.
    private let byArea: [String: [Int]]
    /// Nationwide web entries in 五十音順, listed on every area page.
    let nationwide: [Entry]

    init(guide: Guide) {
        self.guide = guide
        self.entries = Gojuon.sorted(guide.webEntries)
        let entries = self.entries
        self.byArea = Dictionary(grouping: entries.indices.filter { entries[$0].area != .nationwide }) {
            entries[$0].area.areaID ?? ""
        }
        self.nationwide = entries.filter { $0.area == .nationwide }
    }

    func entries(inArea id: String) -> [Entry] { positions(inArea: id).map { entries[$0] } }

    /// Where an area's own entries are in `entries`, in order.
    func positions(inArea id: String) -> [Int] { byArea[id] ?? [] }

    /// Neighbours of an area that exist in site.yml, in the order written there.
    func neighbors(of area: Area) -> [Area] {
        area.neighbors.compactMap { guide.site.area(id: $0) }.filter { $0.id != area.id }
    }

    /// Free pages in menu order: `order`, then slug.
    var pages: [Page] {
        guide.pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }

    /// The 20 most recently verified entries, newest first (ties by id), for the feed.
    ///
    /// Picked in one pass, keeping the 20 best so far: sorting all 10,000 entries for them
    /// was a tenth of a `bookmark serve` rebuild.
    var recentlyVerified: [Entry] {
        let comesFirst = { (a: Entry, b: Entry) in (b.verified, a.id) < (a.verified, b.id) }
        var best: [Entry] = []
        for entry in entries {
            if best.count == 20, let last = best.last, !comesFirst(entry, last) { continue }
            let position = best.firstIndex { comesFirst(entry, $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > 20 { best.removeLast() }
        }
        return best
    }
}
