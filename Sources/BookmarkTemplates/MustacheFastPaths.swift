import Mustache

// swift-mustache finds out what a value is by casting it to one protocol after another, and
// a page of 60 values spent most of its rendering time in those casts (and in building a
// `Mirror` of a String each time a section like `{{#notice}}` looked up a name inside it).
// Texts and numbers are all the values of this tool's templates, so they say at the first
// protocol asked what they are. The output is the same: a text renders as itself, a number
// as its digits, and a text has no named children.

extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}
