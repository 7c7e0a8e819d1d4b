import BookmarkLoader
import BookmarkModel
import BookmarkSystem
import Foundation

/// Results of checking entry files, kept between checks of the same guide by `bookmark serve`.
///
/// A file whose size, modification time (to the nanosecond) and inode are unchanged, checked
/// under the same areas and day, gives the same entry and diagnostics, so it is not read
/// again: after one edit in a 10,000-entry guide only that file is parsed. The load step asks
/// `knows` before reading a file; the check then takes the kept result.
public final class EntryCheckCache: @unchecked Sendable {
    private struct Checked {
        var stamp: FileStamp
        var result: (Entry?, [Diagnostic])
    }

    private let lock = NSLock()
    private var context: ValidationContext?
    private var checked: [String: Checked] = [:]

    public init() {}

    /// Whether the result of this version of a file is kept, for a check on `today`: the load
    /// step then does not read it. `bookmark serve` forgets the cache when site.yml changes,
    /// which is what the rest of the context (areas, staleness) comes from.
    public func knows(_ relativePath: String, stamp: FileStamp, today: Day) -> Bool {
        lock.withLock { context?.today == today && checked[relativePath]?.stamp == stamp }
    }

    /// The result for `loaded`: the kept one when the file and context are unchanged, else a
    /// new check (which is kept).
    func result(
        for loaded: LoadedFile, context: ValidationContext, check: (LoadedFile) -> (Entry?, [Diagnostic])
    ) -> (Entry?, [Diagnostic]) {
        let path = loaded.file.relativePath
        lock.lock()
        if self.context != context {
            self.context = context
            checked = [:]
        }
        let kept = checked[path]
        lock.unlock()
        if let stamp = loaded.stamp, let kept, kept.stamp == stamp { return kept.result }
        // Left unread by the loader but no longer kept (the context changed after all): read now.
        let file = loaded.source == nil ? ContentLoader.reload(loaded.file) : loaded
        let result = check(file)
        if let stamp = file.stamp {
            lock.lock()
            checked[path] = Checked(stamp: stamp, result: result)
            lock.unlock()
        }
        return result
    }

    /// Forgets every file, e.g. after site.yml changed.
    public func forget() {
        lock.withLock {
            context = nil
            checked = [:]
        }
    }

    /// Forgets files no longer in the guide.
    func keepOnly(_ paths: Set<String>) {
        lock.lock()
        checked = checked.filter { paths.contains($0.key) }
        lock.unlock()
    }
}
