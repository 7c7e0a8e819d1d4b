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
