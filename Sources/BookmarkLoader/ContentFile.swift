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
        let bytes = Array(relativePath.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
            return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        }
        // The same by bytes, as paths are nearly always ASCII, where a character is a byte
        // (but CR LF, which holds no `/` and cannot end in `.md`): the last run of non-`/`.
        let slash = UInt8(ascii: "/")
        guard let last = bytes.lastIndex(where: { $0 != slash }) else { return relativePath }
        let first = bytes[..<last].lastIndex(of: slash).map { $0 + 1 } ?? 0
        var name = bytes[first...last]
        if name.count >= 3, name.suffix(3).elementsEqual(".md".utf8) { name = name.dropLast(3) }
        return String(decoding: name, as: UTF8.self)
    }
}
