import BookmarkModel
import BookmarkOutput
import Foundation

/// Checks and builds the guide into the preview folder, as `bookmark build` would.
///
/// Diagnostics go to the terminal through `runCheck`; the result tells the open pages what
/// to do. A failed build leaves the preview folder as it was, so the last good site stays.
struct PreviewBuilder: @unchecked Sendable {
    // ContentOptions is a plain value parsed once; only ArgumentParser's property wrappers
    // keep it from being declared Sendable.
    let options: ContentOptions
    let siteFolder: URL
    /// Tells this run's versions apart from a previous run's, so pages reload after a restart.
    let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// Builds on a thread of its own: checking uses every core and must not hold up serving.
    func build(number: Int, lastGoodVersion: String?) async -> PreviewState {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: buildNow(number: number, lastGoodVersion: lastGoodVersion))
            }
        }
    }

    private func buildNow(number: Int, lastGoodVersion: String?) -> PreviewState {
        let outcome = runCheck(options)
        guard let guide = outcome.guide else {
            let problems = outcome.diagnostics.sorted { ($0.severity, $0) < ($1.severity, $1) }
                .map { OverlayProblem($0, contentPath: options.content) }
            return .failed(lastGoodVersion: lastGoodVersion, problems: problems)
        }
        do {
            let files = try renderSite(guide, options: options)
            try OutputFolder(destination: siteFolder).replace(with: files)
            return .built(version: "\(runID)-\(number)")
        } catch {
            printMessage("サイトを作れませんでした: \(error)")
            let problem = OverlayProblem(
                location: options.themesURL.path, severity: Severity.error.japaneseLabel, code: "build-failed",
                message: "サイトを作れませんでした: \(error)")
            return .failed(lastGoodVersion: lastGoodVersion, problems: [problem])
        }
    }
}
