import BookmarkBooklet
import BookmarkModel
import BookmarkSite
import BookmarkTemplates
import BookmarkValidator
import Foundation

/// Everything one build leaves for the next in `bookmark serve`, in one place, and the one
/// rule for what a change makes it forget.
///
/// | kept | made again when |
/// |---|---|
/// | `checkCache`: each entry file's check, by stamp | the file's stamp changes; all of it after site.yml changed |
/// | `lastCheck`: the last good check | anything but an entry edit (then only the edited files are checked) |
/// | `theme`: templates parsed and compiled | a template, asset, site.yml or other non-entry change |
/// | `site`: list items, print-list items, search and open-data parts (`SiteMemory`) | as `theme`; per entry when it changed |
/// | `booklet`: booklet cards (`BookletMemory`) | as `theme`; per entry when it changed |
public final class BuildMemory: @unchecked Sendable {
    let checkCache = EntryCheckCache()
    let site = SiteMemory()
    let booklet = BookletMemory()
    private let lock = NSLock()
    private var kept: (check: GuideValidator.Result?, theme: Theme?) = (nil, nil)

    public init() {}

    /// The last check that found no error.
    var lastCheck: GuideValidator.Result? {
        get { lock.withLock { kept.check } }
        set { lock.withLock { kept.check = newValue?.guide == nil ? nil : newValue } }
    }

    var theme: Theme? {
        get { lock.withLock { kept.theme } }
        set { lock.withLock { kept.theme = newValue } }
    }

    /// The entry files the last good check read (relative to the content folder): what
    /// `ChangeKind` needs to tell an edit from an addition.
    public var knownEntryFiles: Set<String> {
        Set(lastCheck?.guide?.entries.map(\.file) ?? [])
    }

    /// Forgets what `changes` may have made wrong.
    public func forget(after changes: ChangeSet) {
        if changes.editedEntriesOnly == nil { lastCheck = nil }
        if changes.kinds.contains(.siteConfig) { checkCache.forget() }
        if !changes.keepsWhatWasMadeOfEntries { forgetWhatWasMade() }
    }

    /// Forgets everything but the check of each file, e.g. after a build failed.
    public func forgetWhatWasMade() {
        lastCheck = nil
        theme = nil
        site.forget()
        booklet.forget()
    }
}
