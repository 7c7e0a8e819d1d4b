import Mustache

/// A Mustache template that belongs to no theme, such as the commented entry `bookmark new`
/// writes: rendered by swift-mustache as it is, so the tool has one template engine.
///
/// ```swift
/// try TextTemplate("kind: {{kind}}").render(["kind": "ibasho"])   // "kind: ibasho"
/// ```
public struct TextTemplate {
    private let template: MustacheTemplate

    public init(_ source: String) throws {
        template = try MustacheTemplate(string: source)
    }

    public func render(_ values: [String: Any]) -> String {
        template.render(values)
    }
}
