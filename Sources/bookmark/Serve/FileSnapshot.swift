import BookmarkSystem
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size, modification time and inode of every file under some folders, to notice edits.
///
/// `ChangeSignal` says when and where to look; the snapshot says what changed, so a signal
/// for an editor's swap file or a save of the same bytes rebuilds nothing. Times are read with
/// `stat` to the nanosecond (Foundation's dates may round to the second, and an editor can
/// save twice within one), and the inode catches a file replaced by rename. Names starting
/// with `.` (editors' swap files, `.git`) are left out. The walk is `Folder.stamps`, plain
/// `readdir` + `fstatat`: a 10,000-entry guide is looked at in about 10 ms.
struct FileSnapshot {
    private(set) var files: [String: FileStamp] = [:]

    init(of folders: [URL]) {
        files = Folder.stamps(under: folders.map(\.standardizedFileURL.path))
    }

    /// Looks again at the named paths only (files or folders, as inotify names them) and
    /// returns those added, removed or changed, with what is under a named folder.
    mutating func refresh(_ paths: Set<String>) -> [String] {
        var changed: Set<String> = []
        for path in paths where !(path.split(separator: "/").last ?? "").hasPrefix(".") {
            var info = stat()
            let exists = stat(path, &info) == 0
            if exists, info.st_mode & S_IFMT == S_IFREG {
                let stamp = FileStamp(info)
                if files.updateValue(stamp, forKey: path) != stamp { changed.insert(path) }
                continue
            }
            // A folder (made, moved or removed) or a file that is gone: compare what is under it.
            var under = FileSnapshot(of: [])
            if exists, info.st_mode & S_IFMT == S_IFDIR { under.files = Folder.stamps(under: [path]) }
            let prefix = path + "/"
            for old in files.keys where old == path || old.hasPrefix(prefix) {
                if under.files[old] == nil { files[old] = nil; changed.insert(old) }
            }
            for (new, stamp) in under.files where files.updateValue(stamp, forKey: new) != stamp {
                changed.insert(new)
            }
        }
        return changed.sorted()
    }

    /// Paths added, removed or changed since `earlier`.
    func changedPaths(since earlier: FileSnapshot) -> [String] {
        // The 2-second safety walk nearly always finds nothing new: one comparison then.
        if files == earlier.files { return [] }
        return Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
