import BookmarkLoader
import BookmarkModel
import BookmarkSystem
import Foundation

/// Results of checking entry files, kept between checks of the same guide by `bookmark serve`.
///
/// A file whose size, modification time (to the nanosecond) and inode are unchanged, checked
/// under the same areas and day, gives the same entry and diagnostics, so it is not read
/// again: after one edit in a 10,000-entry guide only that file is parsed.
public final class EntryCheckCache: @unchecked Sendable {
    private struct Checked {
        var stamp: FileStamp
        var result: (Entry?, [Diagnostic])
    }

    private let lock = NSLock()
    private var context: ValidationContext?
    private var checked: [String: Checked] = [:]

    public init() {}

    /// The result for `file`: the kept one when the file and context are unchanged, else a new
    /// check (which is kept).
    func result(
        for file: ContentFile, context: ValidationContext, check: (ContentFile) -> (Entry?, [Diagnostic])
    ) -> (Entry?, [Diagnostic]) {
        let stamp = FileStamp(path: file.path)
        lock.lock()
        if self.context != context {
            self.context = context
            checked = [:]
        }
        let kept = checked[file.relativePath]
        lock.unlock()
        if let stamp, let kept, kept.stamp == stamp { return kept.result }
        let result = check(file)
        if let stamp {
            lock.lock()
            checked[file.relativePath] = Checked(stamp: stamp, result: result)
            lock.unlock()
        }
        return result
    }

    /// Forgets files no longer in the guide.
    func keepOnly(_ paths: Set<String>) {
        lock.lock()
        checked = checked.filter { paths.contains($0.key) }
        lock.unlock()
    }
}
