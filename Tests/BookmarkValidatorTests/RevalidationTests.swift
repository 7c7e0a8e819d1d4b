import BookmarkLoader
import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

/// `bookmark serve` checks only the entries an edit touched; what it gets must be what a
/// whole check of the edited guide gives.
@Suite struct RevalidationTests {
    static let files = [
        "site.yml": FixtureGuide.siteYAML,
        "entries/sakura/a-soudan.md": FixtureGuide.entry(["name": "あおぞら相談室", "kana": "あおぞらそうだんしつ"]),
        "entries/sakura/b-soudan.md": FixtureGuide.entry(["name": "ひだまり相談室", "kana": "ひだまりそうだんしつ"]),
        "entries/kaede/c-ibasho.md": FixtureGuide.entry([
            "name": "かえで 居場所", "kana": "かえでいばしょ", "kind": "ibasho", "area": "kaede",
        ]),
    ]

    static func validate(_ guide: FixtureGuide) -> GuideValidator.Result {
        GuideValidator.validate(contentFolder: guide.content, themesFolder: nil, today: FixtureGuide.today)
    }

    /// As the pipeline does it: the load step reads the changed files again (a file that is
    /// gone means a whole check), the check step revalidates with them.
    static func revalidate(
        _ last: GuideValidator.Result, _ changed: [String], in guide: FixtureGuide, today: Day = FixtureGuide.today
    ) -> GuideValidator.Result? {
        let files = changed.map { ContentLoader.reload($0, role: .entry, contentFolder: guide.content) }
        guard files.allSatisfy({ $0 != nil }) else { return nil }
        return GuideValidator.revalidate(last, edited: files.compactMap { $0 }, today: today)
    }

    @Test(arguments: [
        FixtureGuide.entry(["name": "ひだまり相談室（新）", "kana": "ひだまりそうだんしつ"]),
        // A warning: a date far back gives a staleness note.
        FixtureGuide.entry(["name": "ひだまり相談室", "kana": "ひだまりそうだんしつ", "verified": "2020-01-01"]),
        // An error: no guide.
        FixtureGuide.entry(["name": "ひだまり相談室", "phone": "0123-45-678"]),
        // Moved to another area and renamed, so it sorts elsewhere.
        FixtureGuide.entry(["name": "わかば相談室", "kana": "わかばそうだんしつ", "area": "kaede"]),
    ])
    func anEditGivesWhatAWholeCheckGives(edited: String) throws {
        let guide = try FixtureGuide(files: Self.files)
        defer { guide.remove() }
        let last = Self.validate(guide)
        try #require(last.guide != nil, "\(last.diagnostics)")

        try guide.write("entries/sakura/b-soudan.md", edited)
        let partial = try #require(Self.revalidate(last, ["entries/sakura/b-soudan.md"], in: guide))
        let whole = Self.validate(guide)
        #expect(partial.diagnostics == whole.diagnostics)
        #expect(partial.guide?.entries == whole.guide?.entries)
        #expect(partial.guide?.site == whole.guide?.site)
        #expect((partial.guide == nil) == (whole.guide == nil))
    }

    @Test func anythingButAnEditOfAKnownEntryNeedsAWholeCheck() throws {
        let guide = try FixtureGuide(files: Self.files)
        defer { guide.remove() }
        let last = Self.validate(guide)

        try guide.write("entries/sakura/d-new.md", FixtureGuide.entry())
        #expect(Self.revalidate(last, ["entries/sakura/d-new.md"], in: guide) == nil, "an added file")
        try FileManager.default.removeItem(at: guide.content.appendingPathComponent("entries/sakura/a-soudan.md"))
        #expect(Self.revalidate(last, ["entries/sakura/a-soudan.md"], in: guide) == nil, "a removed file")
        #expect(Self.revalidate(last, ["site.yml"], in: guide) == nil, "site.yml")
        #expect(Self.revalidate(last, [], in: guide) == nil, "nothing named")
        #expect(Self.revalidate(last, ["entries/kaede/c-ibasho.md"], in: guide,
                                today: Day(year: 2026, month: 11, day: 24)!) == nil, "another day")

        let broken = GuideValidator.Result(guide: nil, diagnostics: last.diagnostics)
        #expect(Self.revalidate(broken, ["entries/kaede/c-ibasho.md"], in: guide) == nil, "after a check with errors")
    }
}
