import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells `bookmark serve` when something under the watched folders may have changed.
///
/// On Linux it listens to inotify on every folder, so a save is seen within milliseconds
/// and an idle preview does no work. It still signals every `safetyInterval`, for file
/// systems that report nothing (network and some container mounts), and falls back to a
/// plain timer every `pollInterval` where inotify is missing or out of watches. The watcher
/// then compares `FileSnapshot`s, so a signal that changed nothing rebuilds nothing.
final class ChangeSignal: @unchecked Sendable {
    static let pollInterval = 300  // milliseconds
    static let safetyInterval = 2000  // milliseconds

    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var stopped = false

    init(folders: [URL]) {
        #if canImport(Glibc)
        if let watcher = InotifyWatcher(folders: folders) {
            Thread.detachNewThread { [self] in
                while !isStopped { if watcher.wait(milliseconds: Self.safetyInterval) != nil { fire() } }
                watcher.close()
            }
            return
        }
        #endif
        Thread.detachNewThread { [self] in
            while !isStopped {
                usleep(UInt32(Self.pollInterval) * 1000)
                fire()
            }
        }
    }

    /// Returns at the next signal, or at once when one came since the last call.
    func next() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if pending || stopped {
                pending = false
                lock.unlock()
                continuation.resume()
                return
            }
            waiter = continuation
            lock.unlock()
        }
    }

    /// Ends the watching thread and releases whoever waits.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        fire()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func fire() {
        lock.lock()
        let taken = waiter
        waiter = nil
        if taken == nil { pending = true }
        lock.unlock()
        taken?.resume()
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

    /// Waits up to `milliseconds` for events and reads them all; nil when none came. A folder
    /// made meanwhile is watched from now on.
    func wait(milliseconds: Int) -> [String]? {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(milliseconds)) > 0 else { return nil }
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = raw[nameStart..<min(nameStart + Int(event.len), count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let folder = folders[event.wd] {
                    let path = folder + "/" + name
                    names.append(path)
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = watchTree(path, depth: 0)
                    }
                }
                offset = nameStart + Int(event.len)
            }
        }
        return names
    }

    func close() { Glibc.close(descriptor) }

    private func watchTree(_ path: String, depth: Int) -> Bool {
        guard depth < 32 else { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return errno == ENOENT }  // out of watches: give up on inotify
        folders[watch] = path
        guard let directory = opendir(path) else { return true }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            guard item.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            if !watchTree(path + "/" + name, depth: depth + 1) { return false }
        }
        return true
    }
}
#endif
