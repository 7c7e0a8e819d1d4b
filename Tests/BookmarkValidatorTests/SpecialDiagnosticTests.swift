import BookmarkLoader
import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

/// Codes whose inputs need more than text: bytes, links, sizes, other folders.
@Suite struct SpecialDiagnosticTests {
    func validate(_ guide: FixtureGuide, themes: URL? = nil) -> GuideValidator.Result {
        GuideValidator.validate(contentFolder: guide.content, themesFolder: themes, today: FixtureGuide.today)
    }

    @Test func invalidUTF8IsReportedAtItsLine() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        try guide.write("entries/bad.md", bytes: Data("---\nname: ok\nkana: ".utf8) + Data([0xFF, 0x41]) + Data("\n---\n".utf8))
        let d = try #require(validate(guide).diagnostics.first { $0.code == .invalidUTF8 })
        #expect((d.file, d.line, d.column) == ("entries/bad.md", 3, 7))
    }

    @Test func shiftJISGetsAHintToSaveAsUTF8() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        // 「さくら」 in Shift_JIS
        try guide.write("entries/sjis.md", bytes: Data("---\nname: ".utf8) + Data([0x82, 0xB3, 0x82, 0xAD, 0x82, 0xE7]) + Data("\n---\n".utf8))
        let d = try #require(validate(guide).diagnostics.first { $0.code == .shiftJIS })
        #expect((d.line, d.column) == (2, 7))
        #expect(d.message.contains("UTF-8"))
    }

    @Test func hugeFileIsRefusedWithoutReadingIt() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        try guide.write("entries/huge.md", FixtureGuide.entry(body: String(repeating: "あ", count: 400_000)))
        let d = try #require(validate(guide).diagnostics.first { $0.code == .fileTooLarge })
        #expect((d.file, d.line, d.column) == ("entries/huge.md", 1, 1))
    }

    @Test func symlinkOutOfTheContentFolderIsNotFollowed() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        let outside = guide.root.appendingPathComponent("secret.md")
        try FixtureGuide.entry().write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: guide.content.appendingPathComponent("entries"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: guide.content.appendingPathComponent("entries/link.md"), withDestinationURL: outside)
        let result = validate(guide)
        let d = try #require(result.diagnostics.first { $0.code == .symlinkOutside })
        #expect(d.file == "entries/link.md")
        #expect(result.guide == nil)
    }

    @Test func danglingLinkIsUnreadable() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        try FileManager.default.createDirectory(at: guide.content.appendingPathComponent("entries"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: guide.content.appendingPathComponent("entries/gone.md").path, withDestinationPath: "nowhere.md")
        let d = try #require(validate(guide).diagnostics.first { $0.code == .fileUnreadable })
        #expect((d.file, d.line) == ("entries/gone.md", 1))
    }

    @Test func missingSiteYAML() throws {
        let guide = try FixtureGuide(files: ["entries/a.md": FixtureGuide.entry()])
        defer { guide.remove() }
        let result = validate(guide)
        #expect(result.diagnostics.contains { $0.code == .siteMissing && $0.file == "site.yml" })
        #expect(result.guide == nil)
    }

    @Test func duplicateIDsAcrossFolders() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura/soudan.md": FixtureGuide.entry(),
            "entries/kaede/soudan.md": FixtureGuide.entry(["area": "kaede"]),
        ])
        defer { guide.remove() }
        let d = try #require(validate(guide).diagnostics.first { $0.code == .idDuplicate })
        #expect(d.file == "entries/sakura/soudan.md")
        #expect(d.message.contains("entries/kaede/soudan.md"))
    }

    @Test func unknownThemeIsReportedAtTheKey() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML + "\ntheme: nothere\n"])
        defer { guide.remove() }
        let themes = guide.root.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: themes.appendingPathComponent("default"), withIntermediateDirectories: true)
        let d = try #require(validate(guide, themes: themes).diagnostics.first { $0.code == .themeMissing })
        #expect((d.file, d.column) == ("site.yml", 8))
    }

    @Test func tooManyFiles() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML, "entries/a.md": FixtureGuide.entry(), "entries/b.md": FixtureGuide.entry(),
            "entries/c.md": FixtureGuide.entry(),
        ])
        defer { guide.remove() }
        let discovered = ContentDiscovery.discover(in: guide.content, fileLimit: 2)
        #expect(discovered.diagnostics.contains { $0.code == .tooManyFiles })
    }

    /// Twelve area folders are read on several cores: every `.md` file is found once, in path
    /// order, names starting with `.` or `_` and other files are left out, and the limit
    /// counts files across folders.
    @Test func manyFoldersAreFoundInPathOrder() throws {
        var files = ["site.yml": FixtureGuide.siteYAML, "pages/about.md": "---\ntitle: t\n---\n"]
        for area in 0..<12 {
            for entry in 0..<3 { files["entries/area-\(area)/e\(area)-\(entry).md"] = FixtureGuide.entry() }
            files["entries/area-\(area)/_draft.md"] = FixtureGuide.entry()
            files["entries/area-\(area)/notes.txt"] = "x"
        }
        files["entries/.hidden/x.md"] = FixtureGuide.entry()
        files["entries/area-3/deeper/e-deep.md"] = FixtureGuide.entry()
        let guide = try FixtureGuide(files: files)
        defer { guide.remove() }

        let discovered = ContentDiscovery.discover(in: guide.content)
        let expected = files.keys.filter { $0.hasPrefix("entries/") && $0.hasSuffix(".md") && !$0.contains("/_") && !$0.contains("/.") }
        #expect(discovered.entries.map(\.relativePath) == expected.sorted())
        #expect(discovered.pages.map(\.relativePath) == ["pages/about.md"])
        #expect(discovered.entries.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(discovered.diagnostics.isEmpty)

        let limited = ContentDiscovery.discover(in: guide.content, fileLimit: 20)
        #expect(limited.diagnostics.contains { $0.code == .tooManyFiles })
        #expect(limited.entries.count <= 20)
        #expect(!ContentDiscovery.discover(in: guide.content, fileLimit: 38).diagnostics.contains { $0.code == .tooManyFiles })
    }

    /// Codes that the fixture table or the tests above reach; a new code needs a fixture.
    @Test func everyCodeHasAFixture() {
        let special: Set<DiagnosticCode> = [
            .invalidUTF8, .shiftJIS, .fileTooLarge, .symlinkOutside, .fileUnreadable, .siteMissing, .idDuplicate,
            .themeMissing, .tooManyFiles,
        ]
        let covered = Set(fixtures.map(\.code)).union(special)
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a fixture: \(missing.map(\.rawValue))")
    }
}
