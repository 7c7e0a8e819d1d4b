import ArgumentParser
import BookmarkBuild

/// `bookmark build`: check, then write the whole site (and each edition's print HTML).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "確かめてから、サイト全体と各冊子の印刷用 HTML を出力先に書き出します。"
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var pipeline = options.pipeline()
        pipeline.output = .replace(output.outputURL, force: output.force)
        let build = try runWritingPipeline(pipeline)
        printMessage("\(output.output) に \(build.written) 個のファイルを書き出しました。")
    }
}

/// Runs a pipeline that writes, with the messages and exit status of `build` and `booklet`:
/// 1 when the check found errors (nothing written) or a file could not be written.
/// Everything it made is kept until the process exits (see `KeptUntilExit`).
func runWritingPipeline(_ pipeline: Pipeline) throws -> Build {
    do {
        let build = try pipeline.run()
        KeptUntilExit.keep(build)
        return build
    } catch let failure as Pipeline.Failure {
        if case .step(_, let failure as PDFStepFailure) = failure {
            printMessage(failure.message)
            throw ExitCode(failure.exitCode)
        }
        printMessage(failure.isCheck ? "\(failure)" : "書き出せませんでした: \(failure)")
        throw ExitCode(1)
    }
}

extension Pipeline.Failure {
    var isCheck: Bool {
        if case .check = self { true } else { false }
    }
}
