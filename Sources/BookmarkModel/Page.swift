/// A free page from `pages/**/<slug>.md`.
public struct Page: Sendable, Hashable {
    public var slug: String
    public var file: String
    public var title: String
    /// Position in menus; lower first, then by slug.
    public var order: Int
    public var bodyHTML: String

    public init(slug: String, file: String, title: String, order: Int, bodyHTML: String) {
        self.slug = slug
        self.file = file
        self.title = title
        self.order = order
        self.bodyHTML = bodyHTML
    }
}
