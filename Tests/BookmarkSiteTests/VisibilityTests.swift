import BookmarkTesting
import Testing

/// Drafts, expired entries and paper-only (`publish.web: false`) entries appear in no file of
/// the site: no page, search data, export, feed or sitemap.
@Suite struct VisibilityTests {
    @Test func hiddenEntriesAppearInNoFile() throws {
        let site = try BuiltSite(entries: [
            "shown": FixtureGuide.entry(["name": "みえる窓口", "kana": "みえるまどぐち"]),
            "draft-entry": FixtureGuide.entry(["name": "したがき窓口", "kana": "したがき", "draft": "true"]),
            "expired-entry": FixtureGuide.entry(["name": "おわった窓口", "kana": "おわった", "until": "2026-10-31"]),
            "paper-only": FixtureGuide.entry(
                ["name": "かみだけ家族会", "kana": "かみだけ", "publish": "{web: false, booklet: true}"]),
        ])
        #expect(site["entries/shown/index.html"] != nil)
        for (path, text) in site.allFiles where !path.hasPrefix("assets/") {
            for hidden in ["draft-entry", "したがき窓口", "expired-entry", "おわった窓口", "paper-only", "かみだけ家族会"] {
                #expect(!text.contains(hidden), "\(hidden) in \(path)")
                #expect(!path.contains(hidden), "\(path)")
            }
        }
        #expect(site["search/records/0.js"]?.contains("みえる窓口") == true)
        #expect(site["data/entries.csv"]?.contains("みえる窓口") == true)
    }
}
