import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time for an output folder: two `bookmark build` runs at once (two CI jobs,
/// or `build` beside `booklet`) would otherwise clean each other's staging folders and spare
/// and swap in a site missing files.
///
/// The lock is `flock(2)` on a file beside the output (`.output.lock` for `output`). The
/// kernel lets go of it when the process ends however it ends, `kill -9` included, so a
/// killed build never leaves a lock behind that blocks the next one; the empty file itself
/// stays and means nothing. A second build **waits** for the first to finish (and says so),
/// then builds: it never refuses, so two CI jobs or a build started twice both succeed, one
/// after the other, and the output is always one build's whole output.
public final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32
    public let path: String

    /// The lock file for `destination`.
    public static func lockPath(for destination: URL) -> String {
        let destination = destination.standardizedFileURL
        return destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).lock").path
    }

    /// Takes the lock for the output folder `destination`, making its parent folder if
    /// needed. When another process holds it, calls `waiting` once, then waits until it is
    /// free. Released when the value is released (or the process ends).
    public static func take(for destination: URL, waiting: () -> Void) throws -> OutputLock {
        let path = lockPath(for: destination)
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolder.Failure.io(
                "出力先の鍵のファイル「\(path)」を開けませんでした（\(String(cString: strerror(errno)))）。出力先の親フォルダに書き込めるか確かめてください。")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(descriptor)
                throw OutputFolder.Failure.io("出力先の鍵「\(path)」をかけられませんでした（\(String(cString: strerror(code)))）。")
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw OutputFolder.Failure.io("出力先の鍵「\(path)」を待てませんでした（\(String(cString: strerror(code)))）。")
                }
            }
        }
        return OutputLock(descriptor: descriptor, path: path)
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)  // releases the flock
    }
}
