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

    /// The value of each entry, in order: one pass under the lock to find the kept ones, the
    /// rest made on every core. For files made of every entry (open data), where asking
    /// entry by entry from both cores meant 20,000 turns of the lock per rebuild.
    public func values(for entries: [Entry], make: (Entry) throws -> Value) throws -> [Value] {
        var found = [Value?](repeating: nil, count: entries.count)
        var missing: [Int] = []
        lock.withLock {
            for (index, entry) in entries.enumerated() {
                if let kept = kept[entry.id], kept.entry == entry { found[index] = kept.value } else { missing.append(index) }
            }
        }
        let made = try Parallel.map(missing.count) { try make(entries[missing[$0]]) }
        lock.withLock {
            for (position, index) in missing.enumerated() {
                kept[entries[index].id] = (entries[index], made[position])
                found[index] = made[position]
            }
        }
        return found.map { $0! }
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
