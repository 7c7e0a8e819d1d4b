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
        let relative = changed?.map { $0.hasPrefix(content) ? String($0.dropFirst(content.count)) : $0 }
        let result = lock.withLock { last }.flatMap { last in
            relative.flatMap { GuideValidator.revalidate(last, changed: $0, contentFolder: options.contentURL, today: options.today) }
        } ?? GuideValidator.validate(
            contentFolder: options.contentURL, themesFolder: options.themesURL, today: options.today, cache: cache)
        lock.withLock { last = result.guide == nil ? nil : result }
        return result
    }

    /// Forgets the last check, e.g. after site.yml or a theme changed.
    func forget() {
        lock.withLock { last = nil }
    }
}
