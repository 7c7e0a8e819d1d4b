import BookmarkTesting
import Foundation
import Testing

/// `bookmark booklet`: the site with each edition's web copy, print copies beside it, exit 3
/// with what to install when WeasyPrint is missing.
@Suite("bookmark booklet", .serialized)
struct BookletCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func guide() throws -> FixtureGuide {
        try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura-soudan.md": FixtureGuide.entry(),
            "entries/kamidake.md": FixtureGuide.entry(
                ["name": "かみだけ家族会", "kana": "かみだけかぞくかい", "publish": "{web: false, booklet: true}"]),
        ])
    }

    /// WeasyPrint as CI installs it; the test fails, saying so, when it is not there.
    func weasyprint() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["BOOKMARK_WEASYPRINT"] { return configured }
        let venv = Self.repository.appendingPathComponent(".venv-weasyprint/bin/weasyprint").path
        try #require(
            FileManager.default.isExecutableFile(atPath: venv),
            "WeasyPrint がありません。scripts/install-weasyprint.sh を実行してください。")
        return venv
    }

    @Test func missingEngineExitsThreeSayingWhatToInstallAndWritesNothing() throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(
            ["booklet", "--themes", ServeTests.themes], in: guide.root,
            environment: ["BOOKMARK_WEASYPRINT": "/nonexistent/weasyprint"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("scripts/install-weasyprint.sh"))
        #expect(!FileManager.default.fileExists(atPath: guide.output.path))
    }

    @Test func writesTheWebCopyIntoTheSiteAndThePrintCopiesBesideIt() throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(
            ["booklet", "--themes", ServeTests.themes, "--impose"], in: guide.root,
            environment: ["BOOKMARK_WEASYPRINT": try weasyprint()])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("PDF を作っています"))
        let fm = FileManager.default
        for path in ["output/booklet/sakura.pdf", "output/booklet/sakura.html", "print/sakura.pdf", "print/sakura-imposed.pdf"] {
            #expect(fm.fileExists(atPath: guide.root.appendingPathComponent(path).path), "\(path)")
        }
        let html = try String(contentsOf: guide.output.appendingPathComponent("booklet/sakura.html"), encoding: .utf8)
        #expect(!html.contains("かみだけ家族会"))
        #expect(try fm.contentsOfDirectory(atPath: guide.root.appendingPathComponent("print").path).sorted()
            == ["sakura-imposed.pdf", "sakura.pdf"])
    }

    @Test func printFolderInsideTheOutputIsRefused() throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(
            ["booklet", "--themes", ServeTests.themes, "--print", "output/print"], in: guide.root,
            environment: ["BOOKMARK_WEASYPRINT": try weasyprint()])
        #expect(run.status == 1)
        #expect(run.stderr.contains("重なっています"))
    }

    @Test func unknownEditionIsAnError() throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(
            ["booklet", "--themes", ServeTests.themes, "--edition", "nothere"], in: guide.root,
            environment: ["BOOKMARK_WEASYPRINT": try weasyprint()])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nothere"))
    }
}
