import Foundation

/// A file of the content folder that the guide is made of.
public struct ContentFile: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// `site.yml`
        case site
        /// `entries/**/<id>.md`
        case entry
        /// `pages/**/<slug>.md`
        case page
    }

    public var role: Role
    /// Path relative to the content folder, `/`-separated: what diagnostics show.
    public var relativePath: String
    public var url: URL

    public init(role: Role, relativePath: String, url: URL) {
        self.role = role
        self.relativePath = relativePath
        self.url = url
    }

    /// The id (entries) or slug (pages): the file name without `.md`.
    public var id: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
