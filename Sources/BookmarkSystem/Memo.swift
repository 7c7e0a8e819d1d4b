import Foundation

/// Values made from sources (entries: `Identifiable` by id, equal while all their fields are), kept between builds by `bookmark serve`: a source
/// equal to the one a value was made from gets the kept value, so after an edit only the
/// edited entry's list items, search record and open-data row (and booklet card) are made
/// again.
///
/// ```swift
/// let cards = Memo<Entry, [String: Any]>()
/// let card = cards.value(for: entry) { makeCard($0) }   // made once while `entry` is unchanged
/// ```
public final class Memo<Source: Identifiable & Equatable, Value>: @unchecked Sendable where Source.ID == String {
    private let lock = NSLock()
    private var kept: [String: (entry: Source, value: Value)] = [:]

    public init() {}

    public func value(for entry: Source, make: (Source) throws -> Value) rethrows -> Value {
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
    public func values(for entries: [Source], make: (Source) throws -> Value) throws -> [Value] {
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

    /// Every kept value by key, as it is.
    public func values() -> [String: Value] {
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
    public func value<Source, Value>(for entry: Source, make: (Source) throws -> Value) rethrows -> Value
    where Wrapped == Memo<Source, Value> {
        switch self {
        case .some(let memo): try memo.value(for: entry, make: make)
        case .none: try make(entry)
        }
    }
}
