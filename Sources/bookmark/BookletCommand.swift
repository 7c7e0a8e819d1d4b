import ArgumentParser
import BookmarkBooklet
import BookmarkBuild
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
/// file renamed into place only when whole. The PDFs are made by a step of the build
/// pipeline (`PDFStep`) between the pages and the write.
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
        var pipeline = options.pipeline()
        pipeline.output = .replace(output.outputURL, force: output.force)
        let pdfs = PDFStep(command: self)
        defer { pdfs.removeWork() }
        pipeline.extraSteps = [Pipeline.Step("pdf") { try pdfs.run(&$0) }]
        let build = try runWritingPipeline(pipeline)
        do {
            try movePrintFiles(pdfs.printFiles)
        } catch {
            printMessage("書き出せませんでした: \(error)")
            throw ExitCode(1)
        }
        printMessage("\(output.output) に \(build.written) 個のファイルを、\(printURL.path) に印刷用 PDF \(pdfs.printFiles.count) 個を書き出しました。")
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
            throw PDFStepFailure(
                message: "冊子「\(id)」は site.yml の editions にありません。" + (known.isEmpty ? "" : "あるのは: \(known)"),
                exitCode: 1)
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
            throw PDFStepFailure(
                message: "印刷用の出力先（\(printURL.path)）が\(what)（\(other)）と重なっています。--print で別のフォルダを指定してください。",
                exitCode: 1)
        }
    }

    /// With `--edition`, the other editions' web copies of the previous output stay in the site.
    func keptPDFs(_ guide: Guide, besides made: [Edition]) -> [SitePage] {
        guide.site.editions.filter { !made.contains($0) }.compactMap { other in
            let route = Route.bookletPDF(edition: other.id)
            let url = output.outputURL.appendingPathComponent(route.path)
            return (try? Data(contentsOf: url)).map { data in SitePage(route: route) { .bytes(data) } }
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

/// Why the booklet's PDF step stopped, with what to tell the user and the exit status (1 for
/// a wrong option or print folder, 3 when the PDF engine is missing or failed).
struct PDFStepFailure: Error {
    var message: String
    var exitCode: Int32
}

/// The booklet's step of the pipeline: each edition's web, print (and imposed) PDFs from the
/// checked guide and the theme the pipeline loaded. Web copies join the site's files, so they
/// are swapped in with the rest; print copies wait in a work folder until the site is written.
final class PDFStep: @unchecked Sendable {
    // Used by the pipeline's thread only, one step after another.
    let command: BookletCommand
    let work: URL
    private(set) var printFiles: [(name: String, url: URL)] = []

    init(command: BookletCommand) {
        self.command = command
        work = FileManager.default.temporaryDirectory
            .appendingPathComponent("bookmark-booklet-\(getpid())-\(UUID().uuidString)")
    }

    func removeWork() { try? FileManager.default.removeItem(at: work) }

    func run(_ build: inout Build) throws {
        guard let guide = build.guide, let theme = build.theme else { return }
        let editions = try command.selectedEditions(guide)
        try command.checkPrintFolder()
        let environment = ProcessInfo.processInfo.environment
        let currentFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let engine: PDFEngine
        let imposer: Imposer?
        do {
            engine = try PDFEngine.locate(environment: environment, currentFolder: currentFolder)
            imposer = command.impose ? try Imposer.locate(besides: engine, environment: environment) : nil
        } catch {
            throw PDFStepFailure(message: "\(error)", exitCode: 3)
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let builder = BookletBuilder(guide: guide, theme: theme)
        var jobs: [PDFJob] = []
        for edition in editions {
            let variants: [BookletVariant] = command.impose ? [.web, .print, .imposition] : [.web, .print]
            for variant in variants {
                do {
                    let html = try builder.html(edition: edition, variant: variant)
                    let pdf = work.appendingPathComponent("\(edition.id).\(variant.rawValue).pdf")
                    jobs.append(PDFJob(edition: edition, variant: variant, html: html, pdf: pdf))
                } catch {
                    throw PDFStepFailure(message: "冊子の HTML を作れませんでした: \(error)", exitCode: 1)
                }
            }
        }
        do {
            try PDFJob.runAll(jobs, engine: engine)
            for job in jobs {
                switch job.variant {
                case .web:
                    let data = try Data(contentsOf: job.pdf)
                    build.pages.append(SitePage(route: .bookletPDF(edition: job.edition.id)) { .bytes(data) })
                case .print:
                    printFiles.append(("\(job.edition.id).pdf", job.pdf))
                case .imposition:
                    let imposed = work.appendingPathComponent("\(job.edition.id)-imposed.pdf")
                    try imposer?.impose(job.pdf, to: imposed)
                    printFiles.append(("\(job.edition.id)-imposed.pdf", imposed))
                }
            }
        } catch let failure as PDFEngine.Failure {
            throw PDFStepFailure(message: "\(failure)\nPDF を作れなかったため、何も書き出しませんでした。", exitCode: 3)
        } catch {
            throw PDFStepFailure(message: "PDF を作れませんでした: \(error)", exitCode: 3)
        }
        build.pages += command.keptPDFs(guide, besides: editions)
    }
}
