import BookmarkSystem
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells `bookmark serve` when, and where, something under the watched folders may have
/// changed.
///
/// On Linux it listens to inotify on every folder, so a save is seen within milliseconds,
/// with the paths it touched, and an idle preview does no work. It still signals every
/// `safetyInterval` without paths ("look everywhere"), for file systems that report nothing
/// (network and some container mounts), and falls back to such a signal every
/// `pollInterval` where inotify is missing or out of watches. The watcher then compares
/// stamps (`FileSnapshot`), so a signal that changed nothing rebuilds nothing.
final class ChangeSignal: @unchecked Sendable {
    static let pollInterval = 300  // milliseconds
    static let safetyInterval = 2000  // milliseconds

    private let lock = NSLock()
    private var pending = false
    /// Paths named since the last `next()`; nil when somewhere unnamed may have changed.
    private var pendingPaths: Set<String>? = []
    private var waiter: CheckedContinuation<Set<String>?, Never>?
    private var stopped = false

    init(folders: [URL]) {
        #if canImport(Glibc)
        if let watcher = InotifyWatcher(folders: folders) {
            Thread.detachNewThread { [self] in
                while !isStopped { fire(paths: watcher.wait(milliseconds: Self.safetyInterval)) }
                watcher.close()
            }
            return
        }
        #endif
        Thread.detachNewThread { [self] in
            while !isStopped {
                usleep(UInt32(Self.pollInterval) * 1000)
                fire(paths: nil)
            }
        }
    }

    /// Returns at the next signal, or at once when one came since the last call: the paths
    /// named since then, or nil when the whole tree must be looked at.
    func next() async -> Set<String>? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Set<String>?, Never>) in
            lock.lock()
            if pending || stopped {
                let paths = takePaths()
                lock.unlock()
                continuation.resume(returning: paths)
                return
            }
            waiter = continuation
            lock.unlock()
        }
    }

    /// Under `lock`.
    private func takePaths() -> Set<String>? {
        let paths = pendingPaths
        pending = false
        pendingPaths = []
        return paths
    }

    /// Ends the watching thread and releases whoever waits.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        fire(paths: nil)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func fire(paths: [String]?) {
        lock.lock()
        if let paths {
            pendingPaths?.formUnion(paths)
        } else {
            pendingPaths = nil
        }
        pending = true
        let taken = waiter
        waiter = nil
        let named = taken == nil ? nil : takePaths()
        lock.unlock()
        taken?.resume(returning: named)
    }
}

#if canImport(Glibc)
/// inotify on a folder tree: a watch per folder (hidden ones left out), and one more for
/// each folder made later. Used by one thread only, the one `ChangeSignal` starts.
private final class InotifyWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(folders roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where !watchTree(root.standardizedFileURL.path, depth: 0) {
            Glibc.close(descriptor)
            return nil
        }
    }

    /// Waits up to `milliseconds` for events and reads them all: the paths they name, or nil
    /// when none came (time to look everywhere) or the queue overflowed. A folder made
    /// meanwhile is watched from now on.
    func wait(milliseconds: Int) -> [String]? {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(milliseconds)) > 0 else { return nil }
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var overflowed = false
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = raw[nameStart..<min(nameStart + Int(event.len), count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let folder = folders[event.wd] {
                    let path = name.isEmpty ? folder : folder + "/" + name
                    names.append(path)
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = watchTree(path, depth: 0)
                    }
                }
                offset = nameStart + Int(event.len)
            }
        }
        return overflowed ? nil : names
    }

    func close() { Glibc.close(descriptor) }

    private func watchTree(_ path: String, depth: Int) -> Bool {
        guard depth < Folder.maximumDepth else { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return errno == ENOENT }  // out of watches: give up on inotify
        folders[watch] = path
        for item in Folder.items(in: path) ?? [] where item.isFolder && !item.isHidden {
            if !watchTree(path + "/" + item.name, depth: depth + 1) { return false }
        }
        return true
    }
}
#endif
