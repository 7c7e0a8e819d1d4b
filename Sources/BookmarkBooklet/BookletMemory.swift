import BookmarkModel
import BookmarkSystem
import Foundation

/// Each entry's booklet card, kept between builds by `bookmark serve`: after one edit only
/// that entry's card is made again (its values, QR code and HTML), not the thousand others of
/// the edition. One memo per paper size, which sets the body's length and what shares a line.
public final class BookletMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [Paper: Memo<Entry, [String: Any]>] = [:]

    public init() {}

    /// The kept card of `entry` on `paper`, or a new one from `make`.
    func card(_ entry: Entry, paper: Paper, make: (Entry) throws -> [String: Any]) rethrows -> [String: Any] {
        let memo = lock.withLock {
            if let memo = cards[paper] { return memo }
            let memo = Memo<Entry, [String: Any]>()
            cards[paper] = memo
            return memo
        }
        return try memo.value(for: entry, make: make)
    }

    /// Forgets every card, e.g. after a template changed.
    public func forget() {
        lock.withLock { cards = [:] }
    }
}
