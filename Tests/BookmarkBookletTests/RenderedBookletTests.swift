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
        try engine.render(html: try fixture.html(id, variant), to: pdf, variant: variant)
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
        // Cover, how to use, contents, at least one page of cards, index, last page; a
        // multiple of four for saddle stitching.
        let count = try pdf.pageCount()
        #expect(count >= 8)
        #expect(count % 4 == 0, "\(count) pages")

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

    /// Every printed QR code decodes (zbarimg) to the URL of an entry of the edition or to
    /// the site: as many codes as entries with a url, plus one. An image WeasyPrint did not
    /// load (a `data:` URL it was not allowed) would be missing here.
    @Test func everyQRCodeDecodesToTheEntriesURLs() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .web)
        defer { try? FileManager.default.removeItem(at: folder) }
        let decoded = try pdf.decodedQRCodes(in: folder)
        let members = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .web).entries
        let expected = members.compactMap(\.url) + [fixture.guide.site.baseURL]
        #expect(decoded.sorted() == expected.sorted(), "\(decoded)")
        #expect(decoded.contains("https://example.org/sakura/soudan"))
    }

    @Test func contentsAndIndexNumbersPointAtThePagesThatHoldTheNames() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectTrueContentsAndIndex(pdf, fixture, .print)
    }

    /// Where a page has room below its last card, the cards on it print more of their
    /// description, sentence by sentence, and no card moves: the contents and index still
    /// point at the pages that hold the names, and every entry is there once.
    @Test func cardsPrintMoreOfTheirDescriptionWhereThePageHasRoom() throws {
        let sentences = ["一つ目の文で、ここまでは必ず印刷されます。", "二つ目の文は、ページに余白があれば続きます。",
                         "三つ目の文も、余白があれば印刷されます。", "四つ目の文で、この説明は終わりです。"]
        let fixture = try BookletFixture(body: sentences.joined())
        let (pdf, folder) = try render(fixture, "sakura", .web)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try pdf.text()
        let members = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .web).entries
        #expect(text.components(separatedBy: sentences[0]).count - 1 == members.count)
        // The fixture's few cards leave room: some print the whole text, without its `…`.
        #expect(text.contains(sentences[3]))
        #expect(!text.contains(sentences[3] + "…"), "the pieces are shown by bookmark-render, which drops the `…` of a whole text")
        try expectTrueContentsAndIndex(pdf, fixture, .web)
    }

    func expectTrueContentsAndIndex(_ pdf: PDFTools, _ fixture: BookletFixture, _ variant: BookletVariant) throws {
        let count = try pdf.pageCount()
        let pages = try (1...count).map { try pdf.text(page: $0) }
        let tocPage = try #require(pages.firstIndex { $0.hasPrefix("目次") }) + 1
        let indexPage = try #require(pages.lastIndex { $0.contains("索引あ行") || $0.hasPrefix("索引索引") }) + 1

        let contents = try pdf.leaderLines(page: tocPage)
        #expect(contents.map(\.label).contains("かえで町（近隣）"))
        #expect(contents.count >= 8)
        let index = try pdf.leaderLines(page: indexPage)
        let printed = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: variant)
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

    /// Saddle stitching: every copy has a multiple of four pages, made up with pages for the
    /// reader (困ったときは, 相談するときのメモ, メモ, in that order, only as many as needed)
    /// just before the back cover; no page is blank.
    @Test(arguments: [("sakura", BookletVariant.web), ("sakura", .print), ("sakura", .imposition), ("tooi", .web)])
    func pageCountIsAMultipleOfFourMadeUpWithPagesForTheReader(id: String, variant: BookletVariant) throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, id, variant)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = try pdf.pageCount()
        #expect(count % 4 == 0, "\(count) pages")
        let pages = try (1...count).map { try pdf.text(page: $0) }
        for (number, text) in pages.enumerated() { #expect(!text.isEmpty, "page \(number + 1) is blank") }
        #expect(pages.last?.hasPrefix("24時間の窓口") == true)
        let indexPage = try #require(pages.lastIndex { $0.hasPrefix("索引") })
        let extras = pages[(indexPage + 1)..<(count - 1)].map { page in
            ["困ったときは", "相談するときのメモ", "メモ"].first { page.hasPrefix($0) } ?? page
        }
        #expect(Array(["困ったときは", "相談するときのメモ", "メモ"].prefix(extras.count)) == extras)
        // The help page sends the reader to the consultation desks at their true page.
        if let help = pages.firstIndex(where: { $0.hasPrefix("困ったときは") }) {
            let number = try #require(pages[help].firstMatch(of: /相談窓口、(\d+)ページ/).map { Int($0.1)! })
            #expect(pages[number - 1].contains("相談窓口"))
        }
    }

    /// The web copy is tagged PDF/UA-1: pdfua (PyPI) finds no error and no warning; pikepdf
    /// reads the structure tree, the language, the shown title, and each QR code's figure
    /// text with what it opens and its address.
    @Test func webCopyIsTaggedPDFUAWithQRCodesDescribed() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .web)
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try pdf.facts(python: try python(), repository: BookletFixture.repository)
        #expect(facts["marked"] as? Bool == true)
        #expect(facts["structTree"] as? Bool == true)
        #expect(facts["lang"] as? String == "ja")
        #expect(facts["displayDocTitle"] as? Bool == true)
        #expect(facts["title"] as? String == "さくら市版")
        #expect(facts["pdfuaPart"] as? String == "1")
        let alts = try #require(facts["figureAlts"] as? [Any])
        let members = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .web).entries
        #expect(alts.count == members.compactMap(\.url).count + 1, "\(alts)")
        for case let alt as String in alts { #expect(alt.hasPrefix("QRコード: ") && alt.contains("を開きます（https://"), "\(alt)") }
        #expect(alts.allSatisfy { $0 is String }, "a figure without /Alt: \(alts)")
        #expect(alts.contains { ($0 as? String)?.contains("https://example.org/sakura/soudan") == true })
        let report = try #require(facts["pdfua"] as? [String: Any], "\(facts["pdfua"] ?? "")")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0, "\(report["findings"] ?? "")")
        #expect(summary["warnings"] as? Int == 0, "\(report["findings"] ?? "")")
    }

    /// The print copy is PDF/X-4 with a CMYK output intent, and every page has a TrimBox at
    /// the finished size and a BleedBox 3 mm outside it.
    @Test func printCopyIsPDFX4WithTrimAndBleedBoxes() throws {
        let fixture = try BookletFixture()
        let (pdf, folder) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try pdf.facts(python: try python(), repository: BookletFixture.repository)
        #expect(facts["pdfxVersion"] as? String == "PDF/X-4")
        let intents = try #require(facts["outputIntents"] as? [[String: Any]])
        #expect(intents.count == 1)
        #expect(intents.first?["subtype"] as? String == "/GTS_PDFX")
        #expect(intents.first?["profile"] as? Bool == true)
        let boxes = try #require(facts["boxes"] as? [[String: Any]])
        #expect(boxes.count == (facts["pages"] as? Int) && !boxes.isEmpty)
        let bleed = 3 * Self.millimetre
        for (number, page) in boxes.enumerated() {
            let trim = try #require(page["trim"] as? [Double], "page \(number + 1) has no TrimBox")
            let box = try #require(page["bleed"] as? [Double], "page \(number + 1) has no BleedBox")
            #expect(abs(trim[2] - trim[0] - 105 * Self.millimetre) < 0.1 && abs(trim[3] - trim[1] - 148 * Self.millimetre) < 0.1)
            for side in 0..<2 { #expect(abs(trim[side] - box[side] - bleed) < 0.05, "page \(number + 1): \(trim) \(box)") }
            for side in 2..<4 { #expect(abs(box[side] - trim[side] - bleed) < 0.05, "page \(number + 1): \(trim) \(box)") }
        }
        let fonts = try pdf.fonts()
        #expect(!fonts.isEmpty && fonts.allSatisfy(\.embedded))
    }

    /// Two renders of the same booklet are the same file (PDF/X-4's document id included).
    @Test func printCopyIsTheSameFileTwice() throws {
        let fixture = try BookletFixture()
        let (first, folder) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (second, other) = try render(fixture, "sakura", .print)
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(try Data(contentsOf: first.pdf) == Data(contentsOf: second.pdf))
    }

    func python() throws -> URL {
        let engine = try PDFEngine.locate(
            environment: ProcessInfo.processInfo.environment, currentFolder: BookletFixture.repository)
        return engine.executable.deletingLastPathComponent().appendingPathComponent("python")
    }
}
