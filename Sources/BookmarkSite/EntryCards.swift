import BookmarkTemplates
import BookmarkSystem
import BookmarkModel

/// Each web entry's list item, made once and shared by every page that lists it.
///
/// An entry shows up on its kind page, its audience pages, its area page and both
/// neighbours' pages, and their print lists; a nationwide service on every print list. Making
/// its values and HTML once, instead of once per page, keeps a 10,000-entry build linear.
///
/// Each item holds the values the partial saw plus the partial's output, so a list template
/// writes its group's `{{{itemsHTML}}}` (all cards joined), `{{{cardHTML}}}` per item, or still
/// `{{> entry-card}}`, only slower. Print-list items hold only `sheetHTML`.
///
/// | item | values | HTML | partial |
/// |---|---|---|---|
/// | `card` | `EntryContext.summary` | `cardHTML` | `entry-card` |
/// | `home` (24-hour and nationwide only) | `EntryContext.summary` | `cardHTML` | `entry-card` |
/// | `sheet` | (none) | `sheetHTML` | `sheet-entry` with `EntryContext.full`, made when an area's print list first asks |
/// | `sheetLine` (nationwide only) | `EntryContext.line` | `lineHTML` | `entry-line`, on the print lists |
///
/// Every list page sits two folders down (`kinds/x/`, `areas/x/`, `for/x/`), every print list
/// three (`areas/x/print/`), the home page at the top, so one root each is enough.
struct EntryCards: @unchecked Sendable {
    static let listRoot = "../../"
    static let sheetRoot = "../../../"

    // Immutable after init; the values are Strings, numbers and lists of them.
    /// By position in `listing.entries`: a list page picks thousands of them, and finding
    /// each by its id was most of an audience page's time in `bookmark serve`.
    private let cards: [[String: Any]]
    private let homeCards: [String: [String: Any]]
    /// Print-list items, made by the print lists that show them (an entry is on its area's
    /// and its neighbours' lists) the first time one asks, and kept: no other page makes them,
    /// so no page depends on another having been written first. Made all at once before the
    /// pages, they were alive through the whole write and raised a 10,000-entry build's peak
    /// memory by 9 MB.
    private let sheets: Memo<Entry, [String: Any]>
    private let theme: Theme
    private let guide: Guide
    /// Nationwide services as short lines, for the print lists (the area page only links to
    /// the list of them).
    private let sheetLines: [String: [String: Any]]

    /// - Parameter changed: with `memory`, the entries that differ from the build it remembers
    ///   (`SiteMemory.changes`): only their items are made again, the others are the memory's.
    init(listing: Listing, theme: Theme, memory: SiteMemory? = nil, changed: [Entry]? = nil) throws {
        let guide = listing.guide
        let entries = listing.entries
        // Entries are picked by position, never copied: an entry is a large value, and copies of
        // 10,000 of them cost more than a rebuild after one edit should take.
        let onHome = entries.indices.filter { entries[$0].isAllDay || entries[$0].area == .nationwide }
        let nationwide = entries.indices.filter { entries[$0].area == .nationwide }
        let changedIDs = changed.map { Set($0.map(\.id)) }
        // The items of the entries at `positions`, in their order.
        let itemsInOrder = { (positions: [Int], memo: Memo<Entry, [String: Any]>?, make: (Entry) throws -> [String: Any]) in
            if let memo, let changedIDs {
                // After an edit only the edited entries can differ from what the memo keeps (an
                // item of an entry no longer listed here may stay in it, and is never asked for).
                let kept = memo.values()
                return try positions.map { position in
                    let entry = entries[position]
                    if !changedIDs.contains(entry.id), let item = kept[entry.id] { return item }
                    return try memo.value(for: entry, make: make)
                }
            }
            return try Parallel.map(positions.count) { try memo.value(for: entries[positions[$0]], make: make) }
        }
        // The same, by entry id.
        let items = { (positions: [Int], memo: Memo<Entry, [String: Any]>?, make: (Entry) throws -> [String: Any]) in
            Dictionary(uniqueKeysWithValues: zip(positions.map { entries[$0].id }, try itemsInOrder(positions, memo, make)))
        }
        cards = try itemsInOrder(Array(entries.indices), memory?.cards) { entry in
            try Self.item(EntryContext.summary(entry, root: Self.listRoot, guide: guide),
                          html: "cardHTML", partial: "entry-card", theme: theme)
        }
        homeCards = try items(onHome, memory?.homeCards) { entry in
            try Self.item(EntryContext.summary(entry, root: "", guide: guide),
                          html: "cardHTML", partial: "entry-card", theme: theme)
        }
        // Print-list items keep only their HTML: every field of 10,000 entries would be the
        // biggest thing in memory, and the print list writes the partial's output anyway.
        sheets = memory?.sheets ?? Memo()
        self.theme = theme
        self.guide = guide
        sheetLines = try items(nationwide, memory?.sheetLines) { entry in
            try Self.item(EntryContext.line(entry, root: Self.sheetRoot), html: "lineHTML", partial: "entry-line", theme: theme)
        }
    }

    private static func item(_ values: [String: Any], html key: String, partial: String, theme: Theme) throws
        -> [String: Any]
    {
        var item = values
        item[key] = try theme.render(partial, values)
        return item
    }

    /// The list item of the entry at `position` in `listing.entries`, on a list page (`../../`).
    func card(at position: Int) -> [String: Any] { cards[position] }

    /// The item of a 24-hour or nationwide entry on the home page.
    func home(_ id: String) -> [String: Any] { homeCards[id] ?? [:] }

    /// The print-list item of an entry in an area (`../../../`).
    func sheet(_ entry: Entry) throws -> [String: Any] {
        try sheets.value(for: entry) { entry in
            ["sheetHTML": try theme.render("sheet-entry", EntryContext.full(entry, root: Self.sheetRoot, guide: guide))]
        }
    }

    /// The short line of a nationwide service on a print list.
    func sheetLine(_ id: String) -> [String: Any] { sheetLines[id] ?? [:] }
}
