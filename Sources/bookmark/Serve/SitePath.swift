import Foundation

/// Maps a request path to a file of the built site, refusing anything outside it.
///
/// `/` → `index.html`, `/entries/sakura-salon/` → `entries/sakura-salon/index.html`,
/// `/entries/sakura-salon` → a redirect to the path with `/` (so relative links work),
/// `/../etc/passwd` or `/%2e%2e/x` → forbidden.
enum SitePath {
    enum Resolution: Equatable {
        case file(URL)
        case redirect(String)
        case notFound
        case forbidden
    }

    /// - Parameters:
    ///   - rawPath: the request target's path, still percent-encoded (`/a%20b/`).
    ///   - root: the built site's folder.
    static func resolve(_ rawPath: String, in root: URL) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding,
            !decoded.contains("\0"), !decoded.contains("\\")
        else { return .forbidden }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if components.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Dot files (the output marker, staging folders) are not part of the site.
        if components.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var url = URL(fileURLWithPath: rootPath, isDirectory: true)
        for component in components { url.appendPathComponent(String(component)) }
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else { return .forbidden }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else { return .notFound }
        guard isDirectory.boolValue else { return .file(URL(fileURLWithPath: resolved)) }
        guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
        let index = URL(fileURLWithPath: resolved).appendingPathComponent("index.html")
        return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
    }
}
