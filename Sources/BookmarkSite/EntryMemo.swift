import BookmarkModel
import Foundation

/// Values made from one entry, kept between builds by `bookmark serve`: an entry equal to the
/// one a value was made from gets the kept value, so after an edit only the edited entry's
/// list items, search record and open-data row (and booklet card) are made again.
public final class EntryMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: (entry: Entry, value: Value)] = [:]

    public init() {}

    public func value(for entry: Entry, make: (Entry) throws -> Value) rethrows -> Value {
        lock.lock()
        let found = kept[entry.id]
        lock.unlock()
        if let found, found.entry == entry { return found.value }
        let value = try make(entry)
        lock.lock()
        kept[entry.id] = (entry, value)
        lock.unlock()
        return value
    }

    /// Every kept value by id, as it is.
    func values() -> [String: Value] {
        lock.withLock { kept.mapValues(\.value) }
    }

    public func forget() {
        lock.lock()
        kept = [:]
        lock.unlock()
    }
}

extension Optional {
    /// `memo.value(for:make:)` with a memo, `make(entry)` without one.
    func value<Value>(for entry: Entry, make: (Entry) throws -> Value) rethrows -> Value
    where Wrapped == EntryMemo<Value> {
        switch self {
        case .some(let memo): try memo.value(for: entry, make: make)
        case .none: try make(entry)
        }
    }
}
