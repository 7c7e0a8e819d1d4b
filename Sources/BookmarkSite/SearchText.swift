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
            var value = scalar.value
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
                if kanaBlockChangesWhenFolded[Int(value - 0x3000)] { return nil }
                if (0x30A1...0x30F6).contains(value) || (0x30FD...0x30FE).contains(value) { value -= 0x60 }
            default: return nil
            }
            out.append(Unicode.Scalar(value)!)
        }
        return String(out)
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
    /// Sorted, each once. Made in one pass over the folded text, without the runs as arrays
    /// or a set: for 10,000 entries this was a tenth of a build.
    static func indexGrams(_ text: String) -> [UInt64] {
        var grams: [UInt64] = []
        var previous: UInt32?
        for scalar in fold(text).unicodeScalars {
            if isSeparator(scalar) {
                if let last = previous { grams.append(UInt64(last) << 32) }
                previous = nil
            } else {
                if let last = previous { grams.append(UInt64(last) << 32 | UInt64(scalar.value)) }
                previous = scalar.value
            }
        }
        if let last = previous { grams.append(UInt64(last) << 32) }
        grams.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(grams.count)
        for gram in grams where gram != unique.last { unique.append(gram) }
        return unique
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
        scalar.value < 0x10000 ? basicPlaneSeparators[Int(scalar.value)] : looksUpSeparator(scalar)
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
