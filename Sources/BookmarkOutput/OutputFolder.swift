import BookmarkModel
import BookmarkSystem
import CRenameExchange
import Foundation

/// Writes a build to a staging folder beside the output folder, then swaps it into place.
///
/// The staging folder is on the same file system (a sibling), so the final step is one
/// `renameat2(RENAME_EXCHANGE)`: at every moment the output path holds either the whole old
/// build or the whole new one. A build that fails or is killed leaves the old output as it
/// was; its staging leftovers are removed by the next run.
public struct OutputFolder: Sendable {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case refused(String)
        case io(String)

        public var description: String {
            switch self {
            case .refused(let message), .io(let message): message
            }
        }
    }

    /// A file in every output this tool writes, so it knows a folder it may replace.
    public static let marker = ".bookmark-output"

    public let destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Refuses `/`, the content folder (or a folder holding it), and a non-empty folder that
    /// is not an earlier output, unless `force`.
    public func checkDestination(contentFolder: URL, force: Bool) throws {
        let fm = FileManager.default
        let target = destination.resolvingSymlinksInPath().path
        let content = contentFolder.standardizedFileURL.resolvingSymlinksInPath().path
        if target == "/" || target.isEmpty {
            throw Failure.refused("出力先に / は使えません。")
        }
        if target == content || content.hasPrefix(target + "/") || target.hasPrefix(content + "/") {
            throw Failure.refused("出力先（\(destination.path)）がコンテンツフォルダと重なっています。別のフォルダを指定してください。")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure.refused("出力先（\(destination.path)）はフォルダではありません。")
        }
        let names = (try? fm.contentsOfDirectory(atPath: target)) ?? []
        let meaningful = names.filter { $0 != ".gitkeep" && $0 != ".DS_Store" }
        if !meaningful.isEmpty, !names.contains(Self.marker), !force {
            throw Failure.refused(
                "出力先（\(destination.path)）に bookmark の出力ではないファイルがあります。消してよければ --force を付けてください。")
        }
    }

    /// Writes every file into a staging folder and swaps it in.
    public func replace(with files: [OutputFile]) throws {
        try replace(paths: files.map(\.path)) { files[$0] }
    }

    /// Writes the files at `paths` into a staging folder on every core, each made by
    /// `file(index)` just before it is written (so a big site is never whole in memory), then
    /// swaps the folder in. When making or writing a file fails, the staging folder is
    /// removed and the old output stays as it was.
    ///
    /// The staging folder is the previous build's spare (see `spare`) when there is one: a
    /// rebuild then writes only the files that changed and makes no folder, where a fresh
    /// staging folder meant 10,000 new folders for a 10,000-entry guide, just after the
    /// build before freed as many (ext4 searches longer for free inodes then: `mkdir` and
    /// `rmdir` were a sixth of a rebuild's CPU time).
    ///
    /// With no spare (a build from nothing, as in CI's fresh clone, or the first after one),
    /// the files go into a new tree (`newTree(in:)`, `NewTree`) inside the staging folder,
    /// which is renamed into place: as atomic, with no failed `open` per folder, no folder
    /// asked for twice, and nothing read back.
    public func replace(paths: [String], file: (Int) throws -> OutputFile) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers()

        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        FileTree.remove(staging.path)
        let recycled = takeSpare(as: staging)
        do {
            // Every path checked once, before anything is written.
            for path in paths + [Self.marker] { try Self.checkPath(path) }
            // Files the previous output already holds, byte for byte, are linked from it.
            let previous = fm.fileExists(atPath: destination.path + "/" + Self.marker) ? destination.path : nil
            let tree: String
            if recycled {
                tree = staging.path  // a URL's path is worked out anew each time
                FileTree.removeStrays(in: tree, keeping: Set(paths + [Self.marker]),
                                      previous: Self.filesListed(in: tree))
                try Parallel.forEach(paths.count) { index in
                    let made = try Self.made(file, index, as: paths[index])
                    try Self.writeChecked(made, into: tree, linkingFrom: previous, inPlace: false, over: true)
                }
                try Self.writeChecked(OutputFile(path: Self.marker, text: Self.markerText(listing: paths)),
                                      into: tree, linkingFrom: nil, inPlace: false, over: true)
            } else {
                let new = try NewTree(path: Self.newTree(in: staging.path))
                tree = new.path
                try Parallel.forEach(paths.count) { index in
                    let made = try Self.made(file, index, as: paths[index])
                    try Self.wrapped(made.path) { try new.write(made.body, at: made.path, linkingFrom: previous) }
                }
                try new.write(.bytes(Data(Self.markerText(listing: paths).utf8)), at: Self.marker)
            }
            try swapIn(URL(fileURLWithPath: tree))
            if !recycled { rmdir(staging.path) }
        } catch {
            FileTree.remove(staging.path)
            throw error
        }
    }

    /// `file(index)`, which must be the file at `path`.
    private static func made(_ file: (Int) throws -> OutputFile, _ index: Int, as path: String) throws -> OutputFile {
        let made = try file(index)
        guard made.path == path else {
            throw Failure.io("「\(made.path)」は「\(path)」として書くはずのファイルでした。")
        }
        return made
    }

    /// Makes an empty folder in `staging` for a build written from nothing and returns its
    /// path. `staging` is marked as the top of a folder tree for ext4's Orlov allocator
    /// (`chattr +T`, `bookmark_mark_top_folder`; other file systems ignore it), so the new
    /// folder is placed in a block group with few folders and many free inodes, and every
    /// folder and file of the build follows it there. Without it they went into the group of
    /// the output's parent, where the previous output was just removed (`rm -rf output`, or
    /// a CI runner cleaning its workspace): ext4 without a journal passes over every inode
    /// freed in the last seconds for each new one (`recently_deleted` in `find_inode_bit`),
    /// 36 % of a 10,000-entry build's samples in `perf`, system time 2.2–3.0 s against 0.85 s
    /// here. The folder's name differs in every build because the allocator starts its
    /// search from a hash of the name: the same name would find the same group, with the
    /// previous build's freed inodes, again.
    static func newTree(in staging: String) throws -> String {
        guard mkdir(staging, 0o755) == 0 else { throw FileTree.Failure.io(path: staging, errno: errno) }
        _ = bookmark_mark_top_folder(staging)
        let tree = staging + "/tree-\(getpid())-\(DispatchTime.now().uptimeNanoseconds)"
        guard mkdir(tree, 0o755) == 0 else { throw FileTree.Failure.io(path: tree, errno: errno) }
        return tree
    }

    /// Runs `write`, saying which file could not be written when it fails.
    private static func wrapped(_ path: String, _ write: () throws -> Void) throws {
        do {
            try write()
        } catch {
            throw Failure.io("「\(path)」を書けませんでした: \(error)")
        }
    }

    /// The marker's text: what the folder is, then every file the build wrote. Written
    /// last, so a folder of the listed files changed since only if its own change time is
    /// not before the marker's (see `FileTree.removeStrays(in:keeping:previous:)`).
    static func markerText(listing paths: [String]) -> String {
        "このフォルダは bookmark が書き出したものです。次のビルドで置き換えられます。\n\n" + filesHeading + "\n"
            + paths.sorted().map { $0 + "\n" }.joined()
    }

    private static let filesHeading = "書き出したファイル:"

    /// The files a folder's marker lists and when the marker was written; nil when the
    /// marker lists none or any path that could leave the folder.
    static func filesListed(in folder: String) -> FileTree.Manifest? {
        let path = folder + "/" + marker
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        // By bytes: the listing of a 10,000-entry guide is 250 KB, read before any file is
        // written, on one core.
        let bytes = [UInt8](data)
        let heading = Array(("\n" + filesHeading + "\n").utf8)
        guard let start = bytes.firstRange(of: heading)?.upperBound else { return nil }
        var files: Set<String> = []
        files.reserveCapacity(bytes.count / 24)
        for line in bytes[start...].split(separator: UInt8(ascii: "\n")) {
            let file = String(decoding: line, as: UTF8.self)
            guard OutputPath.isSafe(file) else { return nil }
            files.insert(file)
        }
        return FileTree.Manifest(files: files, writtenAt: info.st_ctim)
    }

    /// The previous output, kept beside the output folder after a swap so the next build can
    /// write over it (`.output.spare` for `output`). Its unchanged files are the output's own
    /// files under a second name, so it costs the disk little more than its folders; removing
    /// it is always safe.
    public var spare: URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).spare")
    }

    /// Moves the spare to `staging` when it is a folder this tool wrote (never a link).
    private func takeSpare(as staging: URL) -> Bool {
        var info = stat()
        guard lstat(spare.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
            lstat(spare.path + "/" + Self.marker, &info) == 0
        else { return false }
        return rename(spare.path, staging.path) == 0
    }

    /// Writes one file below `folder` unless it already holds the same bytes (a streamed file
    /// is always written); returns whether it wrote. For `bookmark serve`, which updates its
    /// own folder in place.
    public static func update(_ file: OutputFile, in folder: String) throws -> Bool {
        try checkPath(file.path)
        // A streamed file (open data, tens of megabytes made of every entry) changes with any
        // edit, and reading the old copy to compare would cost more than writing the new one.
        if case .bytes(let contents) = file.body, FileTree.holds(contents, at: folder + "/" + file.path) { return false }
        try writeChecked(file, into: folder, linkingFrom: nil, inPlace: true)
        return true
    }

    /// Writes one file below `folder`, after checking its path stays inside; as a second name
    /// of the file of the same path under `previous` when that holds the same bytes (see
    /// `FileTree.link`). `over`: `folder` is a spare holding an older build (see `replace`).
    public static func write(_ file: OutputFile, into folder: String, linkingFrom previous: String? = nil,
                             over spare: Bool = false) throws {
        try checkPath(file.path)
        try writeChecked(file, into: folder, linkingFrom: previous, inPlace: false, over: spare)
    }

    /// `inPlace`: over an existing file's bytes (see `FileTree.write`). `spare`: the path may
    /// hold anything an older build left there; a file that already holds the bytes stays.
    private static func writeChecked(_ file: OutputFile, into folder: String, linkingFrom previous: String?,
                                     inPlace: Bool, over spare: Bool = false) throws {
        let path = folder + "/" + file.path
        if case .bytes(let contents) = file.body {
            if spare, FileTree.holds(contents, at: path) { return }
            if let previous, FileTree.link(path, toSame: previous + "/" + file.path, holding: contents, replacing: spare) {
                return
            }
        }
        do {
            if spare {
                try FileTree.replace(path, with: file.body)
            } else {
                try FileTree.write(file.body, to: path, inPlace: inPlace)
            }
        } catch {
            throw Failure.io("「\(file.path)」を書けませんでした: \(error)")
        }
    }

    private static func checkPath(_ path: String) throws {
        guard OutputPath.isSafe(path) else {
            throw Failure.io("出力先の外を指すパス「\(path)」は書けません。")
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: destination.path) {
            try fm.moveItem(at: staging, to: destination)
            return
        }
        if bookmark_rename_exchange(staging.path, destination.path) == 0 {
            keepAsSpare(staging)  // now holds the old output
            return
        }
        // File systems without RENAME_EXCHANGE: move the old one aside, then the new one in.
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        try fm.moveItem(at: destination, to: old)
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            try? fm.moveItem(at: old, to: destination)
            throw error
        }
        keepAsSpare(old)
    }

    /// Keeps a replaced output for the next build to write over, or removes it.
    private func keepAsSpare(_ old: URL) {
        FileTree.remove(spare.path)
        if rename(old.path, spare.path) != 0 { FileTree.remove(old.path) }
    }

    /// Removes staging folders of killed runs; puts back an old output a killed swap left aside.
    public func removeLeftovers() {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        guard let siblings = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings.sorted() {
            let url = parent.appendingPathComponent(sibling)
            if sibling.hasPrefix(".\(name).staging-") {
                FileTree.remove(url.path)
            } else if sibling.hasPrefix(".\(name).old-") {
                if fm.fileExists(atPath: destination.path) {
                    FileTree.remove(url.path)
                } else {
                    try? fm.moveItem(at: url, to: destination)
                }
            }
        }
    }
}
