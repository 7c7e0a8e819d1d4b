import BookmarkModel
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
            let base = root.appendingPathComponent(folder)
            var files: [ContentFile] = []
            walk(base, relative: folder, rootPath: rootPath, depth: 0, into: &files, role: role,
                 count: &count, limit: fileLimit, diagnostics: &result.diagnostics)
            files.sort { $0.relativePath < $1.relativePath }
            if role == .entry { result.entries = files } else { result.pages = files }
        }
        if count > fileLimit {
            result.diagnostics.append(
                Diagnostic(
                    file: "entries", line: 1, column: 1, code: .tooManyFiles,
                    message: "ファイルが多すぎます（上限 \(fileLimit) 件）。"))
        }
        return result
    }

    private static func walk(
        _ folder: URL, relative: String, rootPath: String, depth: Int, into files: inout [ContentFile],
        role: ContentFile.Role, count: inout Int, limit: Int, diagnostics: inout [Diagnostic]
    ) {
        guard depth < 32, count <= limit else { return }
        let fm = FileManager.default
        let folderPath = folder.path
        guard let names = try? fm.contentsOfDirectory(atPath: folderPath) else { return }
        for name in names.sorted() {
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let path = relative + "/" + name
            let url: URL
            let isDirectory: Bool
            // Most names are plain files or folders: one lstat tells all that the looks at the
            // file system below (the URL's own, fileExists, isSymbolicLink) would.
            var status = stat()
            if lstat(folderPath + "/" + name, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
                url = folder.appendingPathComponent(name, isDirectory: isDirectory)
            } else {
                // Links, and what vanished meanwhile.
                url = folder.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                    // A link whose target is gone: say so rather than skip the entry silently.
                    if name.hasSuffix(".md"), (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil {
                        diagnostics.append(
                            Diagnostic(file: path, line: 1, column: 1, code: .fileUnreadable,
                                       message: "リンク先のファイルがありません。",
                                       hint: "シンボリックリンクを消すか、ファイルをコンテンツフォルダに置いてください"))
                    }
                    continue
                }
                // Only a symbolic link can lead out of a folder already known to be inside.
                if isSymbolicLink(url), !isInside(url, root: rootPath) {
                    diagnostics.append(symlinkDiagnostic(path))
                    continue
                }
                isDirectory = isFolder.boolValue
            }
            if isDirectory {
                walk(url, relative: path, rootPath: rootPath, depth: depth + 1, into: &files, role: role,
                     count: &count, limit: limit, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                count += 1
                if count > limit { return }
                files.append(ContentFile(role: role, relativePath: path, url: url))
            }
        }
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
