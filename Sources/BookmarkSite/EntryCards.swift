import BookmarkModel

/// Each web entry's list item, made once and shared by every page that lists it.
///
/// An entry shows up on its kind page, its audience pages, its area page and both
/// neighbours' pages, and their print lists; a nationwide service on every area page. Making
/// its values and HTML once, instead of once per page, keeps a 10,000-entry build linear.
///
/// Each item holds the values the partial saw plus the partial's output, so a list template
/// writes `{{{cardHTML}}}` (or still `{{> entry-card}}`, only slower):
///
/// | item | values | HTML | partial |
/// |---|---|---|---|
/// | `card` | `EntryContext.summary` | `cardHTML` | `entry-card` |
/// | `sheet` | `EntryContext.full` | `sheetHTML` | `sheet-entry` |
/// | `line` | `EntryContext.line` | `lineHTML` | `entry-line` |
///
/// Every list page sits two folders down (`kinds/x/`, `areas/x/`, `for/x/`), every print list
/// three (`areas/x/print/`), so one root each is enough.
struct EntryCards: @unchecked Sendable {
    static let listRoot = "../../"
    static let sheetRoot = "../../../"

    // Immutable after init; the values are Strings, numbers and lists of them.
    private let cards: [String: [String: Any]]
    private let sheets: [String: [String: Any]]
    private let listLines: [String: [String: Any]]
    private let sheetLines: [String: [String: Any]]

    init(listing: Listing, theme: Theme) throws {
        let guide = listing.guide
        let entries = listing.entries
        let cards = try Parallel.map(entries.count) { index in
            try Self.item(EntryContext.summary(entries[index], root: Self.listRoot, guide: guide),
                          html: "cardHTML", partial: "entry-card", theme: theme)
        }
        let local = entries.filter { $0.area != .nationwide }
        let sheets = try Parallel.map(local.count) { index in
            try Self.item(EntryContext.full(local[index], root: Self.sheetRoot, guide: guide),
                          html: "sheetHTML", partial: "sheet-entry", theme: theme)
        }
        let nationwide = listing.nationwide
        let lines = { (root: String) in
            try Parallel.map(nationwide.count) { index in
                try Self.item(EntryContext.line(nationwide[index], root: root),
                              html: "lineHTML", partial: "entry-line", theme: theme)
            }
        }
        self.cards = Dictionary(uniqueKeysWithValues: zip(entries.map(\.id), cards))
        self.sheets = Dictionary(uniqueKeysWithValues: zip(local.map(\.id), sheets))
        self.listLines = Dictionary(uniqueKeysWithValues: zip(nationwide.map(\.id), try lines(Self.listRoot)))
        self.sheetLines = Dictionary(uniqueKeysWithValues: zip(nationwide.map(\.id), try lines(Self.sheetRoot)))
    }

    private static func item(_ values: [String: Any], html key: String, partial: String, theme: Theme) throws
        -> [String: Any]
    {
        var item = values
        item[key] = try theme.render(partial, values)
        return item
    }

    /// The list item of an entry on a list page (`../../`).
    func card(_ entry: Entry) -> [String: Any] { cards[entry.id] ?? [:] }

    /// The print-list item of an entry in an area (`../../../`).
    func sheet(_ entry: Entry) -> [String: Any] { sheets[entry.id] ?? [:] }

    /// The short line of a nationwide service, on an area page or its print list.
    func line(_ entry: Entry, sheet: Bool) -> [String: Any] {
        (sheet ? sheetLines : listLines)[entry.id] ?? [:]
    }
}
