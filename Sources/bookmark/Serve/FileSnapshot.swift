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
/// with `.` (editors' swap files, `.git`) are left out. The walk is plain `readdir` + `stat`:
/// a 10,000-entry guide is looked at in about 10 ms.
struct FileSnapshot {
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private(set) var files: [String: Stamp] = [:]

    init(of folders: [URL]) {
        for folder in folders { walk(folder.standardizedFileURL.path, depth: 0) }
    }

    /// Looks again at the named paths only (files or folders, as inotify names them) and
    /// returns those added, removed or changed, with what is under a named folder.
    mutating func refresh(_ paths: Set<String>) -> [String] {
        var changed: Set<String> = []
        for path in paths where !(path.split(separator: "/").last ?? "").hasPrefix(".") {
            var info = stat()
            let exists = stat(path, &info) == 0
            if exists, info.st_mode & S_IFMT == S_IFREG {
                let stamp = Self.stamp(info)
                if files.updateValue(stamp, forKey: path) != stamp { changed.insert(path) }
                continue
            }
            // A folder (made, moved or removed) or a file that is gone: compare what is under it.
            var under = FileSnapshot(of: [])
            if exists, info.st_mode & S_IFMT == S_IFDIR { under.walk(path, depth: 0) }
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

    private mutating func walk(_ folder: String, depth: Int) {
        // Deep enough for any guide; a symlink loop stops here.
        guard depth < 32, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            // Relative to the open folder: the path is not looked up again from the root for
            // each of the guide's files (the walk runs every 2 seconds). Links are followed,
            // as `stat` does.
            guard fstatat(dirfd(directory), name, &info, 0) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, depth: depth + 1)
            case S_IFREG: files[path] = Self.stamp(info)
            default: continue
            }
        }
    }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), inode: UInt64(info.st_ino))
    }
}
