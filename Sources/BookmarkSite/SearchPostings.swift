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
            lists = Self.collect(newGrams)
            encoded = [:]
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
            order = Self.inTextOrder(Array(encoded.keys))
        }
        ids = newIDs
        grams = newGrams
        return order.map { (SearchText.text(ofGram: $0), encoded[$0]!) }
    }

    /// Grams sorted as their text sorts with `String <` (NFC scalar by scalar). A gram of
    /// scalars that stay as they are in NFC whatever is around them (ASCII, kana, CJK
    /// ideographs: nearly every gram) sorts as its packed number, which orders those exactly as
    /// their text, without normalizing; any other pair is compared as text. With tens of
    /// thousands of grams, String comparison of Japanese text was the larger part of sorting.
    static func inTextOrder(_ grams: [UInt64]) -> [UInt64] {
        grams.map { (gram: $0, text: SearchText.text(ofGram: $0), plain: isPlain($0)) }
            .sorted { $0.plain && $1.plain ? $0.gram < $1.gram : $0.text < $1.text }
            .map(\.gram)
    }

    /// Whether both scalars of a gram (the second is 0 for a unigram) are of canonical
    /// combining class 0 and never change or compose under NFC.
    private static func isPlain(_ gram: UInt64) -> Bool {
        func plain(_ value: UInt64) -> Bool {
            switch value {
            case 0x01...0x7F, 0x3041...0x3096, 0x309D...0x309E, 0x30A1...0x30FA, 0x30FC...0x30FE,
                0x3400...0x4DBF, 0x4E00...0x9FFF:
                true
            default: false
            }
        }
        let second = gram & 0xFFFF_FFFF
        return plain(gram >> 32) && (second == 0 || plain(second))
    }

    /// The posting lists of all entries, from scratch. Each gram is numbered once by a
    /// `GramNumbers` table and its list found by that number: a `Dictionary` lookup (SipHash)
    /// for each gram of each entry, millions for 10,000 entries, was most of the time.
    private static func collect(_ grams: [[UInt64]]) -> [UInt64: [Int32]] {
        var numbers = GramNumbers()
        var lists: [[Int32]] = []
        for (position, entryGrams) in grams.enumerated() {
            for gram in entryGrams {
                let number = numbers.number(of: gram)
                if number == lists.count { lists.append([]) }
                lists[number].append(Int32(position))
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(numbers.grams, lists))
    }
}

/// Numbers grams 0, 1, 2, … in the order they are first asked for: an open-addressing table,
/// at most half full, of numbers + 1 (0 marks a free slot), hashed by multiplying (Fibonacci
/// hashing), which mixes both scalars of a gram into the top bits it uses.
private struct GramNumbers {
    /// The grams by number.
    private(set) var grams: [UInt64] = []
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private var bits = 12

    mutating func number(of gram: UInt64) -> Int {
        var slot = Self.slot(of: gram, bits: bits)
        while true {
            let kept = Int(slots[slot]) - 1
            if kept < 0 { break }
            if grams[kept] == gram { return kept }
            slot = (slot + 1) & (slots.count - 1)
        }
        grams.append(gram)
        slots[slot] = Int32(grams.count)
        if 2 * grams.count > slots.count { grow() }
        return grams.count - 1
    }

    private static func slot(of gram: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Twice the slots, every number placed again.
    private mutating func grow() {
        bits += 1
        slots = [Int32](repeating: 0, count: 1 << bits)
        for (number, gram) in grams.enumerated() {
            var slot = Self.slot(of: gram, bits: bits)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number + 1)
        }
    }
}
