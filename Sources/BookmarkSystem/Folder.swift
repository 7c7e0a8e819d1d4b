#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One name in a folder, with its type as `readdir` gives it.
public struct FolderItem: Sendable, Equatable {
    public var name: String
    /// `DT_DIR`, `DT_REG`, `DT_LNK`…, or `DT_UNKNOWN` where the file system does not say.
    public var type: UInt8

    public init(name: String, type: UInt8) {
        self.name = name
        self.type = type
    }

    public var isFolder: Bool { type == UInt8(DT_DIR) }
    public var isRegularFile: Bool { type == UInt8(DT_REG) }
    /// Names starting with `.` are editors' swap files, `.git` and the like: never content.
    public var isHidden: Bool { name.utf8.first == UInt8(ascii: ".") }
}

/// Folders read by `readdir`, the one place that does: content discovery, the output's
/// bookkeeping, the theme and `bookmark serve`'s watcher all list folders through it.
///
/// `readdir` gives each name's type, which spares a `stat` of every plain file and folder:
/// finding 10,000 entry files one `lstat` at a time was 56 ms on one core here.
///
/// ```swift
/// Folder.items(in: "content/entries")   // [FolderItem(name: "sakura", type: DT_DIR), …] or nil
/// Folder.files(under: "themes/default/assets")   // ["css/site.css", "favicon.svg", …]
/// ```
public enum Folder {
    /// Deeper than any guide goes; a walk stops here, so a loop of symbolic links ends.
    public static let maximumDepth = 32

    /// The names in an open folder, but `.` and `..`, in the file system's order.
    public static func items(of folder: OpaquePointer) -> [FolderItem] {
        var found: [FolderItem] = []
        while let item = readdir(folder) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { found.append(FolderItem(name: name, type: item.pointee.d_type)) }
        }
        return found
    }

    /// The names in the folder at `path`, sorted by name when asked (so that nothing depends
    /// on the file system's order); nil when it cannot be read.
    public static func items(in path: String, sorted: Bool = false) -> [FolderItem]? {
        withOpen(path) { folder, _ in
            let found = items(of: folder)
            return sorted ? found.sorted { $0.name < $1.name } : found
        }
    }

    /// Opens the folder at `path` for `body`, with its descriptor for `*at` calls relative to
    /// it; nil when it cannot be opened.
    public static func withOpen<T>(_ path: String, _ body: (OpaquePointer, Int32) throws -> T) rethrows -> T? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        return try body(folder, dirfd(folder))
    }

    /// Every regular file below `root` (links followed), as paths relative to it, sorted;
    /// names starting with `.` and what is under them are left out when `skippingHidden`.
    public static func files(under root: String, skippingHidden: Bool = true) -> [String] {
        var found: [String] = []
        func walk(_ path: String, relative: String, depth: Int) {
            guard depth < maximumDepth else { return }
            _ = withOpen(path) { folder, descriptor in
                for item in items(of: folder) where !(skippingHidden && item.isHidden) {
                    let itemRelative = relative.isEmpty ? item.name : relative + "/" + item.name
                    switch kind(of: item, in: descriptor) {
                    case .folder: walk(path + "/" + item.name, relative: itemRelative, depth: depth + 1)
                    case .file: found.append(itemRelative)
                    case .other: continue
                    }
                }
            }
        }
        walk(root, relative: "", depth: 0)
        return found.sorted()
    }

    /// The stamp of every regular file below each of `roots` (links followed), by absolute
    /// path; names starting with `.` are left out. Each file is `stat`ed relative to its open
    /// folder, so the path is not looked up again from the root for each of 10,000 files
    /// (`bookmark serve` walks the guide every 2 seconds).
    public static func stamps(under roots: [String]) -> [String: FileStamp] {
        var found: [String: FileStamp] = [:]
        func walk(_ path: String, depth: Int) {
            guard depth < maximumDepth else { return }
            _ = withOpen(path) { folder, descriptor in
                for item in items(of: folder) where !item.isHidden {
                    var info = stat()
                    guard fstatat(descriptor, item.name, &info, 0) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: walk(path + "/" + item.name, depth: depth + 1)
                    case S_IFREG: found[path + "/" + item.name] = FileStamp(info)
                    default: continue
                    }
                }
            }
        }
        for root in roots { walk(root, depth: 0) }
        return found
    }

    /// Every folder below `root`, and `root` itself, as absolute paths, depth first; names
    /// starting with `.` are left out. Symbolic links to folders are not followed.
    public static func folders(under root: String) -> [String] {
        var found: [String] = []
        func walk(_ path: String, depth: Int) {
            guard depth < maximumDepth else { return }
            found.append(path)
            for item in items(in: path) ?? [] where item.isFolder && !item.isHidden {
                walk(path + "/" + item.name, depth: depth + 1)
            }
        }
        walk(root, depth: 0)
        return found
    }

    public enum Kind {
        case file, folder, other
    }

    /// What an item is, following a link (or asking `fstatat` where `readdir` did not say).
    public static func kind(of item: FolderItem, in descriptor: Int32) -> Kind {
        if item.isFolder { return .folder }
        if item.isRegularFile { return .file }
        var info = stat()
        guard fstatat(descriptor, item.name, &info, 0) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }
}
