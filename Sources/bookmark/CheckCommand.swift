import ArgumentParser
import BookmarkBuild
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
        do {
            KeptUntilExit.keep(try options.pipeline().run())
        } catch Pipeline.Failure.check {
            throw ExitCode(1)
        }
    }
}

extension ContentOptions {
    /// The build pipeline over this content and themes folder, printing the check's
    /// diagnostics and summary as `--format` says; nothing is written until `output` is set.
    func pipeline() -> Pipeline {
        let printer = DiagnosticPrinter(format: format, contentPath: content, contentURL: contentURL)
        let (format, strict) = (format, strict)
        var pipeline = Pipeline(
            settings: BuildSettings(contentFolder: contentURL, themesFolder: themesURL, today: today),
            report: { result in
                printer.print(result.diagnostics)
                printSummary(result.diagnostics, format: format)
                // Errors, or warnings under `--strict`, make the guide unusable.
                return result.guide != nil && !(strict && result.diagnostics.hasWarnings)
            })
        pipeline.timings = timings
        return pipeline
    }
}
