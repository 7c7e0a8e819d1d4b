import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size, modification time and inode of every file under some folders, to notice edits.
///
/// Polling is used instead of inotify or FSEvents: it works the same on Linux and macOS,
/// over network and container mounts, and a guide has hundreds of files, not millions.
/// Times are read with `stat` to the nanosecond (Foundation's dates may round to the second,
/// and an editor can save twice within one), and the inode catches a file replaced by
/// rename. Names starting with `.` (editors' swap files, `.git`) are left out.
struct FileSnapshot: Equatable {
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private(set) var files: [String: Stamp] = [:]

    init(of folders: [URL]) {
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [], options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                if let stamp = Self.stamp(url.path) { files[url.path] = stamp }
            }
        }
    }

    /// Paths added, removed or changed since `earlier`.
    func changedPaths(since earlier: FileSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }

    /// Regular files only; folders change their time whenever a file in them does.
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), inode: UInt64(info.st_ino))
    }
}
