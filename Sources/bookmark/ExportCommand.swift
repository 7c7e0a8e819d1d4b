import ArgumentParser
import BookmarkBuild
import BookmarkSpreadsheet
import Foundation

/// `bookmark export FILE.xlsx|FILE.csv`: every entry as one row of a sheet for editors.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "すべての項目（下書き・冊子のみの項目も）を1行ずつ、表計算ソフト用のシート（.xlsx か .csv）に書き出します。"
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: "書き出すファイル（.xlsx か .csv）。")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        guard SheetFile.format(of: url) != nil else {
            printMessage("書き出すファイルの名前は .xlsx か .csv で終わるようにしてください（\(file)）。")
            throw ExitCode(1)
        }
        // A guide with errors is not exported: the sheet would lack the broken entries.
        let build: Build
        do {
            build = try options.pipeline().run()
        } catch Pipeline.Failure.check {
            printMessage("エラーがあるため、シートを書き出しませんでした。")
            throw ExitCode(1)
        }
        guard let guide = build.guide else { throw ExitCode(1) }
        do {
            try SheetFile.write(SheetExport.table(guide.entries, site: guide.site), to: url)
        } catch {
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }
        printMessage("\(file) に \(guide.entries.count) 件の項目を書き出しました。")
    }
}
