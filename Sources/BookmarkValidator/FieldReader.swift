import BookmarkLoader
import BookmarkModel

/// Reads the fields of one YAML mapping, turning each problem into a diagnostic.
///
/// Every accessor returns nil when the field is absent or wrong, after reporting why; the
/// caller only decides what is required. Unknown keys are reported once, at the key.
struct FieldReader {
    let file: String
    let pairs: [(key: YAMLKey, value: YAMLNode)]
    /// Where the mapping starts: missing fields are reported there.
    let position: SourcePosition
    var diagnostics: [Diagnostic] = []

    /// - Parameter node: must be a mapping; anything else is reported and read as empty.
    init(_ node: YAMLNode, file: String, allowedKeys: [String], context: String) {
        self.file = file
        self.position = node.position
        if case .mapping(let pairs) = node.value {
            self.pairs = pairs
        } else {
            self.pairs = []
            report(.yamlNotMapping, at: node.position,
                   "\(context)は「キー: 値」の形で書きます（\(node.japaneseTypeName)になっています）。")
        }
        for (key, _) in pairs {
            if !allowedKeys.contains(key.name) {
                report(.fieldUnknown, at: key.position, "「\(key.name)」という項目はありません。",
                       hint: DidYouMean.hint(for: key.name, among: allowedKeys)
                           ?? "使える項目: " + allowedKeys.joined(separator: ", "))
            }
        }
    }

    mutating func report(_ code: DiagnosticCode, at position: SourcePosition, _ message: String, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(file: file, line: position.line, column: position.column, code: code, message: message, hint: hint))
    }

    /// The node of a key, nil when absent or written empty (`key:` or `key: ~`).
    func node(_ key: String) -> YAMLNode? {
        guard let pair = pairs.first(where: { $0.key.name == key }), !pair.value.isNull else { return nil }
        return pair.value
    }

    func keyPosition(_ key: String) -> SourcePosition? {
        pairs.first(where: { $0.key.name == key })?.key.position
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    mutating func missing(_ key: String, _ what: String, hint: String? = nil) {
        let at = keyPosition(key) ?? position
        report(.fieldMissing, at: at, "\(key)（\(what)）は必ず書きます。", hint: hint)
    }

    /// A scalar's raw text; a list or mapping is reported as a wrong type.
    mutating func scalar(_ key: String, _ what: String, required: Bool = false) -> (String, YAMLNode)? {
        guard let node = node(key) else {
            if required { missing(key, what) }
            return nil
        }
        guard let text = node.scalar else {
            report(.fieldType, at: node.position, "\(key)（\(what)）は1つの値で書きます（\(node.japaneseTypeName)になっています）。")
            return nil
        }
        return (text, node)
    }

    /// Free text as written (`Normalizer.display`); empty text counts as absent.
    mutating func text(_ key: String, _ what: String, required: Bool = false, maxLength: Int? = nil) -> String? {
        guard let (raw, node) = scalar(key, what, required: required) else { return nil }
        let value = Normalizer.display(raw)
        if value.isEmpty {
            if required { report(.textEmpty, at: node.position, "\(key)（\(what)）が空です。") }
            return nil
        }
        // Never more characters than UTF-8 bytes: most texts need no counting.
        if let maxLength, value.utf8.count > maxLength, value.count > maxLength {
            report(.textTooLong, at: node.position,
                   "\(key)（\(what)）が長すぎます（\(value.count)文字。上限は\(maxLength)文字）。")
            return nil
        }
        return value
    }

    /// `true`/`false`, also `yes`/`no`, はい/いいえ and 可/不可 (as in 匿名: 可).
    mutating func bool(_ key: String, _ what: String) -> Bool? {
        guard let (raw, node) = scalar(key, what) else { return nil }
        switch Normalizer.text(raw).lowercased() {
        case "true", "yes", "はい", "可": return true
        case "false", "no", "いいえ", "不可": return false
        default:
            report(.fieldType, at: node.position, "\(key)（\(what)）は true か false で書きます（「\(raw)」になっています）。")
            return nil
        }
    }

    mutating func integer(_ key: String, _ what: String, range: ClosedRange<Int>) -> Int? {
        guard let (raw, node) = scalar(key, what) else { return nil }
        guard let value = Int(Normalizer.text(raw)), range.contains(value) else {
            report(.numberInvalid, at: node.position,
                   "\(key)（\(what)）は \(range.lowerBound) から \(range.upperBound) までの整数で書きます（「\(raw)」になっています）。")
            return nil
        }
        return value
    }

    mutating func vocabulary<T: Vocabulary>(_ key: String, _ what: String, as type: T.Type, required: Bool = false) -> T? {
        guard let (raw, node) = scalar(key, what, required: required) else { return nil }
        return value(of: node, raw: raw, key: key, what: what, as: type)
    }

    mutating func value<T: Vocabulary>(of node: YAMLNode, raw: String, key: String, what: String, as type: T.Type) -> T? {
        let written = Normalizer.text(raw)
        if let value = T(written: written) { return value }
        report(.enumInvalid, at: node.position,
               "\(key)（\(what)）に「\(written)」は使えません。使えるのは \(T.listForMessages) です。",
               hint: DidYouMean.hint(for: written, among: T.allSpellings))
        return nil
    }

    /// The items of a list; a single scalar counts as a list of one (`for: person`).
    mutating func items(_ key: String, _ what: String, required: Bool = false) -> [YAMLNode]? {
        guard let node = node(key) else {
            if required { missing(key, what) }
            return nil
        }
        switch node.value {
        case .sequence(let items):
            if items.isEmpty, required {
                report(.listEmpty, at: node.position, "\(key)（\(what)）に1つ以上書いてください。")
                return nil
            }
            return items
        case .scalar:
            return [node]
        case .mapping:
            report(.fieldType, at: node.position, "\(key)（\(what)）はリストで書きます（例: [a, b]）。")
            return nil
        }
    }

    /// A list of vocabulary values without repeats.
    mutating func vocabularyList<T: Vocabulary>(_ key: String, _ what: String, as type: T.Type, required: Bool = false) -> [T]? {
        guard let items = items(key, what, required: required) else { return nil }
        var values: [T] = []
        var ok = true
        for item in items {
            guard let raw = item.scalar else {
                report(.fieldType, at: item.position, "\(key)（\(what)）の項目は1つの値で書きます。")
                ok = false
                continue
            }
            guard let value = value(of: item, raw: raw, key: key, what: what, as: type) else {
                ok = false
                continue
            }
            if values.contains(value) {
                report(.listRepeat, at: item.position, "\(key)（\(what)）に「\(Normalizer.text(raw))」が2回あります。")
                ok = false
                continue
            }
            values.append(value)
        }
        return ok ? values : nil
    }

    /// A list of texts (or a single text): ids and tags normalized with NFKC, or `asWritten`.
    mutating func textList(_ key: String, _ what: String, asWritten: Bool = false) -> [(String, YAMLNode)]? {
        guard let items = items(key, what) else { return nil }
        var values: [(String, YAMLNode)] = []
        for item in items {
            guard let raw = item.scalar else {
                report(.fieldType, at: item.position, "\(key)（\(what)）の項目は1つの値で書きます。")
                continue
            }
            let value = asWritten ? Normalizer.display(raw) : Normalizer.text(raw)
            if !value.isEmpty { values.append((value, item)) }
        }
        return values
    }

    /// `YYYY-MM-DD`.
    mutating func day(_ key: String, _ what: String, required: Bool = false) -> (Day, YAMLNode)? {
        guard let (raw, node) = scalar(key, what, required: required) else { return nil }
        let written = Normalizer.numeric(raw)
        guard let day = Day(iso: written) else {
            report(.dateInvalid, at: node.position,
                   "\(key)（\(what)）「\(raw)」は日付として読めません。YYYY-MM-DD の形で、実在する日付を書きます。",
                   hint: "例: \(key): 2026-04-01")
            return nil
        }
        return (day, node)
    }

    /// A nested mapping, read by its own reader; its diagnostics come back into this one.
    mutating func nested(_ key: String, allowedKeys: [String], context: String) -> FieldReader? {
        guard let node = node(key) else { return nil }
        return FieldReader(node, file: file, allowedKeys: allowedKeys, context: context)
    }

    mutating func absorb(_ other: FieldReader) {
        diagnostics += other.diagnostics
    }
}

extension YAMLNode {
    /// The place of the `offset`-th character of a one-line scalar, for pointing into a value.
    func position(ofCharacter offset: Int) -> SourcePosition {
        guard case .scalar(let text, let quoted) = value, !text.contains("\n") else { return position }
        return SourcePosition(line: position.line, column: position.column + offset + (quoted ? 1 : 0))
    }
}
