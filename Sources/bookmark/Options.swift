import ArgumentParser
import BookmarkModel
import Foundation

/// How diagnostics are printed (cli.md).
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}

/// Options every command that reads content takes.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "コンテンツフォルダ（site.yml のあるフォルダ）。")
    var content: String = "content"

    @Option(name: .long, help: "テーマのフォルダ（既定: ./themes、なければコンテンツの隣、なければ bookmark 本体の themes）。")
    var themes: String?

    @Option(name: .long, help: "診断の表示形式: text, github, json。")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "警告もエラーとして扱います。")
    var strict = false

    @Flag(name: .long, help: "段階ごとの所要時間を標準エラーに出します（ベンチマーク用）。")
    var timings = false

    var contentURL: URL { URL(fileURLWithPath: content).standardizedFileURL }
    /// `--themes`, else the first `themes/` found: in the current folder, beside the content
    /// folder, or in the checkout the executable was built in (`.build/<config>/bookmark`).
    /// A guide kept outside the repository still finds the default theme.
    var themesURL: URL {
        if let themes { return URL(fileURLWithPath: themes).standardizedFileURL }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            URL(fileURLWithPath: "themes"),
            contentURL.deletingLastPathComponent().appendingPathComponent("themes"),
            executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("themes"),
            executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("themes"),
        ].map(\.standardizedFileURL)
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    /// The day content is judged against: SOURCE_DATE_EPOCH when set (reproducible builds),
    /// else today in Japan.
    var today: Day {
        // Only a plausible epoch (years 1970–2999) is used; anything else falls back to the clock.
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch),
            seconds.isFinite, (0...32_503_680_000).contains(seconds)
        {
            return Day(japanAt: Date(timeIntervalSince1970: seconds))
        }
        return Day(japanAt: Date())
    }
}

/// Options of commands that write.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "出力先のフォルダ。")
    var output: String = "output"

    @Flag(name: .long, help: "bookmark の出力ではないフォルダでも置き換えます。")
    var force = false

    var outputURL: URL { URL(fileURLWithPath: output).standardizedFileURL }
}
