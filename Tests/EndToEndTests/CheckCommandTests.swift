import BookmarkTesting
import Foundation
import Testing

/// `bookmark check` and `bookmark build` as CI and editors run them.
@Suite struct CheckCommandTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func run(_ guide: FixtureGuide, _ arguments: [String]) throws -> BookmarkBinary.Run {
        try BookmarkBinary.run(arguments + ["--themes", Self.repoRoot.appendingPathComponent("themes").path], in: guide.root)
    }

    @Test func theRepositorysOwnContentPasses() throws {
        let result = try BookmarkBinary.run(["check"], in: Self.repoRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("エラー"))
    }

    @Test func validGuideExitsZero() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry()])
        defer { guide.remove() }
        let result = try run(guide, ["check"])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func everyProblemInEveryFileInOneRunAsJSONLines() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura/a.md": FixtureGuide.entry(["phone": "0123-45-678"]),
            "entries/sakura/b.md": FixtureGuide.entry(["kind": "soudan", "kana": "漢字"]),
            "entries/sakura/c.md": "no front matter\n",
        ])
        defer { guide.remove() }
        let result = try run(guide, ["check", "--format", "json"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        var seen: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
            seen.append("\(object["file"]!):\(object["line"]!):\(object["code"]!)")
        }
        #expect(seen == [
            "entries/sakura/a.md:8:phone-invalid", "entries/sakura/b.md:3:kana-invalid",
            "entries/sakura/b.md:4:enum-invalid", "entries/sakura/c.md:1:front-matter-missing",
        ])
    }

    @Test func githubAnnotationsNameRepoPaths() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry(["phone": "012"]),
        ])
        defer { guide.remove() }
        let result = try run(guide, ["check", "--format", "github", "--content", "content"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=content/entries/sakura/a.md,line=8,col=8,title=phone-invalid::"))
    }

    @Test func textShowsTheLineAndACaret() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry(["kana": "さくら市"]),
        ])
        defer { guide.remove() }
        let result = try run(guide, ["check"])
        #expect(result.stdout.contains("content/entries/sakura/a.md:3:10: エラー[kana-invalid]"))
        #expect(result.stdout.contains(" 3 | kana: さくら市\n   |             ^"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry(["cost": nil]),
        ])
        defer { guide.remove() }
        #expect(try run(guide, ["check"]).status == 0)
        #expect(try run(guide, ["check", "--strict"]).status == 1)
    }

    @Test func crlfAndBOMFilesAreValid() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        let windows = "\u{FEFF}" + FixtureGuide.entry().replacingOccurrences(of: "\n", with: "\r\n")
        try guide.write("entries/sakura/win.md", windows)
        let result = try run(guide, ["check"])
        #expect(result.status == 0, "\(result.stdout)")
    }
}

@Suite struct BuildCommandTests {
    func run(_ guide: FixtureGuide, _ arguments: [String]) throws -> BookmarkBinary.Run {
        try BookmarkBinary.run(arguments + ["--themes", CheckCommandTests.repoRoot.appendingPathComponent("themes").path], in: guide.root)
    }

    @Test func failedBuildLeavesThePreviousOutputAsItWas() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry()])
        defer { guide.remove() }
        #expect(try run(guide, ["build"]).status == 0)
        let index = guide.output.appendingPathComponent("index.html")
        let before = try Data(contentsOf: index)

        try guide.write("entries/sakura/b.md", FixtureGuide.entry(["phone": "12"]))
        let failed = try run(guide, ["build"])
        #expect(failed.status == 1)
        #expect(try Data(contentsOf: index) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: guide.root.path)
        #expect(siblings.allSatisfy { !$0.contains("staging") }, "\(siblings)")
    }

    @Test func draftsAndExpiredEntriesAreInNoFile() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura/live.md": FixtureGuide.entry(["name": "いきている窓口"]),
            "entries/sakura/draft.md": FixtureGuide.entry(["name": "したがきの窓口", "draft": "true"]),
            "entries/sakura/gone.md": FixtureGuide.entry(["name": "おわった窓口", "until": "2026-01-31"]),
        ])
        defer { guide.remove() }
        let result = try run(guide, ["build"])
        #expect(result.status == 0, "\(result.stdout)")
        var all = ""
        let enumerator = FileManager.default.enumerator(atPath: guide.output.path)!
        while let path = enumerator.nextObject() as? String {
            if let text = try? String(contentsOf: guide.output.appendingPathComponent(path), encoding: .utf8) { all += text }
            #expect(!path.contains("draft") && !path.contains("gone"))
        }
        #expect(all.contains("いきている窓口"))
        #expect(!all.contains("したがきの窓口"))
        #expect(!all.contains("おわった窓口"))
    }

    @Test func refusesToOverwriteAFolderThatIsNotAnOutput() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry()])
        defer { guide.remove() }
        try FileManager.default.createDirectory(at: guide.output, withIntermediateDirectories: true)
        try Data("大事なファイル".utf8).write(to: guide.output.appendingPathComponent("keep.txt"))
        #expect(try run(guide, ["build"]).status == 1)
        #expect(FileManager.default.fileExists(atPath: guide.output.appendingPathComponent("keep.txt").path))
        #expect(try run(guide, ["build", "--output", "content"]).status == 1)
        #expect(try run(guide, ["build", "--force"]).status == 0)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry(),
            "entries/kaede/b.md": FixtureGuide.entry(["area": "kaede", "name": "かえで町の居場所", "kind": "ibasho"]),
        ])
        defer { guide.remove() }
        #expect(try run(guide, ["build", "--output", "one"]).status == 0)
        #expect(try run(guide, ["build", "--output", "two"]).status == 0)
        let one = try snapshot(guide.root.appendingPathComponent("one"))
        let two = try snapshot(guide.root.appendingPathComponent("two"))
        #expect(one.count > 3)
        #expect(one == two)
    }

    @Test func outputDoesNotDependOnFileOrderTimeZoneOrLocale() throws {
        let files = [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura/a.md": FixtureGuide.entry(["name": "あさひ窓口", "kana": "あさひまどぐち"]),
            "entries/sakura/b.md": FixtureGuide.entry(["name": "いずみ窓口", "kana": "いずみまどぐち"]),
            "entries/kaede/c.md": FixtureGuide.entry(["area": "kaede", "name": "うみ窓口", "kana": "うみまどぐち"]),
            "pages/about.md": "---\ntitle: このガイドについて\n---\n架空のガイドです。\n",
        ]
        let first = try FixtureGuide(files: [:])
        let second = try FixtureGuide(files: [:])
        defer { first.remove(); second.remove() }
        // The same files, created in opposite orders, so the file system lists them differently.
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try first.write(path, text) }
        for (path, text) in files.sorted(by: { $0.key > $1.key }) { try second.write(path, text) }
        let themes = CheckCommandTests.repoRoot.appendingPathComponent("themes").path
        let one = try BookmarkBinary.run(["build", "--themes", themes], in: first.root,
                                         environment: ["TZ": "Asia/Tokyo", "LANG": "ja_JP.UTF-8"])
        let two = try BookmarkBinary.run(["build", "--themes", themes], in: second.root,
                                         environment: ["TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(try snapshot(first.output) == snapshot(second.output))
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }
}
