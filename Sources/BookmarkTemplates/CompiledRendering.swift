import Foundation
import Mustache

/// Renders `CompiledTemplate`s into UTF-8 bytes with swift-mustache's rules for the values
/// this tool's contexts hold: texts, integers, flags, `[String: Any]` and lists of them.
///
/// The rules, as swift-mustache applies them (`MustacheTemplate.renderToken`):
/// - a name is looked up from the innermost value outwards; only a `[String: Any]` has
///   named values (a text, number or list pushed by a section has none);
/// - `{{value}}`: a text as itself (escaped), a number as its digits, a flag as
///   `true`/`false`; a missing value as nothing;
/// - `{{#value}}`: a list renders once per item, each pushed; `true` renders without
///   pushing; a text, number or `[String: Any]` renders once, pushed; missing or `false` or
///   an empty list not at all. `{{^value}}` renders exactly when `{{#value}}` would not (an
///   empty list is pushed);
/// - a partial renders with the same values, under swift-mustache's HTML escaping until its
///   own pragma; a missing partial renders as nothing.
/// Any other kind of value throws `Unsupported`, and the caller renders with swift-mustache.
final class CompiledRendering: Sendable {
    struct Unsupported: Error {}

    /// A value a section pushed, asked once what it is: only `values` have named children.
    enum Frame {
        case values([String: Any])
        case other(Any)

        init(_ value: Any) throws {
            switch ValueKind(value) {
            case .values: self = .values(value as! [String: Any])
            case .string, .int, .bool, .valuesList, .stringList: self = .other(value)
            case .other:
                if let values = value as? [String: Any] {
                    self = .values(values)
                } else if value is String || value is Int || value is Bool || CompiledRendering.count(ofList: value) != nil {
                    self = .other(value)
                } else {
                    throw Unsupported()
                }
            }
        }

        var value: Any {
            switch self {
            case .values(let values): values
            case .other(let value): value
            }
        }

        /// The named value, read in place: the lookup asks every frame of the stack, and a
        /// copy of each frame was a retain and a release.
        func child(_ key: String) -> Any? {
            guard case .values(let values) = self else { return nil }
            return values[key]
        }
    }

    let templates: [String: CompiledTemplate]
    /// swift-mustache's own HTML escaping, what a template starts with before its pragma.
    let defaultEscaping: CompiledTemplate.Escaping

    init(templates: [String: CompiledTemplate], defaultEscaping: CompiledTemplate.Escaping) {
        self.templates = templates
        self.defaultEscaping = defaultEscaping
    }

    /// UTF-8: every piece is a String's bytes.
    func render(_ template: CompiledTemplate, _ context: Any) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack: [Frame] = [try Frame(context)]
        try render(template, stack: &stack, into: &output)
        return output
    }

    private func render(_ template: CompiledTemplate, stack: inout [Frame], into output: inout [UInt8]) throws {
        try template.ops.withUnsafeBufferPointer { ops in
            try template.bytes.withUnsafeBufferPointer { bytes in
                try template.names.withUnsafeBufferPointer { names in
                    let walk = Walk(template: template, ops: ops, bytes: bytes, names: names, rendering: self)
                    try walk.run(0..<ops.count, stack: &stack, escaping: .swiftMustacheHTML, into: &output)
                }
            }
        }
    }

    /// How a walk escapes `{{value}}` at a point, as plain data (copied at every step):
    /// swift-mustache's HTML escaping (what each template starts with), this tool's, none, or
    /// the template's `escapings[index]`.
    fileprivate enum EscapingState {
        case swiftMustacheHTML, bookmarkHTML, none
        case other(Int32)
    }

    /// The steps of one template, walked over its buffers.
    private struct Walk {
        // Unowned: both outlive the walk (`render` holds them), and retaining them for each
        // template rendered meant atomic writes shared by both cores.
        unowned(unsafe) let template: CompiledTemplate
        let ops: UnsafeBufferPointer<CompiledTemplate.Op>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<CompiledTemplate.Name>
        unowned(unsafe) let rendering: CompiledRendering

        func run(
            _ range: Range<Int>, stack: inout [Frame], escaping: EscapingState, into output: inout [UInt8]
        ) throws {
            var escaping = escaping
            var position = range.lowerBound
            while position < range.upperBound {
                let op = ops[position]
                position += 1
                switch op.kind {
                case .text:
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(op.index)..<Int(op.index + op.count)]))
                case .variable, .unescapedVariable:
                    guard let value = try rendering.lookUp(names.baseAddress! + Int(op.index), in: stack) else { continue }
                    try write(value, op.kind == .variable ? escaping : .none, into: &output)
                case .section, .invertedSection:
                    let value = try rendering.lookUp(names.baseAddress! + Int(op.index), in: stack)
                    let body = position..<(position + Int(op.count))
                    position = body.upperBound
                    if op.kind == .invertedSection {
                        try renderInverted(body, value, stack: &stack, escaping: escaping, into: &output)
                    } else {
                        try renderSection(body, value, stack: &stack, escaping: escaping, into: &output)
                    }
                case .partial:
                    guard let partial = rendering.templates[template.partials[Int(op.index)]] else { continue }
                    try rendering.render(partial, stack: &stack, into: &output)
                case .contentType:
                    switch template.escapings[Int(op.index)] {
                    case .bookmarkHTML: escaping = .bookmarkHTML
                    case .none: escaping = .none
                    case .other: escaping = .other(op.index)
                    }
                }
            }
        }

        private func renderSection(
            _ body: Range<Int>, _ value: Any?, stack: inout [Frame], escaping: EscapingState,
            into output: inout [UInt8]
        ) throws {
            guard let value else { return }
            switch ValueKind(value) {
            case .string, .int: return try runPushed(body, .other(value), stack: &stack, escaping: escaping, into: &output)
            case .bool:
                if value as! Bool { try run(body, stack: &stack, escaping: escaping, into: &output) }
                return
            case .valuesList:
                for item in value as! [[String: Any]] {
                    try runPushed(body, .values(item), stack: &stack, escaping: escaping, into: &output)
                }
                return
            case .stringList:
                for item in value as! [String] { try runPushed(body, .other(item), stack: &stack, escaping: escaping, into: &output) }
                return
            case .values: return try runPushed(body, .values(value as! [String: Any]), stack: &stack, escaping: escaping, into: &output)
            case .other: break
            }
            // The kinds sections meet most first: optional texts, then flags and lists.
            if value is String || value is Int {
                try runPushed(body, .other(value), stack: &stack, escaping: escaping, into: &output)
            } else if let flag = value as? Bool {
                if flag { try run(body, stack: &stack, escaping: escaping, into: &output) }
            } else if let list = value as? [[String: Any]] {
                for item in list { try runPushed(body, .values(item), stack: &stack, escaping: escaping, into: &output) }
            } else if let list = value as? [String] {
                for item in list { try runPushed(body, .other(item), stack: &stack, escaping: escaping, into: &output) }
            } else if let values = value as? [String: Any] {
                try runPushed(body, .values(values), stack: &stack, escaping: escaping, into: &output)
            } else if let list = value as? [Any] {
                for item in list { try runPushed(body, try Frame(item), stack: &stack, escaping: escaping, into: &output) }
            } else {
                throw Unsupported()
            }
        }

        private func renderInverted(
            _ body: Range<Int>, _ value: Any?, stack: inout [Frame], escaping: EscapingState,
            into output: inout [UInt8]
        ) throws {
            guard let value else { return try run(body, stack: &stack, escaping: escaping, into: &output) }
            switch ValueKind(value) {
            case .string, .int, .values: return
            case .bool:
                if !(value as! Bool) { try run(body, stack: &stack, escaping: escaping, into: &output) }
                return
            case .valuesList, .stringList, .other: break
            }
            if value is String || value is Int || value is [String: Any] { return }
            if let flag = value as? Bool {
                if !flag { try run(body, stack: &stack, escaping: escaping, into: &output) }
            } else if let count = CompiledRendering.count(ofList: value) {
                if count == 0 { try runPushed(body, .other(value), stack: &stack, escaping: escaping, into: &output) }
            } else {
                throw Unsupported()
            }
        }

        private func runPushed(
            _ body: Range<Int>, _ frame: Frame, stack: inout [Frame], escaping: EscapingState,
            into output: inout [UInt8]
        ) throws {
            stack.append(frame)
            defer { stack.removeLast() }
            try run(body, stack: &stack, escaping: escaping, into: &output)
        }

        private func write(_ value: Any, _ escaping: EscapingState, into output: inout [UInt8]) throws {
            let text: String
            let kind = ValueKind(value)
            if kind == .string {
                text = value as! String
            } else if kind == .int {
                text = String(value as! Int)
            } else if let string = value as? String {
                text = string
            } else if let number = value as? Int {
                text = String(number)
            } else if let flag = value as? Bool {
                text = flag ? "true" : "false"
            } else {
                throw Unsupported()
            }
            switch escaping {
            case .none: output.append(contentsOf: text.utf8)
            case .bookmarkHTML: HTMLEscaping.append(text, to: &output)
            case .swiftMustacheHTML: escape(text, rendering.defaultEscaping, into: &output)
            case .other(let index): escape(text, template.escapings[Int(index)], into: &output)
            }
        }

        private func escape(_ text: String, _ escaping: CompiledTemplate.Escaping, into output: inout [UInt8]) {
            switch escaping {
            case .none: output.append(contentsOf: text.utf8)
            case .bookmarkHTML: HTMLEscaping.append(text, to: &output)
            case .other(let type): output.append(contentsOf: type.escapeText(text).utf8)
            }
        }
    }

    /// The exact types this tool's contexts hold, told apart by their metatype before any
    /// cast: a cast that fails asks the runtime about bridging and protocols, and the kinds
    /// were tried one after another for every value (a tenth of rendering). Anything else
    /// (`.other`) goes through the casts as before.
    enum ValueKind {
        case string, int, bool, values, valuesList, stringList, other

        private static let stringType = ObjectIdentifier(String.self)
        private static let intType = ObjectIdentifier(Int.self)
        private static let boolType = ObjectIdentifier(Bool.self)
        private static let valuesType = ObjectIdentifier([String: Any].self)
        private static let valuesListType = ObjectIdentifier([[String: Any]].self)
        private static let stringListType = ObjectIdentifier([String].self)

        init(_ value: Any) {
            switch ObjectIdentifier(type(of: value)) {
            case Self.stringType: self = .string
            case Self.intType: self = .int
            case Self.boolType: self = .bool
            case Self.valuesType: self = .values
            case Self.valuesListType: self = .valuesList
            case Self.stringListType: self = .stringList
            default: self = .other
            }
        }
    }

    // MARK: Names

    fileprivate func lookUp(_ name: UnsafePointer<CompiledTemplate.Name>, in stack: [Frame]) throws -> Any? {
        if name.pointee.isPlain {
            // The frames read in place, and the name's parts not copied out one by one.
            return stack.withUnsafeBufferPointer { frames in
                var index = frames.count - 1
                while index >= 0 {
                    if case .values(let values) = frames[index], let found = values[name.pointee.first] { return found }
                    index -= 1
                }
                return nil
            }
        }
        var value: Any?
        if name.pointee.isImplicit {
            value = stack.last?.value
        } else if name.pointee.innermostOnly {
            value = try child(name.pointee.keys, of: stack[stack.count - 1])
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].child(name.pointee.first) {
                    value = name.pointee.keys.count == 1 ? found : try child(name.pointee.keys.dropFirst(), of: try Frame(found))
                    break
                }
                index -= 1
            }
        }
        guard var current = value else { return nil }
        for transform in name.pointee.transforms {
            guard let transformed = try apply(transform, to: current) else { return nil }
            current = transformed
        }
        return current
    }

    /// A value below `frame` by names (`a.b`): only `[String: Any]` values have named ones.
    private func child<Keys: Collection<String>>(_ keys: Keys, of frame: Frame) throws -> Any? {
        var current = frame
        var value: Any = frame.value
        for key in keys {
            guard case .values(let values) = current, let next = values[key] else { return nil }
            value = next
            current = try Frame(next)
        }
        return value
    }

    /// The length of a list, asking first for the kinds of list contexts hold: casting a
    /// `[[String: Any]]` to `[Any]` converts every item.
    static func count(ofList value: Any) -> Int? {
        switch ValueKind(value) {
        case .valuesList: return (value as! [[String: Any]]).count
        case .stringList: return (value as! [String]).count
        case .string, .int, .bool, .values: return nil
        case .other: break
        }
        if let list = value as? [[String: Any]] { return list.count }
        if let list = value as? [String] { return list.count }
        if let list = value as? [Any] { return list.count }
        return nil
    }

    private func apply(_ transform: CompiledTemplate.Name.Transform, to value: Any) throws -> Any? {
        if let count = Self.count(ofList: value) {
            return transform == .count ? count : count == 0
        }
        if let values = value as? [String: Any] {
            return transform == .count ? values.count : values.isEmpty
        }
        if let text = value as? String { return transform == .empty ? text.isEmpty : nil }
        if value is Int || value is Bool { return nil }
        throw Unsupported()
    }
}
