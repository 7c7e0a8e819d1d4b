import Foundation

/// The posting lists of the search index, kept between builds by `bookmark serve` (in
/// `SiteMemory`) and updated for the entries whose grams changed, instead of being collected
/// again from 10,000 entries' grams after every edit.
///
/// Keys are grams packed as by `SearchText.indexGrams`; lists hold entry numbers (positions
/// in 五十音順), ascending; `encoded` holds each list as `SearchIndex.encode` writes it.
final class SearchPostings: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    private var grams: [[UInt64]] = []
    private var lists: [UInt64: [Int32]] = [:]
    private var encoded: [UInt64: String] = [:]
    /// Grams in the order of their text, as the index writes them.
    private var order: [UInt64] = []

    /// `(gram text, encoded list)` in the order of the text, for entries `ids` with their
    /// grams (each once, as `SearchText.indexGrams` makes them).
    func update(ids newIDs: [String], grams newGrams: [[UInt64]]) -> [(String, String)] {
        lock.lock()
        defer { lock.unlock() }
        var dirty = Set<UInt64>()
        if newIDs == ids {
            for position in newGrams.indices where newGrams[position] != grams[position] {
                let old = Set(grams[position])
                let new = Set(newGrams[position])
                for gram in old.subtracting(new) {
                    lists[gram]?.removeAll { $0 == Int32(position) }
                    dirty.insert(gram)
                }
                for gram in new.subtracting(old) {
                    var list = lists[gram] ?? []
                    let at = list.firstIndex { $0 > Int32(position) } ?? list.count
                    list.insert(Int32(position), at: at)
                    lists[gram] = list
                    dirty.insert(gram)
                }
            }
        } else {
            lists = [:]
            encoded = [:]
            for (position, entryGrams) in newGrams.enumerated() {
                for gram in entryGrams { lists[gram, default: []].append(Int32(position)) }
            }
            dirty = Set(lists.keys)
        }
        var keysChanged = newIDs != ids
        for gram in dirty {
            if let list = lists[gram], !list.isEmpty {
                if encoded.updateValue(SearchIndex.encode(list), forKey: gram) == nil { keysChanged = true }
            } else {
                lists[gram] = nil
                encoded[gram] = nil
                keysChanged = true
            }
        }
        if keysChanged {
            order = encoded.keys.map { ($0, SearchText.text(ofGram: $0)) }.sorted { $0.1 < $1.1 }.map(\.0)
        }
        ids = newIDs
        grams = newGrams
        return order.map { (SearchText.text(ofGram: $0), encoded[$0]!) }
    }
}
