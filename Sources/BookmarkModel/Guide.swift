import Foundation

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
