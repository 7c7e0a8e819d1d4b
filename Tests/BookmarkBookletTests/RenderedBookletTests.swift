import BookmarkModel
import Foundation
import Testing

@testable import BookmarkBooklet

/// The fixture's editions rendered by the real WeasyPrint and read back with poppler-utils.
///
/// CI installs WeasyPrint (scripts/install-weasyprint.sh); without it these tests fail
/// and say so, they never pass without looking at a PDF.
@Suite(.serialized) struct RenderedBookletTests {
    static let millimetre = 72.0 / 25.4

    func render(_ fixture: BookletFixture, _ id: String, _ variant: BookletVariant) throws -> (PDFTools, URL) {
        let engine: PDFEngine
        do {
            engine = try PDFEngine.locate(
                environment: ProcessInfo.processInfo.environment, currentFolder: BookletFixture.repository)
        } catch {
            Issue.record("WeasyPrint がないため冊子の PDF を確かめられません。scripts/install-weasyprint.sh を実行してください。\(error)")
            throw error
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("booklet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("\(id)-\(variant).pdf")
        try engine.render(html: try fixture.html(id, variant), to: pdf)
        return (PDFTools(pdf: pdf), folder)
    }

    @Test(arguments: [("sakura", 105.0, 148.0), ("tooi", 128.0, 182.0)])
    func editionRendersAtItsPaperSizeWithEveryFontEmbedded(id: String, width: Double, height: Double) throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, id, .web)
        defer { try? FileManager.default.removeItem(at: folder) }

        let size = try pdf.pageSize()
        #expect(abs(size.width - width * Self.millimetre) < 0.1, "\(size)")
        #expect(abs(size.height - height * Self.millimetre) < 0.1, "\(size)")
        // Cover, how to use, contents, at least one page of cards, index, last page.
        #expect(try pdf.pageCount() >= 6)

        let fonts = try pdf.fonts()
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "not embedded: \(font.name)") }

        let edition = try fixture.edition(id)
        let members = BookletContents(guide: fixture.guide, edition: edition, variant: .web).entries
        let text = try pdf.text()
        for entry in members { #expect(text.contains(entry.name.filter { !$0.isWhitespace }), "missing \(entry.id)") }
        for entry in fixture.guide.entries where !members.contains(entry) {
            #expect(!text.contains(entry.name.filter { !$0.isWhitespace }), "\(entry.id) must not be in \(id)")
        }
        #expect(text.contains("索引") && text.contains("目次") && text.contains("この冊子の使い方"))
    }

    /// Every printed QR code decodes (zbarimg, Debian zbar-tools) to a URL the edition links.
    @Test func qrCodesDecodeToTheEntriesURLs() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .web)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        _ = try PDFTools.run("pdftoppm", ["-png", "-r", "200", pdf.pdf.path, prefix])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        var decoded = Set<String>()
        for page in pages {
            // zbarimg exits 4 when a page holds no code; read what it printed either way.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["zbarimg", "--quiet", "--raw", folder.appendingPathComponent(page).path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try #require([0, 4].contains(process.terminationStatus), "zbarimg failed: is zbar-tools installed?")
            decoded.formUnion(text.split(separator: "\n").map(String.init))
        }
        #expect(decoded.contains("https://example.org/sakura/soudan"), "\(decoded)")
        #expect(decoded.allSatisfy { $0.hasPrefix("https://example.org/") }, "\(decoded)")
    }

    @Test func contentsAndIndexNumbersPointAtThePagesThatHoldTheNames() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = try pdf.pageCount()
        let pages = try (1...count).map { try pdf.text(page: $0) }
        let tocPage = try #require(pages.firstIndex { $0.hasPrefix("目次") }) + 1
        let indexPage = try #require(pages.lastIndex { $0.contains("索引あ行") || $0.hasPrefix("索引索引") }) + 1

        let contents = try pdf.leaderLines(page: tocPage)
        #expect(contents.map(\.label).contains("かえで町（近隣）"))
        #expect(contents.count >= 8)
        let index = try pdf.leaderLines(page: indexPage)
        let printed = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .print)
        #expect(index.count == printed.entries.count)
        for line in contents + index {
            try #require((1...count).contains(line.page), "\(line)")
            let label = line.label.filter { !$0.isWhitespace }
            #expect(pages[line.page - 1].contains(label), "\(line.label) is not on page \(line.page)")
        }
        // Numbers increase through the contents, as the sections follow each other.
        #expect(contents.map(\.page) == contents.map(\.page).sorted())
        #expect(pages.last?.contains("24時間の窓口") == true && pages.last?.contains("0120-00-0000") == true)
    }

    @Test func printCopyHasBleedAndThePaperOnlyEntry() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = try pdf.pageSize()
        #expect(abs(size.width - 111 * Self.millimetre) < 0.1 && abs(size.height - 154 * Self.millimetre) < 0.1)
        #expect(try pdf.text().contains("かみだけ家族会"))
    }

    @Test func impositionPutsTwoPagesOnASheetInSaddleStitchOrder() throws {
        let fixture = try BookletFixture()
        let (pages, folder) = try render(fixture, "sakura", .imposition)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = try PDFEngine.locate(
            environment: ProcessInfo.processInfo.environment, currentFolder: BookletFixture.repository)
        let imposed = PDFTools(pdf: folder.appendingPathComponent("imposed.pdf"))
        try Imposer.locate(besides: engine, environment: ProcessInfo.processInfo.environment)
            .impose(pages.pdf, to: imposed.pdf)

        let count = try pages.pageCount()
        let padded = (count + 3) / 4 * 4
        #expect(try imposed.pageCount() == padded / 2)
        let size = try imposed.pageSize()
        #expect(abs(size.width - 210 * Self.millimetre) < 0.1 && abs(size.height - 148 * Self.millimetre) < 0.1)
        // The first side holds the back cover (the last page) on the left and the cover on the right.
        let front = try imposed.text(page: 1)
        let back = try #require(front.range(of: "最新の情報はウェブサイトで"))
        let cover = try #require(front.range(of: "必要なときまで"))
        #expect(back.lowerBound < cover.lowerBound)
    }
}
