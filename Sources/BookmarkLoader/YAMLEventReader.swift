import BookmarkModel
// libyaml as bundled by Yams. Yams has no public event API, and composing through it costs
// several times what libyaml's own parsing does (a Node class and Tag per value, a
// Dictionary of hashed Nodes per mapping for its duplicate check), so the common case reads
// libyaml's events directly. SwiftPM makes the C module of a dependency importable.
import CYaml

/// Builds `YAMLNode`s straight from libyaml's events, for the front matter editors usually
/// write: one document, keys that are plain text, no tags, anchors or aliases, no repeated key.
///
/// Anything else makes it give up (`nil`), and `YAMLReader` reads the text again with Yams,
/// which finds the errors and words them. So for the text it accepts, the nodes are exactly
/// those `Yams.compose` (with the basic resolver) and `YAMLReader.convert` would give:
/// the same values, quoting and `Mark` positions (libyaml's, plus one).
enum YAMLEventReader {
    /// A collection still open while its events arrive.
    private struct Open {
        var position: SourcePosition
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLKey, value: YAMLNode)] = []
        /// A mapping's key, waiting for its value.
        var key: YAMLKey?
        /// The keys of a large mapping, once there are many.
        var keyNames: Set<String> = []

        /// Whether `name` is not a key of the mapping yet. Yams calls two keys the same when
        /// their texts are equal as Swift strings (and their resolved tags, always `str` here).
        mutating func isNewKey(_ name: String) -> Bool {
            // Front matter mappings are small, and comparing a few keys beats hashing them.
            if pairs.count < 48 { return !pairs.contains { $0.key.name == name } }
            if keyNames.isEmpty { keyNames = Set(pairs.map(\.key.name)) }
            return keyNames.insert(name).inserted
        }
    }

    /// The root node, or nil when the text is empty, unusual or wrong (Yams then decides).
    static func root(of yaml: String, lineOffset: Int) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return compose(&parser, lineOffset: lineOffset)
        }
    }

    private static func compose(_ parser: inout yaml_parser_t, lineOffset: Int) -> YAMLNode? {
        var event = yaml_event_t()
        /// The next event's type; nil on a parse error.
        func next() -> yaml_event_type_t? {
            yaml_event_delete(&event)
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            return event.type
        }
        defer { yaml_event_delete(&event) }

        guard next() == YAML_STREAM_START_EVENT, next() == YAML_DOCUMENT_START_EVENT else { return nil }
        var open: [Open] = []
        var root: YAMLNode?
        var nodes = 0
        while root == nil {
            guard let type = next() else { return nil }
            var node: YAMLNode
            let mark = event.start_mark
            let position = SourcePosition(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // Yams makes its strings with Foundation, which drops a leading U+FEFF (BOM).
                guard scalar.anchor == nil, scalar.tag == nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
                let value = String(decoding: bytes, as: UTF8.self)
                node = YAMLNode(value: .scalar(value, quoted: scalar.style != YAML_PLAIN_SCALAR_STYLE), position: position)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = type == YAML_MAPPING_START_EVENT
                let (anchor, implicit) = isMapping
                    ? (event.data.mapping_start.anchor, event.data.mapping_start.implicit)
                    : (event.data.sequence_start.anchor, event.data.sequence_start.implicit)
                guard anchor == nil, implicit != 0 else { return nil }
                open.append(Open(position: position, isMapping: isMapping))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = open.popLast(), done.key == nil else { return nil }
                node = YAMLNode(value: done.isMapping ? .mapping(done.pairs) : .sequence(done.items),
                                position: done.position)
            default:
                return nil  // an alias, or an event out of place
            }
            // Counted as `YAMLReader.convert` counts; over the limit, Yams's path reports it.
            nodes += 1
            guard nodes <= Limits.yamlNodes else { return nil }
            guard let last = open.indices.last else {
                root = node
                break
            }
            if !open[last].isMapping {
                open[last].items.append(node)
            } else if let key = open[last].key {
                open[last].pairs.append((key, node))
                open[last].key = nil
            } else {
                // A list or mapping as key, or a repeated key: Yams's path handles these.
                guard let name = node.scalar, open[last].isNewKey(name) else { return nil }
                open[last].key = YAMLKey(name: name, position: node.position)
            }
        }
        // One document and nothing after it, as `Yams.compose` requires.
        guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return nil }
        return root
    }
}
