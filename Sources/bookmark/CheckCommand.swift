import ArgumentParser
import BookmarkModel
import BookmarkValidator

/// `bookmark check`: reads and validates every file, prints every diagnostic, writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "すべてのファイルを読んで確かめ、問題をすべて表示します（何も書き出しません）。"
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        let result = runCheck(options)
        if result.failed { throw ExitCode(1) }
    }
}

struct CheckOutcome {
    var guide: Guide?
    var diagnostics: [Diagnostic]
    /// Errors, or warnings under `--strict`.
    var failed: Bool
}

/// Validates, prints the diagnostics and the summary; shared by every command that reads content.
/// `cache` keeps unchanged entry files from being checked again (`bookmark serve`).
func runCheck(_ options: ContentOptions, cache: EntryCheckCache? = nil) -> CheckOutcome {
    runCheck(options) {
        GuideValidator.validate(
            contentFolder: options.contentURL, themesFolder: options.themesURL, today: options.today, cache: cache)
    }
}

/// The same with another way to validate (`bookmark serve` reads only edited files again).
func runCheck(_ options: ContentOptions, validate: () -> GuideValidator.Result) -> CheckOutcome {
    StageTimer.enabled = options.timings
    let result = StageTimer.measure("check", validate)
    let printer = DiagnosticPrinter(format: options.format, contentPath: options.content, contentURL: options.contentURL)
    printer.print(result.diagnostics)
    printSummary(result.diagnostics, format: options.format)
    let failed = result.guide == nil || (options.strict && result.diagnostics.hasWarnings)
    return CheckOutcome(guide: failed ? nil : result.guide, diagnostics: result.diagnostics, failed: failed)
}
