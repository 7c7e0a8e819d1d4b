/// The whole checked content: what every renderer starts from.
public struct Guide: Sendable {
    public var site: SiteConfig
    /// Every entry that passed checking, drafts and expired ones included, sorted by id.
    public var entries: [Entry]
    public var pages: [Page]
    /// The day the content was checked against (for staleness notes), from the caller.
    public var today: Day

    public init(site: SiteConfig, entries: [Entry], pages: [Page], today: Day) {
        self.site = site
        self.entries = entries
        self.pages = pages
        self.today = today
    }

    /// Whether an entry is shown at all: not a draft and not past its `until`.
    public func isLive(_ entry: Entry) -> Bool {
        !entry.draft && (entry.until.map { $0 >= today } ?? true)
    }

    /// Entries the site may hold: live and `publish.web`.
    public var webEntries: [Entry] {
        entries.filter { isLive($0) && $0.publish.web }
    }

    /// Entries a printed booklet may hold: live and `publish.booklet`.
    public var bookletEntries: [Entry] {
        entries.filter { isLive($0) && $0.publish.booklet }
    }

    /// Whether `verified` is older than `stale_after_days`.
    public func isStale(_ entry: Entry) -> Bool {
        today.daysSinceEpoch - entry.verified.daysSinceEpoch > site.staleAfterDays
    }

    /// The areas of an edition: its home areas, then their neighbours (no repeats).
    public func areaIDs(of edition: Edition) -> (home: [String], neighbors: [String]) {
        var neighbors: [String] = []
        for id in edition.areas {
            for neighbor in site.area(id: id)?.neighbors ?? []
            where !edition.areas.contains(neighbor) && !neighbors.contains(neighbor) {
                neighbors.append(neighbor)
            }
        }
        return (edition.areas, neighbors)
    }
}

/// Japanese collation by reading: 五十音順 on `kana`.
///
/// The key compares first on the plain letters (katakana folded to hiragana, voicing marks
/// and small kana ignored, spaces and ー dropped), then on the reading as written, so that
/// か < が < き and は < ば < ぱ < ひ, as in a dictionary.
public enum Gojuon {
    static let smallToLarge: [Unicode.Scalar: Unicode.Scalar] = [
        "ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お", "っ": "つ", "ゃ": "や", "ゅ": "ゆ",
        "ょ": "よ", "ゎ": "わ", "ゕ": "か", "ゖ": "け",
    ]

    public static func sortKey(_ kana: String) -> String {
        var primary = String.UnicodeScalarView()
        var written = String.UnicodeScalarView()
        for scalar in kana.decomposedStringWithCanonicalMapping.unicodeScalars {
            var s = scalar
            if (0x30A1...0x30F6).contains(s.value) { s = Unicode.Scalar(s.value - 0x60)! }  // katakana → hiragana
            if s == " " || s == "\u{3000}" { continue }
            written.append(s)
            if s == "\u{3099}" || s == "\u{309A}" || s == "ー" { continue }
            primary.append(smallToLarge[s] ?? s)
        }
        return String(primary) + "\u{1}" + String(written)
    }

    /// Sorts entries by reading, then by id, so the order never depends on file order.
    public static func sorted(_ entries: [Entry]) -> [Entry] {
        let keyed = entries.map { (key: sortKey($0.kana), entry: $0) }
        return keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.entry.id < $1.entry.id }.map(\.entry)
    }
}
