import ArgumentParser
import BookmarkModel
import BookmarkSpreadsheet
import Foundation

/// `bookmark import FILE [--dry-run]`: applies an editors' sheet to the content folder, all or
/// nothing (cli.md, "Spreadsheets and re-confirmation").
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "表計算ソフトで直したシート（.xlsx か .csv）を取り込みます。エラーが1つでもあれば何も書き換えません。"
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: "取り込むファイル（.xlsx か .csv）。")
    var file: String

    @Flag(name: .long, help: "書き換えずに、ファイルごとの変更だけを表示します。")
    var dryRun = false

    func run() throws {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        let sheet: Sheet
        do {
            sheet = try SheetFile.read(url)
        } catch {
            printMessage("\(file) を読めませんでした: \(error)")
            throw ExitCode(1)
        }
        let plan = SheetImport(
            sheet: sheet, sheetFile: file, contentFolder: options.contentURL, themesFolder: options.themesURL,
            today: options.today
        ).plan()
        printDiagnostics(plan.diagnostics)
        let errors = plan.diagnostics.filter { $0.diagnostic.severity == .error }.count
        let warnings = plan.diagnostics.count - errors
        if errors > 0 || (options.strict && warnings > 0) {
            printMessage("エラー \(errors) 件、警告 \(warnings) 件\(errors == 0 ? "（--strict のため警告もエラーとして扱います）" : "")。何も書き換えませんでした。")
            throw ExitCode(1)
        }
        if dryRun {
            print(Self.diff(plan), terminator: "")
            printMessage("（--dry-run）\(plan.rowsRead) 行を読みました。書き換えるファイル \(plan.writes.filter { !$0.isNew }.count) 個、新しいファイル \(plan.writes.filter(\.isNew).count) 個。何も書き換えていません。")
            return
        }
        do {
            try plan.apply(contentFolder: options.contentURL)
        } catch {
            printMessage("書き換えられませんでした: \(error)")
            throw ExitCode(1)
        }
        if plan.writes.isEmpty {
            printMessage("\(plan.rowsRead) 行を読みました。変更はありません（何も書き換えていません）。")
        } else {
            for write in plan.writes { printMessage((write.isNew ? "新規: " : "更新: ") + write.path) }
            printMessage("\(plan.rowsRead) 行を読み、\(plan.writes.count) 個のファイルを書き換えました。")
        }
    }

    /// `--- entries/a.md` / `+++ entries/a.md`, then each change's removed and added lines.
    static func diff(_ plan: ImportPlan) -> String {
        var out = ""
        for write in plan.writes {
            out += write.isNew ? "--- /dev/null\n+++ \(write.path)（新規）\n" : "--- \(write.path)\n+++ \(write.path)\n"
            for change in write.changes {
                out += "@@ \(change.line)行目 @@\n"
                for line in shortened(change.removed) { out += "-" + line + "\n" }
                for line in shortened(change.added) { out += "+" + line + "\n" }
            }
        }
        return out
    }

    /// Long bodies are shown by their first lines.
    static func shortened(_ lines: [String]) -> [String] {
        lines.count <= 12 ? lines : Array(lines.prefix(10)) + ["…（ほか \(lines.count - 10) 行）"]
    }

    func printDiagnostics(_ diagnostics: [ImportDiagnostic]) {
        let printer = DiagnosticPrinter(format: options.format, contentPath: options.content, contentURL: options.contentURL)
        var out = ""
        for item in diagnostics {
            guard let cell = item.cell else {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
                printer.print([item.diagnostic])
                continue
            }
            let d = item.diagnostic
            switch options.format {
            case .json: out += printer.json(d) + "\n"
            case .github:
                let command = d.severity == .error ? "error" : "warning"
                out += "::\(command) file=\(DiagnosticPrinter.escapeProperty(d.file)),line=\(d.line),col=\(d.column),"
                    + "title=\(DiagnosticPrinter.escapeProperty(d.code.rawValue))::"
                    + DiagnosticPrinter.escapeData(cell + " " + d.message + (d.hint.map { "（ヒント: \($0)）" } ?? "")) + "\n"
            case .text:
                let label = d.severity.japaneseLabel + "[\(d.code.rawValue)]"
                let shownLabel = printer.useColour
                    ? (d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + label + "\u{1B}[0m" : label
                out += "\(d.file):\(cell): \(shownLabel) \(d.message)\n"
                if let text = item.cellText, !text.isEmpty {
                    let shown = text.replacingOccurrences(of: "\n", with: "⏎")
                    out += "  \(cell.split(separator: "!").last ?? "") | \(shown.count > 80 ? String(shown.prefix(80)) + "…" : shown)\n"
                }
                if let hint = d.hint { out += "  ヒント: \(hint)\n" }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
