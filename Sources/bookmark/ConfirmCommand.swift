import ArgumentParser
import BookmarkBooklet
import BookmarkBuild
import BookmarkModel
import BookmarkSpreadsheet
import BookmarkSystem
import Foundation

/// `bookmark confirm`: the April campaign. For each operator, a printable A4 request to check
/// their entries (PDF, through WeasyPrint as the booklet is) and a sheet of just those
/// entries to fill in and send back for `bookmark import`.
struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "運営者ごとに、掲載内容の確認をお願いする PDF と、返送用のシートを作ります（毎年4月の見直し用）。"
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "出力先のフォルダ（中身は置き換えます）。")
    var output: String

    @Option(name: .long, help: "最終確認日がこの日数より前の項目だけにします（既定: 次の4月1日に古くなる項目）。")
    var olderThan: Int?

    @Flag(name: .long, help: "下書きと掲載期限切れを除くすべての項目について作ります。")
    var all = false

    @Option(name: .long, help: "返送用シートの形式: xlsx か csv。")
    var sheet: String = "xlsx"

    static let marker = ".bookmark-confirm"

    func run() throws {
        guard sheet == "xlsx" || sheet == "csv" else {
            printMessage("--sheet には xlsx か csv を指定してください（\(sheet)）。")
            throw ExitCode(1)
        }
        if let olderThan, olderThan < 0 {
            printMessage("--older-than には 0 以上の日数を指定してください。")
            throw ExitCode(1)
        }
        let build: Build
        do {
            build = try options.pipeline().run()
        } catch Pipeline.Failure.check {
            printMessage("エラーがあるため、確認のお願いを作りませんでした。")
            throw ExitCode(1)
        }
        guard let guide = build.guide else { throw ExitCode(1) }
        let requests = Confirmation.requests(Confirmation.select(guide, olderThan: olderThan, all: all))

        let destination = URL(fileURLWithPath: output).standardizedFileURL
        try checkDestination(destination)
        let engine: PDFEngine
        do {
            engine = try PDFEngine.locate(
                environment: ProcessInfo.processInfo.environment,
                currentFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            printMessage("\(error)")
            throw ExitCode(3)
        }
        let themeFolder = confirmThemeFolder(guide)
        let staging = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).confirm-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
            var letters: [String] = []
            for request in requests {
                let sheetName = request.fileStem + "." + sheet
                try SheetFile.write(
                    SheetExport.table(request.entries, site: guide.site), to: staging.appendingPathComponent(sheetName))
                letters.append(try Confirmation.html(request, guide: guide, sheetFile: sheetName, themeFolder: themeFolder))
            }
            if !requests.isEmpty {
                printMessage("\(requests.count) 運営者分の確認のお願いの PDF を作っています…")
            }
            // One WeasyPrint per core: each letter is a process of its own (~1.5 s, mostly start-up).
            try Parallel.forEach(requests.count) { index in
                try engine.render(html: letters[index], to: staging.appendingPathComponent(requests[index].fileStem + ".pdf"))
            }
            try swapIntoPlace(staging, destination)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if let failure = error as? PDFEngine.Failure {
                printMessage("\(failure)\nPDF を作れなかったため、何も書き出しませんでした。")
                throw ExitCode(3)
            }
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }
        if requests.isEmpty {
            printMessage("確認をお願いする項目はありません（--all ですべての項目、--older-than DAYS で日数を指定できます）。")
        }
        print(Self.summary(requests, sheet: sheet), terminator: "")
        printMessage("\(output) に \(requests.count) 運営者分の PDF とシートを書き出しました。")
    }

    /// The guide's theme, or the default theme when it has no `confirm/`.
    func confirmThemeFolder(_ guide: Guide) -> URL {
        let own = options.themesURL.appendingPathComponent(guide.site.theme)
        if FileManager.default.fileExists(atPath: own.appendingPathComponent("confirm/request.mustache").path) { return own }
        return options.themesURL.appendingPathComponent("default")
    }

    /// The output folder is replaced whole: it must be new, empty, or an earlier confirm's.
    func checkDestination(_ destination: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: destination.path) else { return }
        let items = (try? manager.contentsOfDirectory(atPath: destination.path)) ?? []
        if items.isEmpty || items.contains(Self.marker) { return }
        printMessage("\(output) には bookmark confirm が作ったものではないファイルがあります。空のフォルダか新しいフォルダを指定してください。")
        throw ExitCode(1)
    }

    func swapIntoPlace(_ staging: URL, _ destination: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
            try manager.moveItem(at: destination, to: old)
            try manager.moveItem(at: staging, to: destination)
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: staging, to: destination)
        }
    }

    /// 運営 | 件数 | いちばん古い確認日 | ファイル, aligned for a terminal.
    static func summary(_ requests: [Confirmation.Request], sheet: String) -> String {
        let rows = [["運営", "件数", "いちばん古い確認日", "ファイル"]]
            + requests.map { [$0.operatorName, String($0.entries.count), $0.oldestVerified.description, $0.fileStem + ".pdf / ." + sheet] }
        let widths = (0..<4).map { column in rows.map { DiagnosticPrinter.displayWidth($0[column]) }.max() ?? 0 }
        var out = ""
        for (index, row) in rows.enumerated() {
            let line = row.enumerated().map { column, text in
                text + String(repeating: " ", count: widths[column] - DiagnosticPrinter.displayWidth(text))
            }.joined(separator: "  ")
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            if index == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        let total = requests.reduce(0) { $0 + $1.entries.count }
        out += "合計: 運営者 \(requests.count)、項目 \(total)"
        if let oldest = requests.map(\.oldestVerified).min() { out += "、いちばん古い確認日 \(oldest)" }
        return out + "\n"
    }
}
