import BookmarkBooklet
import BookmarkModel
import BookmarkOutput
import BookmarkSite
import BookmarkSystem
import BookmarkTemplates
import BookmarkValidator
import Foundation

/// Checks and builds the guide into the preview folder, as `bookmark build` would.
///
/// Diagnostics go to the terminal through `runCheck`; the result tells the open pages what
/// to do. A failed check leaves the preview folder as it was, so the last good site stays.
///
/// The first build, and any after a change to site.yml, free pages, templates or the set of
/// entries, writes a whole new folder and swaps it in. After edits to entries only, just the
/// edited files are checked again (`EntryCheckCache`), just the pages they appear on are
/// rendered (`SiteMemory`), and only files whose bytes changed are written in place: one
/// edited entry in a 10,000-entry guide is back on screen in a fraction of a second.
struct PreviewBuilder: @unchecked Sendable {
    // ContentOptions is a plain value parsed once; only ArgumentParser's property wrappers
    // keep it from being declared Sendable.
    let options: ContentOptions
    let siteFolder: URL
    /// Tells this run's versions apart from a previous run's, so pages reload after a restart.
    let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    let checker: PreviewChecker
    let memory = SiteMemory()
    let bookletMemory = BookletMemory()
    /// The theme of the last build: loading it parses and compiles every template (14 ms on
    /// one core), and only a change outside `entries/` can change it, which forgets it.
    let lastTheme = ThemeMemory()

    init(options: ContentOptions, siteFolder: URL) {
        self.options = options
        self.siteFolder = siteFolder
        self.checker = PreviewChecker(options: options)
    }

    /// Builds on a thread of its own: checking uses every core and must not hold up serving.
    /// `changed`: the paths the watcher saw change, nil for the first build. A change to a
    /// file other than an entry (a template, say), which the memory of the last build cannot
    /// see, rebuilds everything.
    func build(number: Int, lastGoodVersion: String?, changed: [String]? = nil) async -> PreviewState {
        let entries = options.contentURL.standardizedFileURL.path + "/entries/"
        if changed?.allSatisfy({ $0.hasPrefix(entries) }) != true {
            forgetLastBuild()
        }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: buildNow(number: number, lastGoodVersion: lastGoodVersion, changed: changed))
            }
        }
    }

    /// Whether a printed edition can hold one of these entries: nationwide, or in one of its
    /// areas or their neighbours. Otherwise its print HTML stays as it is.
    static func touchesAnEdition(_ entries: [Entry], guide: Guide) -> Bool {
        let areas = Set(guide.site.editions.flatMap { edition in
            let (home, neighbors) = guide.areaIDs(of: edition)
            return home + neighbors
        })
        return entries.contains { $0.area == .nationwide || areas.contains($0.area.areaID ?? "") }
    }

    /// The next build checks and renders everything.
    private func forgetLastBuild() {
        memory.forget()
        bookletMemory.forget()
        checker.forget()
        lastTheme.forget()
    }

    private func buildNow(number: Int, lastGoodVersion: String?, changed: [String]?) -> PreviewState {
        let outcome = runCheck(options) { checker.check(changed: changed) }
        guard let guide = outcome.guide else {
            let problems = outcome.diagnostics.sorted { ($0.severity, $0) < ($1.severity, $1) }
                .map { OverlayProblem($0, contentPath: options.content) }
            return .failed(lastGoodVersion: lastGoodVersion, problems: problems)
        }
        do {
            let (pages, changed) = try StageTimer.measure("render") {
                let theme = try lastTheme.theme(orLoad: { try loadTheme(guide, options: options) })
                let (pages, changed) = try SiteBuilder(guide: guide, theme: theme).pages(memory: memory)
                let booklet = changed.map { Self.touchesAnEdition($0, guide: guide) } ?? true
                    ? BookletBuilder(guide: guide, theme: theme, memory: bookletMemory).htmlPages() : []
                return (writingOrder(pages + booklet), changed)
            }
            try StageTimer.measure("write") {
                if changed == nil {
                    try OutputFolder(destination: siteFolder).replace(paths: pages.map(\.path)) { try pages[$0].file() }
                } else {
                    let folder = siteFolder.path
                    try Parallel.forEach(pages.count) { _ = try OutputFolder.update(try pages[$0].file(), in: folder) }
                }
            }
            return .built(version: "\(runID)-\(number)")
        } catch {
            forgetLastBuild()
            printMessage("サイトを作れませんでした: \(error)")
            let problem = OverlayProblem(
                location: options.themesURL.path, severity: Severity.error.japaneseLabel, code: "build-failed",
                message: "サイトを作れませんでした: \(error)")
            return .failed(lastGoodVersion: lastGoodVersion, problems: [problem])
        }
    }
}

/// The theme `bookmark serve` built with last, until a change may have touched it.
final class ThemeMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: Theme?

    func theme(orLoad load: () throws -> Theme) rethrows -> Theme {
        if let kept = lock.withLock({ kept }) { return kept }
        let theme = try load()
        lock.withLock { kept = theme }
        return theme
    }

    func forget() {
        lock.withLock { kept = nil }
    }
}
