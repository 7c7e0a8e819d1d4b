import BookmarkSystem
import CRenameExchange
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder made empty for this build, written from every core: each file is created, never
/// replaced, and each folder is made once, by the first writer that needs it.
///
/// A build from nothing (CI's fresh clone) makes some 12,000 folders and 12,700 files for
/// 10,000 entries. Written as into an existing folder, each file's `open` first failed for
/// its missing folder (12,000 failed `openat` calls) and walked the whole path from `/`. Here
/// a folder known to be made is not asked for again, a missing one is made before the file
/// (`mkdirat`), and every call starts from the tree's own descriptor (`openat`, `mkdirat`,
/// `linkat`), so the kernel walks two or three names instead of eight.
final class NewTree: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Relative paths of the folders made (or found made by another writer).
    private var made: Set<String> = [""]

    /// Opens `path`, an empty folder this build just made.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw FileTree.Failure.io(path: path, errno: errno) }
    }

    deinit {
        close(descriptor)
    }

    /// Makes the file at `relative` with `body`; with `previous` (a folder an earlier build
    /// wrote), a second name of the file at the same path there when it holds the same bytes
    /// (see `FileTree.link`).
    func write(_ body: OutputFile.Body, at relative: String, linkingFrom previous: String? = nil) throws {
        let utf8 = relative.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(Substring(utf8[..<slash])))
        }
        if let previous, case .bytes(let contents) = body {
            let existing = previous + "/" + relative
            if FileTree.holds(contents, at: existing), linkat(AT_FDCWD, existing, descriptor, relative, 0) == 0 {
                return
            }
        }
        let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard file >= 0 else { throw FileTree.Failure.io(path: path + "/" + relative, errno: errno) }
        defer { close(file) }
        try FileTree.writeAll(body, to: file, path: path + "/" + relative)
    }

    /// Makes the folder at `relative` and those above it, unless made already.
    private func makeFolder(_ relative: String) throws {
        lock.lock()
        let known = made.contains(relative)
        lock.unlock()
        if known { return }
        let utf8 = relative.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(Substring(utf8[..<slash])))
        }
        // Another writer may make it at the same moment: EEXIST is that.
        guard mkdirat(descriptor, relative, 0o755) == 0 || errno == EEXIST else {
            throw FileTree.Failure.io(path: path + "/" + relative, errno: errno)
        }
        lock.lock()
        made.insert(relative)
        lock.unlock()
    }
}
