import BookmarkModel
import BookmarkSystem
import Foundation

/// Each entry's booklet card, kept between builds by `bookmark serve`: after one edit only
/// that entry's card is made again (its values, QR code and HTML), not the thousand others of
/// the edition. One memo per body length, which the paper size sets.
public final class BookletMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [Int: Memo<Entry, [String: Any]>] = [:]

    public init() {}

    /// The kept card of `entry` with bodies cut at `bodyLimit`, or a new one from `make`.
    func card(_ entry: Entry, bodyLimit: Int, make: (Entry) throws -> [String: Any]) rethrows -> [String: Any] {
        let memo = lock.withLock {
            if let memo = cards[bodyLimit] { return memo }
            let memo = Memo<Entry, [String: Any]>()
            cards[bodyLimit] = memo
            return memo
        }
        return try memo.value(for: entry, make: make)
    }

    /// Forgets every card, e.g. after a template changed.
    public func forget() {
        lock.withLock { cards = [:] }
    }
}
