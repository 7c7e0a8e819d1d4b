import BookmarkBuild
import BookmarkModel
import Foundation

/// Builds the guide into the preview folder with the same pipeline as `bookmark build`.
///
/// Diagnostics go to the terminal as `check` prints them; the result tells the open pages
/// what to do. A failed check leaves the preview folder as it was, so the last good site
/// stays.
///
/// Each change the watcher saw is classified (`ChangeKind`), and the one memory of the last
/// build (`BuildMemory`) forgets what it made wrong. After edits to entries only, just the
/// edited files are read and checked again, just the pages they appear on are made, and
/// only files whose bytes changed are written in place: one edited entry in a
/// 10,000-entry guide is back on screen in a fraction of a second. Anything else writes a
/// whole new folder and swaps it in.
struct PreviewBuilder: @unchecked Sendable {
    // ContentOptions is a plain value parsed once; only ArgumentParser's property wrappers
    // keep it from being declared Sendable.
    let options: ContentOptions
    let siteFolder: URL
    /// Tells this run's versions apart from a previous run's, so pages reload after a restart.
    let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    let memory = BuildMemory()

    init(options: ContentOptions, siteFolder: URL) {
        self.options = options
        self.siteFolder = siteFolder
    }

    /// Builds on a thread of its own: checking uses every core and must not hold up serving.
    /// `changed`: the paths the watcher saw change, nil for the first build.
    func build(number: Int, lastGoodVersion: String?, changed: [String]? = nil) async -> PreviewState {
        let changes = changed.map(classify)
        if let changes { memory.forget(after: changes) }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: buildNow(number: number, lastGoodVersion: lastGoodVersion, changes: changes))
            }
        }
    }

    /// What each changed path means (see `ChangeKind`).
    func classify(_ paths: [String]) -> ChangeSet {
        let folders = ChangeKind.Folders(
            content: options.contentURL.standardizedFileURL.path, themes: options.themesURL.standardizedFileURL.path)
        let known = memory.knownEntryFiles
        return ChangeSet(paths.map { path in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let now: ChangeKind.Now = !exists ? .nothing : isFolder.boolValue ? .folder : .file
            return ChangeKind.of(path, in: folders, now: now, known: known)
        })
    }

    private func buildNow(number: Int, lastGoodVersion: String?, changes: ChangeSet?) -> PreviewState {
        var pipeline = options.pipeline()
        pipeline.output = .preview(siteFolder)
        pipeline.memory = memory
        pipeline.changes = changes
        do {
            try pipeline.run()
            return .built(version: "\(runID)-\(number)")
        } catch Pipeline.Failure.check(let result) {
            let problems = result.diagnostics.sorted { ($0.severity, $0) < ($1.severity, $1) }
                .map { OverlayProblem($0, contentPath: options.content) }
            return .failed(lastGoodVersion: lastGoodVersion, problems: problems)
        } catch {
            memory.forgetWhatWasMade()
            printMessage("サイトを作れませんでした: \(error)")
            let problem = OverlayProblem(
                location: options.themesURL.path, severity: Severity.error.japaneseLabel, code: "build-failed",
                message: "サイトを作れませんでした: \(error)")
            return .failed(lastGoodVersion: lastGoodVersion, problems: [problem])
        }
    }
}
