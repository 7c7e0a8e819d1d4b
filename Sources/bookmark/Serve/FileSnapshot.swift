import Foundation

/// The path, size and modification time of every file under some folders, to notice edits.
///
/// Polling is used instead of inotify or FSEvents: it works the same on Linux and macOS,
/// over network and container mounts, and a guide has hundreds of files, not millions.
/// Names starting with `.` (editors' swap files, `.git`) are left out.
struct FileSnapshot: Equatable {
    struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    private(set) var files: [String: Stamp] = [:]

    init(of folders: [URL]) {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                    continue
                }
                files[url.path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
    }
}
