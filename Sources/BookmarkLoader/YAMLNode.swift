import BookmarkModel

/// A YAML node as written: every scalar kept as its text (no YAML 1.1 typing), with its place.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        /// The scalar text; `quoted` when written in quotes or as a block scalar.
        case scalar(String, quoted: Bool)
        case mapping([(key: YAMLKey, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public var value: Value
    /// Where the node starts in the file.
    public var position: SourcePosition

    public init(value: Value, position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// The text of a scalar; nil for mappings and sequences.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A plain `~`, `null` or nothing at all: YAML's way to write "no value".
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = value, !quoted {
            // Asked for every field read: the length rules most texts out before comparing
            // (no other text equals these ASCII spellings).
            let length = text.utf8.count
            guard length <= 1 || length == 4 else { return false }
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// `スカラー（文字）`, `対応表（キー: 値）`, `リスト` for messages about wrong types.
    public var japaneseTypeName: String {
        switch value {
        case .scalar: "文字や数の値"
        case .mapping: "「キー: 値」の組"
        case .sequence: "リスト"
        }
    }
}

/// A mapping key with its place.
public struct YAMLKey: Sendable {
    public var name: String
    public var position: SourcePosition

    public init(name: String, position: SourcePosition) {
        self.name = name
        self.position = position
    }
}
