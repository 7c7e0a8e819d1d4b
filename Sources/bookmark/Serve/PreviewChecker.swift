import BookmarkModel
import BookmarkValidator
import Foundation

/// Checks the guide for `bookmark serve`, reading again only what an edit touched.
///
/// After a check without errors, an edit of entry files only is checked with
/// `GuideValidator.revalidate` (just those files are read); anything else, and any check
/// after one with errors, goes through `GuideValidator.validate`, which still skips
/// unchanged files through `EntryCheckCache`. Both give the same result.
final class PreviewChecker: @unchecked Sendable {
    private let options: ContentOptions
    private let cache = EntryCheckCache()
    private let lock = NSLock()
    private var last: GuideValidator.Result?

    init(options: ContentOptions) {
        self.options = options
    }

    /// - Parameter changed: absolute paths the watcher saw change, or nil when unknown.
    func check(changed: [String]?) -> GuideValidator.Result {
        let content = options.contentURL.standardizedFileURL.path + "/"
        let previous = lock.withLock { last }
        let relative = changed?.map { $0.hasPrefix(content) ? String($0.dropFirst(content.count)) : $0 }
            .filter { Self.mayBeRead($0, contentFolder: options.contentURL, known: previous?.guide) }
        if let relative, relative.isEmpty, let previous { return previous }
        let result = previous.flatMap { last in
            relative.flatMap { GuideValidator.revalidate(last, changed: $0, contentFolder: options.contentURL, today: options.today) }
        } ?? GuideValidator.validate(
            contentFolder: options.contentURL, themesFolder: options.themesURL, today: options.today, cache: cache)
        lock.withLock { last = result.guide == nil ? nil : result }
        return result
    }

    /// Whether a changed path (relative to the content folder) can change what a check reads.
    /// Not: names the check never reads (starting with `.` or `_`, see `ContentDiscovery`),
    /// and under `entries/`, a file that is not `.md` and held no entry, such as the
    /// temporary file an editor or `sed -i` writes before renaming it over the entry. Seen
    /// while it existed, it made each such save check every file again (0.25 s for 10,000).
    static func mayBeRead(_ path: String, contentFolder: URL, known guide: Guide?) -> Bool {
        if path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) { return false }
        guard path.hasPrefix("entries/"), !path.hasSuffix(".md") else { return true }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent(path).path, isDirectory: &isFolder) {
            return isFolder.boolValue
        }
        // Gone: it matters if it was a folder of entries.
        guard let guide else { return true }
        return guide.entries.contains { $0.file.hasPrefix(path + "/") }
    }

    /// Forgets the last check, e.g. after site.yml or a theme changed.
    func forget() {
        lock.withLock { last = nil }
    }
}
