import ArgumentParser
import BookmarkBooklet
import BookmarkModel
import BookmarkOutput
import BookmarkSite
import BookmarkTemplates
import Foundation

/// `bookmark booklet`: build, then make each edition's PDFs with WeasyPrint.
///
/// The web copy (`<output>/booklet/<edition>.pdf`, finished size, no paper-only entries)
/// goes into the site in the same atomic swap as every other file; the print copy
/// (`<print>/<edition>.pdf`, paper-only entries included, 3 mm bleed) and, with `--impose`,
/// the saddle-stitch sheets (`<print>/<edition>-imposed.pdf`) go to the print folder, each
/// file renamed into place only when whole.
struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet",
        abstract: "サイトを書き出したあと、各冊子の PDF（ウェブ用と印刷所用）を作ります。"
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "この id の冊子だけ PDF を作ります（site.yml の editions）。")
    var edition: String?

    @Option(name: .customLong("print"), help: "印刷所用 PDF の出力先（既定: 出力先の隣の print/）。")
    var printFolder: String?

    @Flag(name: .long, help: "中綴じ用に 2 ページずつ並べた PDF（<冊子>-imposed.pdf）も作ります。")
    var impose = false

    var printURL: URL {
        printFolder.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? output.outputURL.deletingLastPathComponent().appendingPathComponent("print")
    }

    func run() throws {
        guard let guide = runCheck(options).guide else {
            printMessage("エラーがあるため、何も書き出しませんでした。")
            throw ExitCode(1)
        }
        let editions = try selectedEditions(guide)
        try checkPrintFolder()
        let environment = ProcessInfo.processInfo.environment
        let currentFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let engine: PDFEngine
        let imposer: Imposer?
        do {
            engine = try PDFEngine.locate(environment: environment, currentFolder: currentFolder)
            imposer = impose ? try Imposer.locate(besides: engine, environment: environment) : nil
        } catch {
            printMessage("\(error)")
            throw ExitCode(3)
        }

        let folder = OutputFolder(destination: output.outputURL)
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("bookmark-booklet-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var files: [OutputFile]
        var printFiles: [(name: String, url: URL)] = []
        do {
            try folder.checkDestination(contentFolder: options.contentURL, force: output.force)
            files = try StageTimer.measure("render") { try renderSite(guide, options: options) }
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }
        let builder: BookletBuilder
        do {
            let theme = try Theme.load(
                themesFolder: options.themesURL, name: guide.site.theme,
                overrides: options.contentURL.appendingPathComponent("templates"))
            builder = BookletBuilder(guide: guide, theme: theme)
        } catch {
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }

        var jobs: [PDFJob] = []
        for edition in editions {
            let variants: [BookletVariant] = impose ? [.web, .print, .imposition] : [.web, .print]
            for variant in variants {
                do {
                    let html = try builder.html(edition: edition, variant: variant)
                    let pdf = work.appendingPathComponent("\(edition.id).\(variant.rawValue).pdf")
                    jobs.append(PDFJob(edition: edition, variant: variant, html: html, pdf: pdf))
                } catch {
                    printMessage("冊子の HTML を作れませんでした: \(error)")
                    throw ExitCode(1)
                }
            }
        }
        do {
            try StageTimer.measure("pdf") { try PDFJob.runAll(jobs, engine: engine) }
            for job in jobs {
                switch job.variant {
                case .web:
                    files.append(OutputFile(path: Route.bookletPDF(edition: job.edition.id).path, contents: try Data(contentsOf: job.pdf)))
                case .print:
                    printFiles.append(("\(job.edition.id).pdf", job.pdf))
                case .imposition:
                    let imposed = work.appendingPathComponent("\(job.edition.id)-imposed.pdf")
                    try imposer?.impose(job.pdf, to: imposed)
                    printFiles.append(("\(job.edition.id)-imposed.pdf", imposed))
                }
            }
        } catch let failure as PDFEngine.Failure {
            printMessage("\(failure)")
            printMessage("PDF を作れなかったため、何も書き出しませんでした。")
            throw ExitCode(3)
        } catch {
            printMessage("PDF を作れませんでした: \(error)")
            throw ExitCode(3)
        }
        files += keptPDFs(guide, besides: editions)

        do {
            try StageTimer.measure("write") { try folder.replace(with: files) }
            try movePrintFiles(printFiles)
        } catch {
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }
        printMessage("\(output.output) に \(files.count) 個のファイルを、\(printURL.path) に印刷用 PDF \(printFiles.count) 個を書き出しました。")
    }

    /// Every edition, or the one `--edition` names.
    func selectedEditions(_ guide: Guide) throws -> [Edition] {
        guard let id = edition else {
            if guide.site.editions.isEmpty {
                printMessage("site.yml に editions（冊子）がないため、PDF は作りません。")
            }
            return guide.site.editions
        }
        guard let match = guide.site.editions.first(where: { $0.id == id }) else {
            let known = guide.site.editions.map(\.id).joined(separator: "、")
            printMessage("冊子「\(id)」は site.yml の editions にありません。" + (known.isEmpty ? "" : "あるのは: \(known)"))
            throw ExitCode(1)
        }
        return [match]
    }

    /// The print folder is handed to a print shop, the output folder is published: one must
    /// never hold the other, or paper-only entries would go online.
    func checkPrintFolder() throws {
        let print = printURL.resolvingSymlinksInPath().path
        let site = output.outputURL.resolvingSymlinksInPath().path
        let content = options.contentURL.resolvingSymlinksInPath().path
        for (other, what) in [(site, "出力先"), (content, "コンテンツフォルダ")]
        where print == other || print.hasPrefix(other + "/") || other.hasPrefix(print + "/") {
            printMessage("印刷用の出力先（\(printURL.path)）が\(what)（\(other)）と重なっています。--print で別のフォルダを指定してください。")
            throw ExitCode(1)
        }
    }

    /// With `--edition`, the other editions' web copies of the previous output stay in the site.
    func keptPDFs(_ guide: Guide, besides made: [Edition]) -> [OutputFile] {
        guide.site.editions.filter { !made.contains($0) }.compactMap { other in
            let path = Route.bookletPDF(edition: other.id).path
            let url = output.outputURL.appendingPathComponent(path)
            return (try? Data(contentsOf: url)).map { OutputFile(path: path, contents: $0) }
        }
    }

    /// Copies each print PDF beside its final name, then renames it over: a reader of the
    /// print folder sees the old file or the new one, never half of one.
    func movePrintFiles(_ printFiles: [(name: String, url: URL)]) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: printURL, withIntermediateDirectories: true)
        for file in printFiles {
            let final = printURL.appendingPathComponent(file.name)
            let partial = printURL.appendingPathComponent(".\(file.name).partial-\(getpid())")
            try? fm.removeItem(at: partial)
            try fm.copyItem(at: file.url, to: partial)
            guard rename(partial.path, final.path) == 0 else {
                try? fm.removeItem(at: partial)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
            }
        }
    }
}
