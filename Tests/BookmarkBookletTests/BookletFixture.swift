import BookmarkModel
import BookmarkSite
import BookmarkTemplates
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkBooklet

/// A small guide with two editions, read and checked as the CLI does.
///
/// Areas: さくら市 (edition `sakura`, A6) next to かえで町; とおい村 far away (edition `tooi`,
/// JIS B6). Entries named after what they show: `paper-only` is `publish.web: false`,
/// `draft`, `expired` and `web-only` must never be printed.
struct BookletFixture {
    let guide: Guide
    let theme: Theme

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themesFolder = repository.appendingPathComponent("themes")

    static let siteYAML = """
        title: テスト市の地域資源ブックマーク
        base_url: https://example.org/test/
        corrections: https://example.org/form
        areas:
          - id: sakura
            name: さくら市
            kana: さくらし
            neighbors: [kaede]
          - id: kaede
            name: かえで町
            kana: かえでまち
            neighbors: [sakura]
          - id: tooi
            name: とおい村
            kana: とおいむら
        editions:
          - id: sakura
            title: さくら市版
            areas: [sakura]
            paper: A6
            issued: 2026-04-01
          - id: tooi
            title: とおい村版
            areas: [tooi]
            paper: B6
            issued: 2026-04-01
        """

    /// id → (name, kana, kind, area, extra lines)
    static let entries: [String: [String: String?]] = [
        "sakura-soudan": ["name": "さくら市 ひきこもり相談窓口", "kana": "さくらし ひきこもりそうだんまどぐち",
                          "url": "https://example.org/sakura/soudan"],
        "sakura-center": ["name": "架空県 地域支援センター", "kana": "かくうけん ちいきしえんせんたー",
                          "anonymous": "true", "outside_residents": "true"],
        "sakura-ibasho": ["name": "居場所 ひだまり", "kana": "いばしょ ひだまり", "kind": "ibasho",
                          "reservation": "not_required", "gender": "women"],
        "kaede-ibasho": ["name": "かえで町 みんなの畑", "kana": "かえでまち みんなのはたけ", "kind": "ibasho",
                         "area": "kaede"],
        "kaede-online": ["name": "かえで町 オンライン部屋", "kana": "かえでまち おんらいんべや", "kind": "online",
                         "area": "kaede", "address": nil, "methods": "[video]"],
        "tooi-soudan": ["name": "とおい村 なんでも相談", "kana": "とおいむら なんでもそうだん", "area": "tooi"],
        "tooi-ibasho": ["name": "とおい村 えんがわ", "kana": "とおいむら えんがわ", "kind": "ibasho", "area": "tooi"],
        "yoru-dial": ["name": "よるのダイヤル", "kana": "よるのだいやる", "kind": "online", "area": "nationwide",
                      "address": nil, "phone": "0120-00-0000",
                      "hours": "[{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]"],
        "paper-only": ["name": "かみだけ家族会", "kana": "かみだけかぞくかい", "kind": "ibasho",
                       "publish": "{web: false, booklet: true}"],
        "web-only": ["name": "ウェブだけの会", "kana": "うぇぶだけのかい", "kind": "ibasho",
                     "publish": "{web: true, booklet: false}"],
        "draft": ["name": "下書きの窓口", "kana": "したがきのまどぐち", "draft": "true"],
        "expired": ["name": "終わった窓口", "kana": "おわったまどぐち", "until": "2026-06-30"],
    ]

    init(entries: [String: [String: String?]] = Self.entries, body: String = "ご本人やご家族の相談を受け付けています。") throws {
        var files = ["site.yml": Self.siteYAML]
        for (id, fields) in entries { files["entries/\(id).md"] = FixtureGuide.entry(fields, body: body) }
        let fixture = try FixtureGuide(files: files)
        defer { fixture.remove() }
        let result = GuideValidator.validate(
            contentFolder: fixture.content, themesFolder: Self.themesFolder, today: FixtureGuide.today)
        guide = try #require(result.guide, "fixture has errors: \(result.diagnostics)")
        theme = try Theme.load(themesFolder: Self.themesFolder, name: "default")
    }

    func edition(_ id: String) throws -> Edition {
        try #require(guide.site.editions.first { $0.id == id })
    }

    func html(_ id: String, _ variant: BookletVariant) throws -> String {
        try BookletBuilder(guide: guide, theme: theme).html(edition: edition(id), variant: variant)
    }
}
