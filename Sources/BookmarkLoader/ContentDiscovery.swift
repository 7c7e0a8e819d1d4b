import BookmarkModel
import BookmarkSystem
import Foundation

/// Finds the files a content folder is made of.
///
/// Names starting with `_` or `.` (files and folders) are ignored; only `.md` files count
/// under `entries/` and `pages/`. Symbolic links are followed only when they stay inside the
/// content folder. The order is by path, so nothing depends on the file system's order.
public enum ContentDiscovery {
    public struct Result: Sendable {
        public var site: ContentFile?
        public var entries: [ContentFile]
        public var pages: [ContentFile]
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter fileLimit: more files than this are refused (a parameter so tests can reach it).
    public static func discover(in root: URL, fileLimit: Int = Limits.files) -> Result {
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var result = Result(site: nil, entries: [], pages: [], diagnostics: [])

        let siteURL = root.appendingPathComponent("site.yml")
        if fm.fileExists(atPath: siteURL.path) {
            if isInside(siteURL, root: rootPath) {
                result.site = ContentFile(role: .site, relativePath: "site.yml", url: siteURL)
            } else {
                result.diagnostics.append(symlinkDiagnostic("site.yml"))
            }
        } else {
            result.diagnostics.append(
                Diagnostic(
                    file: "site.yml", line: 1, column: 1, code: .siteMissing,
                    message: "site.yml が見つかりません。コンテンツフォルダの直下に置いてください。",
                    hint: "--content で正しいフォルダを指定しているか確かめてください"))
        }

        var count = 0
        for (folder, role) in [("entries", ContentFile.Role.entry), ("pages", .page)] {
            var found = walk(root.path + "/" + folder, relative: folder, rootPath: rootPath, depth: 0, role: role,
                             limit: fileLimit - count)
            count += found.count
            result.diagnostics += found.diagnostics
            found.files.sort { $0.relativePath < $1.relativePath }
            if role == .entry { result.entries = found.files } else { result.pages = found.files }
        }
        if count > fileLimit {
            result.diagnostics.append(
                Diagnostic(
                    file: "entries", line: 1, column: 1, code: .tooManyFiles,
                    message: "ファイルが多すぎます（上限 \(fileLimit) 件）。"))
        }
        return result
    }

    /// What one folder and those below it hold: `.md` files up to `limit`, how many there
    /// were (one past `limit` is enough to refuse), and problems with links.
    private struct Found {
        var files: [ContentFile] = []
        var count = 0
        var diagnostics: [Diagnostic] = []

        mutating func add(_ other: Found, limit: Int) {
            count += other.count
            files += other.files.prefix(max(0, limit - files.count))
            diagnostics += other.diagnostics
        }
    }

    /// Reads a folder by `readdir`, whose type of each name spares a `stat` of every plain
    /// file and folder, and its subfolders on every core when there are many (a guide with a
    /// folder per area has hundreds): finding 10,000 files one `lstat` and `URL` at a time was
    /// 56 ms on one core before anything else could start.
    private static func walk(
        _ folderPath: String, relative: String, rootPath: String, depth: Int, role: ContentFile.Role, limit: Int
    ) -> Found {
        var found = Found()
        guard depth < Folder.maximumDepth, limit >= 0, let items = Folder.items(in: folderPath, sorted: true)
        else { return found }
        var subfolders: [(path: String, relative: String)] = []
        for item in items {
            let (name, type) = (item.name, item.type)
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let path = relative + "/" + name
            let filePath = folderPath + "/" + name
            let isDirectory: Bool
            switch type {
            case UInt8(DT_DIR): isDirectory = true
            case UInt8(DT_REG): isDirectory = false
            default:
                // Links, file systems that do not give the type, and what vanished meanwhile.
                guard let folder = followedKind(filePath, relativePath: path, rootPath: rootPath,
                                                diagnostics: &found.diagnostics)
                else { continue }
                isDirectory = folder
            }
            if isDirectory {
                subfolders.append((filePath, path))
            } else if name.hasSuffix(".md") {
                found.count += 1
                if found.count > limit { return found }
                found.files.append(ContentFile(role: role, relativePath: path, path: filePath))
            }
        }
        let walkOne = { (index: Int) in
            walk(subfolders[index].path, relative: subfolders[index].relative, rootPath: rootPath,
                 depth: depth + 1, role: role, limit: limit)
        }
        let below = subfolders.count > 8
            ? (try? Parallel.map(subfolders.count, walkOne)) ?? []
            : subfolders.indices.map(walkOne)
        for folder in below { found.add(folder, limit: limit) }
        return found
    }

    /// Whether what is at `path` (not known to be a plain file or folder) is a folder (true),
    /// a file (false), or to be skipped (nil): a link is followed only when it stays inside the
    /// content folder, and a link to nothing is reported when it was meant as an entry.
    private static func followedKind(
        _ path: String, relativePath: String, rootPath: String, diagnostics: inout [Diagnostic]
    ) -> Bool? {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
            return status.st_mode & S_IFMT == S_IFDIR
        }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
            // A link whose target is gone: say so rather than skip the entry silently.
            if path.hasSuffix(".md"), (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                diagnostics.append(
                    Diagnostic(file: relativePath, line: 1, column: 1, code: .fileUnreadable,
                               message: "リンク先のファイルがありません。",
                               hint: "シンボリックリンクを消すか、ファイルをコンテンツフォルダに置いてください"))
            }
            return nil
        }
        // Only a symbolic link can lead out of a folder already known to be inside.
        let url = URL(fileURLWithPath: path)
        if isSymbolicLink(url), !isInside(url, root: rootPath) {
            diagnostics.append(symlinkDiagnostic(relativePath))
            return nil
        }
        return isFolder.boolValue
    }

    static func isSymbolicLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether a path, with every symbolic link resolved, is still under the content folder.
    static func isInside(_ url: URL, root: String) -> Bool {
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        return resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func symlinkDiagnostic(_ path: String) -> Diagnostic {
        Diagnostic(
            file: path, line: 1, column: 1, code: .symlinkOutside,
            message: "コンテンツフォルダの外を指すシンボリックリンクは読みません。",
            hint: "ファイルをコンテンツフォルダの中にコピーしてください")
    }
}
