import BookmarkModel
import Foundation

/// One file of the site, named by its route before it is made: `SiteBuilder.pages()` lists
/// them all cheaply, and the write step makes and writes them on every core, a few at a time.
public struct SitePage: Sendable {
    public let route: Route
    /// `route.path`, worked out once: relative, `/`-separated (`entries/a/index.html`).
    public let path: String
    let make: @Sendable () throws -> OutputFile.Body

    public init(route: Route, make: @escaping @Sendable () throws -> OutputFile.Body) {
        self.route = route
        self.path = route.path
        self.make = make
    }

    /// Renders the file (a big one as a stream, written as it is made).
    public func file() throws -> OutputFile { OutputFile(path: path, body: try make()) }

    /// Renders the file, whole.
    public func contents() throws -> Data { try file().contents }
}
