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
struct CompiledRendering: Sendable {
    struct Unsupported: Error {}

    let templates: [String: CompiledTemplate]
    /// swift-mustache's own HTML escaping, what a template starts with before its pragma.
    let defaultEscaping: CompiledTemplate.Escaping

    func render(_ template: CompiledTemplate, _ context: Any) throws -> String {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack: [Any] = [context]
        try render(template.nodes, stack: &stack, escaping: defaultEscaping, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func render(
        _ nodes: [CompiledTemplate.Node], stack: inout [Any], escaping: CompiledTemplate.Escaping,
        into output: inout [UInt8]
    ) throws {
        var escaping = escaping
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = try lookUp(name, in: stack) else { continue }
                try write(value, escaped ? escaping : .none, into: &output)
            case .section(let name, let inverted, let body):
                let value = try lookUp(name, in: stack)
                if inverted {
                    try renderInverted(body, value, stack: &stack, escaping: escaping, into: &output)
                } else {
                    try renderSection(body, value, stack: &stack, escaping: escaping, into: &output)
                }
            case .partial(let name):
                guard let partial = templates[name] else { continue }
                try render(partial.nodes, stack: &stack, escaping: defaultEscaping, into: &output)
            case .contentType(let type):
                escaping = type
            }
        }
    }

    private func renderSection(
        _ body: [CompiledTemplate.Node], _ value: Any?, stack: inout [Any], escaping: CompiledTemplate.Escaping,
        into output: inout [UInt8]
    ) throws {
        guard let value else { return }
        if let list = value as? [[String: Any]] {
            for item in list { try renderPushed(body, item, stack: &stack, escaping: escaping, into: &output) }
        } else if let list = value as? [String] {
            for item in list { try renderPushed(body, item, stack: &stack, escaping: escaping, into: &output) }
        } else if let list = value as? [Any] {
            for item in list { try renderPushed(body, item, stack: &stack, escaping: escaping, into: &output) }
        } else if let flag = value as? Bool {
            if flag { try render(body, stack: &stack, escaping: escaping, into: &output) }
        } else if value is String || value is Int || value is [String: Any] {
            try renderPushed(body, value, stack: &stack, escaping: escaping, into: &output)
        } else {
            throw Unsupported()
        }
    }

    private func renderInverted(
        _ body: [CompiledTemplate.Node], _ value: Any?, stack: inout [Any], escaping: CompiledTemplate.Escaping,
        into output: inout [UInt8]
    ) throws {
        guard let value else { return try render(body, stack: &stack, escaping: escaping, into: &output) }
        if let count = Self.count(ofList: value) {
            if count == 0 { try renderPushed(body, value, stack: &stack, escaping: escaping, into: &output) }
        } else if let flag = value as? Bool {
            if !flag { try render(body, stack: &stack, escaping: escaping, into: &output) }
        } else if !(value is String || value is Int || value is [String: Any]) {
            throw Unsupported()
        }
    }

    private func renderPushed(
        _ body: [CompiledTemplate.Node], _ value: Any, stack: inout [Any], escaping: CompiledTemplate.Escaping,
        into output: inout [UInt8]
    ) throws {
        stack.append(value)
        defer { stack.removeLast() }
        try render(body, stack: &stack, escaping: escaping, into: &output)
    }

    private func write(_ value: Any, _ escaping: CompiledTemplate.Escaping, into output: inout [UInt8]) throws {
        let text: String
        if let string = value as? String {
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
        case .other(let type): output.append(contentsOf: type.escapeText(text).utf8)
        }
    }

    // MARK: Names

    private func lookUp(_ name: CompiledTemplate.Name, in stack: [Any]) throws -> Any? {
        var value: Any?
        if name.isImplicit {
            value = stack.last
        } else if name.innermostOnly {
            value = try child(name.keys, of: stack[stack.count - 1])
        } else {
            var found: Any?
            for object in stack.reversed() {
                if let first = try immediateChild(name.keys[0], of: object) {
                    found = try child(name.keys.dropFirst(), of: first)
                    break
                }
            }
            value = found
        }
        guard var current = value else { return nil }
        for transform in name.transforms {
            guard let transformed = try apply(transform, to: current) else { return nil }
            current = transformed
        }
        return current
    }

    private func child<Keys: Collection<String>>(_ keys: Keys, of object: Any) throws -> Any? {
        var current = object
        for key in keys {
            guard let next = try immediateChild(key, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// A named value of `object`: only a `[String: Any]` has any.
    private func immediateChild(_ key: String, of object: Any) throws -> Any? {
        if let values = object as? [String: Any] { return values[key] }
        if object is String || object is Int || Self.count(ofList: object) != nil { return nil }
        throw Unsupported()
    }

    /// The length of a list, asking first for the kinds of list contexts hold: casting a
    /// `[[String: Any]]` to `[Any]` converts every item.
    private static func count(ofList value: Any) -> Int? {
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
