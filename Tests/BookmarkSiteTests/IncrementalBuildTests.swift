import BookmarkModel
import BookmarkOutput
import BookmarkTemplates
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkSite

/// `bookmark serve` rebuilds only what an edit touched; the site it ends up with must be the
/// one a full build of the edited guide gives, byte for byte.
@Suite struct IncrementalBuildTests {
    static let entries = [
        "sakura-soudan": FixtureGuide.entry([:]),
        "kaede-ibasho": FixtureGuide.entry([
            "name": "かえで 居場所カフェ", "kana": "かえでいばしょかふぇ", "kind": "ibasho", "area": "kaede",
        ]),
        "zenkoku-line": FixtureGuide.entry([
            "name": "全国 夜の電話", "kana": "ぜんこくよるのでんわ", "kind": "online", "area": "nationwide",
            "for": "[anyone]", "address": nil, "phone": "0120-000-000",
        ]),
    ]

    static func guide(_ fixture: FixtureGuide) throws -> Guide {
        let result = GuideValidator.validate(
            contentFolder: fixture.content, themesFolder: BuiltSite.themesFolder, today: FixtureGuide.today)
        return try #require(result.guide, "\(result.diagnostics)")
    }

    static func render(_ pages: [SitePage]) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try pages.map { ($0.path, try $0.contents()) })
    }

    @Test(arguments: [
        ("entries/sakura/sakura-soudan.md", ["name": "さくら市 こもれび相談室", "verified": "2026-10-01"]),
        ("entries/nationwide/zenkoku-line.md", [
            "name": "全国 夜の電話（新）", "kana": "ぜんこくよるのでんわ", "kind": "online", "area": "nationwide",
            "for": "[anyone]", "address": nil, "phone": "0120-111-111",
        ]),
    ] as [(String, [String: String?])])
    func anEditRebuildsWhatAFullBuildWould(path: String, fields: [String: String?]) throws {
        var files = ["site.yml": FixtureGuide.siteYAML]
        for (id, text) in Self.entries {
            let folder = id.hasPrefix("zenkoku") ? "nationwide" : id.hasPrefix("kaede") ? "kaede" : "sakura"
            files["entries/\(folder)/\(id).md"] = text
        }
        let fixture = try FixtureGuide(files: files)
        defer { fixture.remove() }
        let theme = try Theme.load(themesFolder: BuiltSite.themesFolder, name: "default")
        let memory = SiteMemory()

        let first = try SiteBuilder(guide: Self.guide(fixture), theme: theme).pages(memory: memory)
        #expect(first.changed == nil, "the first build is a full one")
        var served = try Self.render(first.pages)

        try fixture.write(path, FixtureGuide.entry(fields))
        let edited = try Self.guide(fixture)
        let second = try SiteBuilder(guide: edited, theme: theme).pages(memory: memory)
        let changed = try #require(second.changed)
        #expect(changed.count == 2, "the old and the new version of the one edited entry")
        #expect(second.pages.count < first.pages.count)
        served.merge(try Self.render(second.pages)) { $1 }

        let full = try Self.render(try SiteBuilder(guide: edited, theme: theme).pages())
        #expect(served.keys.sorted() == full.keys.sorted())
        for (file, bytes) in full { #expect(served[file] == bytes, "\(file) differs from a full build") }
    }

    /// An edit that empties the last page of a list (here the 51st 居場所 of かえで becomes a
    /// 相談窓口: 2 pages → 1) changes which files the site has: every page is made again and
    /// the preview, swapped whole, has no stale second page; the sitemap loses it too.
    @Test func anEditThatDropsAListPageRebuildsEverything() throws {
        var files = ["site.yml": FixtureGuide.siteYAML]
        func ibasho(_ n: Int, kind: String = "ibasho") -> String {
            FixtureGuide.entry(["name": "かえで 居場所\(n)", "kana": "かえでいばしょ\(n)", "kind": kind, "area": "kaede"])
        }
        for n in 0...PagedLists.entriesPerPage { files["entries/kaede/ibasho-\(n).md"] = ibasho(n) }
        let fixture = try FixtureGuide(files: files)
        defer { fixture.remove() }
        let theme = try Theme.load(themesFolder: BuiltSite.themesFolder, name: "default")
        let memory = SiteMemory()
        let secondPage = "kinds/ibasho.area-kaede.2/index.html"

        let first = try SiteBuilder(guide: Self.guide(fixture), theme: theme).pages(memory: memory)
        #expect(first.pages.contains { $0.path == secondPage })

        try fixture.write("entries/kaede/ibasho-7.md", ibasho(7, kind: "consultation"))
        let edited = try Self.guide(fixture)
        let second = try SiteBuilder(guide: edited, theme: theme).pages(memory: memory)
        #expect(second.changed == nil, "a full build, written as one swap")
        let served = try Self.render(second.pages)
        let full = try Self.render(try SiteBuilder(guide: edited, theme: theme).pages())
        #expect(served == full)
        #expect(served[secondPage] == nil)
        let sitemap = String(decoding: try #require(served["sitemap.xml"]), as: UTF8.self)
        #expect(!sitemap.contains("ibasho.area-kaede.2"))

        // The next edit, which keeps every page, is again a small one.
        try fixture.write("entries/kaede/ibasho-8.md", FixtureGuide.entry([
            "name": "かえで 居場所8（改）", "kana": "かえでいばしょ8", "kind": "ibasho", "area": "kaede",
        ]))
        let third = try SiteBuilder(guide: Self.guide(fixture), theme: theme).pages(memory: memory)
        #expect(third.changed?.count == 2)
    }
}
