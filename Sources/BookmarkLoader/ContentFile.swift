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
    /// Where it is on disk. A path rather than a `URL`: files are counted by the thousand,
    /// and each is only ever opened by path.
    public var path: String

    public var url: URL { URL(fileURLWithPath: path) }

    public init(role: Role, relativePath: String, path: String) {
        self.role = role
        self.relativePath = relativePath
        self.path = path
    }

    public init(role: Role, relativePath: String, url: URL) {
        self.init(role: role, relativePath: relativePath, path: url.path)
    }

    /// The id (entries) or slug (pages): the file name without `.md`.
    public var id: String {
        // Native strings are contiguous, so the bytes are read in place, without a copy.
        if let id = relativePath.utf8.withContiguousStorageIfAvailable(Self.asciiID), let id { return id }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// `id` by bytes, as paths are nearly always ASCII, where a character is a byte (but
    /// CR LF, which holds no `/` and cannot end in `.md`): the last run of non-`/`, without
    /// `.md`. Nil when the path is not ASCII.
    private static func asciiID(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/")
        guard let last = bytes.lastIndex(where: { $0 != slash }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let first = bytes[..<last].lastIndex(of: slash).map { $0 + 1 } ?? 0
        var name = bytes[first...last]
        if name.count >= 3, name.suffix(3).elementsEqual(".md".utf8) { name = name.dropLast(3) }
        return String(decoding: name, as: UTF8.self)
    }
}
