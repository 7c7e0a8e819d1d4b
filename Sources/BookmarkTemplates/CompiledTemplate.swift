import Mustache

/// A theme template as swift-mustache parsed it, made into a flat list of steps this tool
/// renders itself (`CompiledRendering`).
///
/// swift-mustache stays the parser and the reference: the steps are made from the tokens it
/// parsed (read through `Mirror`, since they are internal), so standalone lines, whitespace
/// and partial names are exactly its own. What the steps cannot say is rendered by
/// swift-mustache as before: a template using anything outside the subset below is not
/// compiled at all, and a value of a kind the renderer does not know stops its rendering
/// (`CompiledRendering.Unsupported`) so swift-mustache renders that page instead.
///
/// Why: swift-mustache finds out what each value is by casting it to protocol after
/// protocol, copies its context stack for every section and joins its output as Strings; on a
/// 10,000-entry guide that was two thirds of the build's CPU time. If a swift-mustache
/// release changes its tokens, nothing compiles and every page is rendered by it, only
/// slower (`CompiledTemplateTests` then fails, to say so). The subset is what this
/// tool's templates use: text, `{{name}}`, `{{{name}}}`, `{{&name}}`, dotted names, `{{.}}`,
/// sections and inverted sections with the `count` and `empty` transforms, partials that
/// are not indented, comments and content-type pragmas.
final class CompiledTemplate: @unchecked Sendable {
    // @unchecked: `Escaping.other` holds a swift-mustache content type, which is Sendable;
    // every property is set while compiling and never after.

    /// One step of a template, plain data: walking the steps copies no reference, so the
    /// two cores rendering pages from the same template never write to the same memory
    /// (each retain of a shared tree node did, and cost more than the rendering).
    struct Op {
        enum Kind: UInt8 {
            /// `bytes[index ..< index + count]`
            case text
            /// `names[index]`, escaped or not
            case variable, unescapedVariable
            /// `names[index]`; the body is the next `count` steps
            case section, invertedSection
            /// `partials[index]`
            case partial
            /// `escapings[index]` from here to the end of the template or section
            case contentType
        }

        var kind: Kind
        var index: Int32
        var count: Int32
    }

    /// A name as swift-mustache reads it: `.`, `a.b`, `.a` (only the innermost value), and
    /// transforms applied innermost first (`count(hours)` → `[count]`).
    struct Name {
        enum Transform { case count, empty }

        let isImplicit: Bool
        let innermostOnly: Bool
        let keys: [String]
        /// `keys[0]`, or "" for `.`.
        let first: String
        let transforms: [Transform]
        /// One key, no transforms, looked up through every frame: nearly every name.
        let isPlain: Bool
    }

    /// How `{{value}}` is escaped; swift-mustache starts each template, partials too, with its
    /// own HTML escaping until a pragma changes it.
    enum Escaping {
        case bookmarkHTML
        case none
        case other(any MustacheContentType)
    }

    // Constants, so reading them from both cores needs no exclusivity check.
    let ops: [Op]
    let bytes: [UInt8]
    let names: [Name]
    /// The partials a template names, so a template is only used compiled when they are too.
    let partials: [String]
    let escapings: [Escaping]

    /// The steps of `template`, or nil when it uses anything outside the subset.
    init?(_ template: MustacheTemplate) {
        var builder = Builder()
        guard builder.add(template) else { return nil }
        (ops, bytes, names, partials, escapings) = (builder.ops, builder.bytes, builder.names, builder.partials, builder.escapings)
    }
}

extension CompiledTemplate {
    /// Collects the steps of a template and of its sections, depth first.
    private struct Builder {
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var partials: [String] = []
        var escapings: [Escaping] = []

        mutating func add(_ template: MustacheTemplate) -> Bool {
            guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
            else { return false }
            return tokens.allSatisfy { add(token: $0) }
        }

        /// One token: an enum case whose payload is one value or a tuple of labelled values.
        private mutating func add(token: Any) -> Bool {
            guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return false }
            let fields = Mirror(reflecting: payload).children.map { ($0.label ?? "", $0.value) }
            func field(_ label: String) -> Any? { fields.first { $0.0 == label }?.1 }
            switch kind {
            case "text":
                guard let text = payload as? String else { return false }
                ops.append(Op(kind: .text, index: Int32(bytes.count), count: Int32(text.utf8.count)))
                bytes += text.utf8
            case "variable", "unescapedVariable":
                guard let name = field("name") as? String, let transforms = field("transforms") as? [String],
                    let parsed = Name(name, transforms: transforms)
                else { return false }
                ops.append(Op(kind: kind == "variable" ? .variable : .unescapedVariable, index: Int32(names.count), count: 0))
                names.append(parsed)
            case "section", "invertedSection":
                guard let name = field("name") as? String, let transforms = field("transforms") as? [String],
                    let parsed = Name(name, transforms: transforms), let body = field("template") as? MustacheTemplate
                else { return false }
                let position = ops.count
                ops.append(Op(kind: kind == "section" ? .section : .invertedSection, index: Int32(names.count), count: 0))
                names.append(parsed)
                guard add(body) else { return false }
                ops[position].count = Int32(ops.count - position - 1)
            case "partial":
                // An indented partial indents each line of its output, and one with blocks
                // inherits; neither is in the subset.
                guard let name = field(".0") as? String, field("inherits").map(Self.isNil) ?? false else { return false }
                let indentation = field("indentation").flatMap { $0 as? String } ?? ""
                guard indentation.isEmpty else { return false }
                ops.append(Op(kind: .partial, index: Int32(partials.count), count: 0))
                partials.append(name)
            case "contentType":
                guard let contentType = payload as? any MustacheContentType else { return false }
                ops.append(Op(kind: .contentType, index: Int32(escapings.count), count: 0))
                escapings.append(Escaping(contentType))
            default:
                return false
            }
            return true
        }

        private static func isNil(_ value: Any) -> Bool {
            Mirror(reflecting: value).displayStyle == .optional && Mirror(reflecting: value).children.isEmpty
        }
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
        first = keys.first ?? ""
        self.transforms = parsed
        isPlain = !isImplicit && !innermostOnly && keys.count == 1 && parsed.isEmpty
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
