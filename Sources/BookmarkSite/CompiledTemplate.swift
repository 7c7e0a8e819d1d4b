import Mustache

/// A theme template as swift-mustache parsed it, made into a tree this tool renders itself.
///
/// swift-mustache stays the parser and the reference: this tree is built from the tokens it
/// parsed (read through `Mirror`, since they are internal), so standalone lines, whitespace
/// and partial names are exactly its own. What the tree does not hold is rendered by
/// swift-mustache as before: a template using anything outside the subset below is not
/// compiled at all, and a value of a kind the renderer does not know stops its rendering
/// (`CompiledRendering.Unsupported`) so swift-mustache renders that page instead.
///
/// Why: swift-mustache finds out what each value is by casting it to protocol after
/// protocol, copies its context stack for every section and joins its output as Strings; on a
/// 10,000-entry guide that was two thirds of the build's CPU time. The subset is what this
/// tool's templates use: text, `{{name}}`, `{{{name}}}`, `{{&name}}`, dotted names, `{{.}}`,
/// sections and inverted sections with the `count` and `empty` transforms, partials that
/// are not indented, comments and content-type pragmas.
struct CompiledTemplate: @unchecked Sendable {
    // @unchecked: `Escaping.other` holds a swift-mustache content type, which is Sendable.

    indirect enum Node {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, body: [Node])
        case partial(String)
        case contentType(Escaping)
    }

    /// A name as swift-mustache reads it: `.`, `a.b`, `.a` (only the innermost value), and
    /// transforms applied innermost first (`count(hours)` → `[count]`).
    struct Name {
        enum Transform { case count, empty }

        let isImplicit: Bool
        let innermostOnly: Bool
        let keys: [String]
        let transforms: [Transform]
    }

    /// How `{{value}}` is escaped; swift-mustache starts each template, partials too, with its
    /// own HTML escaping until a pragma changes it.
    enum Escaping {
        case bookmarkHTML
        case none
        case other(any MustacheContentType)
    }

    let nodes: [Node]

    /// The tree of `template`, or nil when it uses anything outside the subset.
    init?(_ template: MustacheTemplate) {
        guard let nodes = Self.nodes(of: template) else { return nil }
        self.nodes = nodes
    }

    /// The partials a template names, so a template is only used compiled when they are too.
    var partials: Set<String> { Self.partials(in: nodes) }

    private static func partials(in nodes: [Node]) -> Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .partial(let name): names.insert(name)
            case .section(_, _, let body): names.formUnion(partials(in: body))
            default: break
            }
        }
        return names
    }

    private static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
        else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let node = node(of: token) else { return nil }
            nodes.append(node)
        }
        return nodes
    }

    /// One token: an enum case whose payload is one value or a tuple of labelled values.
    private static func node(of token: Any) -> Node? {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return nil }
        let fields = Mirror(reflecting: payload).children.map { ($0.label ?? "", $0.value) }
        func field(_ label: String) -> Any? { fields.first { $0.0 == label }?.1 }
        switch kind {
        case "text":
            guard let text = payload as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard let name = field("name") as? String, let transforms = field("transforms") as? [String],
                let parsed = Name(name, transforms: transforms)
            else { return nil }
            return .variable(parsed, escaped: kind == "variable")
        case "section", "invertedSection":
            guard let name = field("name") as? String, let transforms = field("transforms") as? [String],
                let parsed = Name(name, transforms: transforms),
                let template = field("template") as? MustacheTemplate, let body = nodes(of: template)
            else { return nil }
            return .section(parsed, inverted: kind == "invertedSection", body: body)
        case "partial":
            // An indented partial indents each line of its output, and one with blocks
            // inherits; neither is in the subset.
            guard let name = field(".0") as? String, field("inherits").map(isNil) ?? false else { return nil }
            let indentation = field("indentation").flatMap { $0 as? String } ?? ""
            guard indentation.isEmpty else { return nil }
            return .partial(name)
        case "contentType":
            guard let contentType = payload as? any MustacheContentType else { return nil }
            return .contentType(Escaping(contentType))
        default:
            return nil
        }
    }

    private static func isNil(_ value: Any) -> Bool {
        Mirror(reflecting: value).displayStyle == .optional && Mirror(reflecting: value).children.isEmpty
    }
}

extension CompiledTemplate.Name {
    init?(_ name: String, transforms: [String]) {
        var parsed: [Transform] = []
        for transform in transforms.reversed() {
            switch transform {
            case "count": parsed.append(.count)
            case "empty": parsed.append(.empty)
            default: return nil
            }
        }
        // An empty name with transforms asks about the position in a list (`first()`).
        guard !name.isEmpty else { return nil }
        isImplicit = name == "."
        innermostOnly = !isImplicit && name.hasPrefix(".")
        keys = isImplicit ? [] : name.split(separator: ".").map(String.init)
        guard isImplicit || !keys.isEmpty else { return nil }
        self.transforms = parsed
    }
}

extension CompiledTemplate.Escaping {
    init(_ contentType: any MustacheContentType) {
        if contentType is HTMLEscaping {
            self = .bookmarkHTML
        } else if String(describing: type(of: contentType)) == "TextContentType" {
            self = .none
        } else {
            self = .other(contentType)
        }
    }
}
