import BookmarkTesting
import Foundation
import Testing

/// `bookmark new`: a commented template that passes `bookmark check` as written.
@Suite("bookmark new")
struct NewTests {
    func guide(_ entries: [String: String] = [:]) throws -> FixtureGuide {
        var files = ["site.yml": FixtureGuide.siteYAML]
        for (path, text) in entries { files[path] = text }
        return try FixtureGuide(files: files)
    }

    func check(_ guide: FixtureGuide) throws -> BookmarkBinary.Run {
        try BookmarkBinary.run(["check", "--strict", "--themes", ServeTests.themes], in: guide.root)
    }

    @Test(arguments: [
        ("ibasho", "sakura-salon", "sakura", "entries/sakura/sakura-salon.md"),
        ("相談窓口", "kaede-soudan", "かえで町", "entries/kaede/kaede-soudan.md"),
        ("online", "yoru-chat", "nationwide", "entries/nationwide/yoru-chat.md"),
    ])
    func writesACommentedTemplateThatPassesCheck(kind: String, id: String, area: String, path: String) throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(["new", kind, id, "--area", area], in: guide.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/\(path)\n")
        let text = try String(contentsOf: guide.content.appendingPathComponent(path), encoding: .utf8)
        #expect(text.hasPrefix("---\n"))
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("# ") }.count > 40, "every field is explained")
        #expect(text.contains("\nverified: 2026-11-23\n"), "verified is today (SOURCE_DATE_EPOCH)")
        #expect(text.contains("\ndraft: true\n"), "placeholders never reach the site")
        let checked = try check(guide)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.isEmpty, "no warning either: \(checked.stdout)")
    }

    @Test func refusesAnIDThatExistsAnywhere() throws {
        let existing = FixtureGuide.entry()
        let guide = try guide(["entries/kaede/hidamari.md": existing])
        defer { guide.remove() }
        let run = try BookmarkBinary.run(["new", "ibasho", "hidamari", "--area", "sakura"], in: guide.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("すでに"), "\(run.stderr)")
        #expect(run.stderr.contains("entries/kaede/hidamari.md"))
        #expect(!FileManager.default.fileExists(atPath: guide.content.appendingPathComponent("entries/sakura/hidamari.md").path))
        let kept = try String(contentsOf: guide.content.appendingPathComponent("entries/kaede/hidamari.md"), encoding: .utf8)
        #expect(kept == existing)
    }

    @Test(arguments: [
        (["new", "ibasho", "Sakura_Salon", "--area", "sakura"], "id"),
        (["new", "ibasho", "さくらサロン", "--area", "sakura"], "id"),
        (["new", "cafe", "salon", "--area", "sakura"], "種類"),
        (["new", "ibasho", "salon", "--area", "nowhere"], "エリア"),
        (["new", "ibasho", "salon", "--area", "nationwide"], "オンライン"),
    ])
    func refusesBadArgumentsWithAJapaneseMessage(arguments: [String], word: String) throws {
        let guide = try guide()
        defer { guide.remove() }
        let run = try BookmarkBinary.run(arguments, in: guide.root)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(word), "\(run.stderr)")
        let entries = guide.content.appendingPathComponent("entries")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: entries.path))?.isEmpty ?? true)
    }
}
