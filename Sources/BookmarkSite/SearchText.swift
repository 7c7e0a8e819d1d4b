import Foundation

/// How search folds text before cutting it into grams; `assets/js/search.js` folds queries
/// the same way, so `ソウダン`, `そうだん` and half-width `ｿｳﾀﾞﾝ` all meet.
///
/// 1. NFKC: full-width letters and digits become ASCII, half-width katakana becomes full-width.
/// 2. Lower case.
/// 3. Katakana becomes hiragana (`ア`–`ヶ`, `ヽ`, `ヾ` move down by 0x60).
/// 4. Whitespace, punctuation, symbols and control characters split the text into runs.
///
/// `相談窓口（さくら市）` → runs `相談窓口`, `さくら市` → grams `相`, `相談`, `談`, `談窓`, …
enum SearchText {
    static func fold(_ text: String) -> String {
        if let folded = foldCommon(text) { return folded }
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x30A1...0x30F6, 0x30FD...0x30FE:
                out.append(Unicode.Scalar(scalar.value - 0x60)!)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The same folding without Foundation, for text of ASCII, kana, kanji, Japanese punctuation
    /// and full-width ASCII only (nearly every entry): there NFKC is a fixed shift per scalar.
    /// nil when some scalar could change otherwise, or combine with the one before it
    /// (`か` + U+3099 → `が`); the caller then takes the general path.
    static func foldCommon(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let value = foldedCommonly(scalar.value, kanaChanges: kanaBlockChangesWhenFolded) else { return nil }
            out.append(Unicode.Scalar(value)!)
        }
        return String(out)
    }

    /// One scalar as `foldCommon` folds it, or nil when it needs the general path. Per scalar,
    /// so `indexGrams` can fold and cut grams in one pass without building the folded string.
    /// `kanaChanges` is `kanaBlockChangesWhenFolded`, which callers fetch once: every access
    /// of a static table checks it was made (`swift_once`), a tenth of cutting grams.
    @inline(__always)
    static func foldedCommonly(_ scalar: UInt32, kanaChanges: [Bool]) -> UInt32? {
        var value = scalar
        switch value {
        case 0x41...0x5A: value += 0x20
        case 0x00...0x7F: break
        case 0x3000: value = 0x20
        case 0xFF01...0xFF5E:
            value -= 0xFEE0
            if (0x41...0x5A).contains(value) { value += 0x20 }
        case 0x3099, 0x309A: return nil
        case 0x3400...0x4DBF, 0x4E00...0x9FFF:
            // Unified ideographs have no compatibility mapping and no case.
            break
        case 0x3001...0x303F, 0x3041...0x30FF:
            if kanaChanges[Int(value - 0x3000)] { return nil }
            if (0x30A1...0x30F6).contains(value) || (0x30FD...0x30FE).contains(value) { value -= 0x60 }
        default: return nil
        }
        return value
    }

    /// Folded runs of word characters.
    static func runs(_ text: String) -> [[Unicode.Scalar]] {
        var runs: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in fold(text).unicodeScalars {
            if isSeparator(scalar) {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The grams the index keeps of a text, as pairs of scalars packed in one number (a
    /// unigram has 0 as its second half): every bigram of each run, and the last scalar of each
    /// run. A one-letter query finds the bigrams starting with it plus that unigram, so no
    /// other unigram needs storing.
    /// Each once, in the order they first occur: nothing needs them sorted (the index sorts the
    /// grams of all entries by their text), and sorting the grams of every entry cost more than
    /// cutting them. Made in one pass over the text, folding each scalar on the way
    /// (`foldedCommonly`), without the folded string or the runs as arrays: for 10,000 entries
    /// this was a tenth of a build.
    static func indexGrams(_ text: String) -> [UInt64] {
        var cutter = GramCutter()
        cutter.grams.reserveCapacity(text.utf8.count / 2)
        let kanaChanges = kanaBlockChangesWhenFolded
        for scalar in text.unicodeScalars {
            guard let value = foldedCommonly(scalar.value, kanaChanges: kanaChanges) else {
                // Rare (compatibility characters, combining marks): fold the whole text the general way.
                cutter = GramCutter()
                for scalar in fold(text).unicodeScalars { cutter.add(scalar.value) }
                break
            }
            cutter.add(value)
        }
        return cutter.uniqueGrams()
    }

    /// Cuts folded scalars into the grams of `indexGrams`.
    private struct GramCutter {
        var grams: [UInt64] = []
        private var previous: UInt32?
        /// Fetched once (see `foldedCommonly`).
        private let separators = SearchText.basicPlaneSeparators

        @inline(__always)
        mutating func add(_ scalar: UInt32) {
            let isSeparator = scalar < 0x10000 ? separators[Int(scalar)] : SearchText.isSeparator(value: scalar)
            if isSeparator {
                if let last = previous { grams.append(UInt64(last) << 32) }
                previous = nil
            } else {
                if let last = previous { grams.append(UInt64(last) << 32 | UInt64(scalar)) }
                previous = scalar
            }
        }

        /// The grams, each once, in the order they first occur.
        mutating func uniqueGrams() -> [UInt64] {
            if let last = previous { grams.append(UInt64(last) << 32) }
            previous = nil
            return GramSet.unique(grams)
        }
    }

    /// Drops repeats from a list of grams, keeping first occurrences in order (a body repeats its
    /// phrases, so about half of an entry's grams are repeats): an open-addressing table at most
    /// half full, keyed by the gram itself (0 marks a free slot; no gram is 0, as its first
    /// scalar is never a separator like U+0000). Cheaper than `Set<UInt64>`, which hashes each
    /// gram with SipHash.
    private enum GramSet {
        static func unique(_ grams: [UInt64]) -> [UInt64] {
            var unique: [UInt64] = []
            unique.reserveCapacity(grams.count)
            var bits = 4
            while 1 << bits < 2 * grams.count { bits += 1 }
            let mask = (1 << bits) - 1
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 1 << bits) { slots in
                slots.initialize(repeating: 0)
                for gram in grams {
                    // Fibonacci hashing: the top bits of the product mix both scalars of the gram.
                    var slot = Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                    while true {
                        let kept = slots[slot]
                        if kept == gram { break }
                        if kept == 0 {
                            slots[slot] = gram
                            unique.append(gram)
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
            // Kept for every entry until the index is made (the build's peak memory): room
            // for every gram, repeats included, was twice what the unique ones need (44 of a
            // 10,000-entry build's 157 MB of heap at its peak, in heaptrack).
            guard unique.capacity > unique.count + unique.count / 8 else { return unique }
            return Array(unsafeUninitializedCapacity: unique.count) { buffer, count in
                _ = buffer.initialize(from: unique)
                count = unique.count
            }
        }
    }

    /// The text of a gram made by `indexGrams`.
    static func text(ofGram gram: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(gram >> 32))!)
        if gram & 0xFFFF_FFFF != 0 { scalars.append(Unicode.Scalar(UInt32(gram & 0xFFFF_FFFF))!) }
        return String(scalars)
    }

    /// Every unigram and bigram of the folded text.
    static func grams(_ text: String) -> Set<String> {
        var grams = Set<String>()
        for run in runs(text) {
            for index in run.indices {
                grams.insert(String(String.UnicodeScalarView([run[index]])))
                if index + 1 < run.count {
                    grams.insert(String(String.UnicodeScalarView([run[index], run[index + 1]])))
                }
            }
        }
        return grams
    }

    /// Whitespace, P* (punctuation), S* (symbols), C* (control, format): the JS side uses
    /// `/[\s\p{P}\p{S}\p{C}]/u`.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        isSeparator(value: scalar.value)
    }

    /// `isSeparator` of a scalar's value, for code that folds values rather than scalars.
    @inline(__always)
    static func isSeparator(value: UInt32) -> Bool {
        value < 0x10000 ? basicPlaneSeparators[Int(value)] : looksUpSeparator(Unicode.Scalar(value)!)
    }

    /// `isSeparator` of every scalar of the Basic Multilingual Plane, asked once: a property
    /// lookup per letter of every entry was a twentieth of a build.
    private static let basicPlaneSeparators: [Bool] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(looksUpSeparator) ?? true
    }

    /// `changesWhenNFKCCaseFolded` for U+3000…U+30FF (CJK punctuation, kana), asked once.
    private static let kanaBlockChangesWhenFolded: [Bool] = (0x3000...0x30FF).map { value in
        Unicode.Scalar(UInt32(value))!.properties.changesWhenNFKCCaseFolded
    }

    private static func looksUpSeparator(_ scalar: Unicode.Scalar) -> Bool {
        // Letters and digits of most Japanese text, without a property lookup per scalar.
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF:
            return false
        default: break
        }
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .control, .format, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }
}
