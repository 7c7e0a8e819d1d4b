import BookmarkModel
import Foundation

/// Each entry's booklet card, kept between builds by `bookmark serve`: after one edit only
/// that entry's card is made again (its values, QR code and HTML), not the thousand others of
/// the edition.
public final class BookletMemory: @unchecked Sendable {
    private struct Key: Hashable {
        var id: String
        var bodyLimit: Int
    }

    private let lock = NSLock()
    private var cards: [Key: (entry: Entry, item: [String: Any])] = [:]

    public init() {}

    /// The kept card of `entry` with bodies cut at `bodyLimit` (it depends on the paper), or
    /// a new one from `make` (which is kept).
    func card(_ entry: Entry, bodyLimit: Int, make: (Entry) throws -> [String: Any]) rethrows -> [String: Any] {
        let key = Key(id: entry.id, bodyLimit: bodyLimit)
        if let kept = lock.withLock({ cards[key] }), kept.entry == entry { return kept.item }
        let item = try make(entry)
        lock.withLock { cards[key] = (entry, item) }
        return item
    }

    /// Forgets every card, e.g. after a template changed.
    public func forget() {
        lock.withLock { cards = [:] }
    }
}
