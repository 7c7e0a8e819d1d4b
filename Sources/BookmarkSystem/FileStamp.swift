#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells one version of a file from the next without reading it: size, modification
/// time to the nanosecond (an editor can save twice within a second, and Foundation's dates
/// may round), and inode (a file replaced by rename, as editors save).
///
/// ```swift
/// FileStamp(path: "content/entries/a.md")   // FileStamp(size: 812, seconds: …, nanoseconds: …, inode: …)
/// ```
public struct FileStamp: Equatable, Hashable, Sendable {
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int
    public var inode: UInt64

    public init(size: Int64, seconds: Int, nanoseconds: Int, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }

    public init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                  inode: UInt64(info.st_ino))
    }

    /// The stamp of what is at `path` (links followed), or nil when nothing is.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
