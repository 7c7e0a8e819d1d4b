import BookmarkTesting
import Foundation
import Testing

/// What every page must hold, and what each way in lists.
@Suite struct PageTests {
    static let siteYAML = FixtureGuide.siteYAML.replacingOccurrences(
        of: "base_url: https://example.org/test/",
        with: "base_url: https://example.org/test/\ncorrections: https://example.org/form")

    static func site() throws -> BuiltSite {
        try BuiltSite(
            entries: [
                "sakura-soudan": FixtureGuide.entry(["phone": "[0123-45-6789, \"#7119\"]", "email": "soudan@example.org"]),
                "kaede-ibasho": FixtureGuide.entry([
                    "name": "かえで 居場所カフェ", "kana": "かえでいばしょかふぇ", "kind": "ibasho", "area": "kaede",
                    "for": "[person]", "verified": "2025-01-10", "notice": "会場が変わりました",
                ]),
                "tooi-kazoku": FixtureGuide.entry([
                    "name": "とおい村 家族会", "kana": "とおいむらかぞくかい", "kind": "ibasho", "area": "tooi",
                    "for": "[family]",
                ]),
                "zenkoku-line": FixtureGuide.entry([
                    "name": "全国 夜の電話", "kana": "ぜんこくよるのでんわ", "kind": "online", "area": "nationwide",
                    "for": "[anyone]", "address": nil, "phone": "0120-000-000",
                    "hours": "[{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]",
                ]),
            ],
            siteYAML: siteYAML,
            pages: ["about": "---\ntitle: このガイドについて\n---\nこのガイドは…\n"])
    }

    @Test func everyPageIsJapaneseWithLandmarksAndSkipLink() throws {
        let site = try Self.site()
        #expect(site.htmlPages.count >= 15)
        for (path, text) in site.htmlPages {
            #expect(text.contains("<html lang=\"ja\">"), "\(path)")
            for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer", "href=\"#main\""] {
                #expect(text.contains(landmark), "\(landmark) in \(path)")
            }
        }
    }

    @Test func phonesAreTelLinksAndMailIsMailto() throws {
        let page = try #require(try Self.site()["entries/sakura-soudan/index.html"])
        #expect(page.contains("href=\"tel:0123456789\""))
        #expect(page.contains("href=\"tel:%237119\""))
        #expect(page.contains("href=\"mailto:soudan@example.org\""))
        let home = try #require(try Self.site()["index.html"])
        #expect(home.contains("href=\"tel:0120000000\""))
    }

    @Test func nothingIsLoadedFromAnotherHost() throws {
        let site = try Self.site()
        let externalSource = try Regex(#"(src|srcset|poster|data)\s*=\s*["']?\s*(https?:)?//"#)
        let externalStylesheet = try Regex(#"<link[^>]*href="(https?:)?//"#)
        for (path, text) in site.htmlPages {
            #expect(text.firstMatch(of: externalSource) == nil, "\(path)")
            #expect(text.firstMatch(of: externalStylesheet) == nil, "\(path)")
            #expect(!text.contains("<iframe"), "\(path)")
        }
        for (path, text) in site.allFiles where path.hasSuffix(".css") {
            #expect(!text.contains("@import"), "\(path)")
            #expect(text.firstMatch(of: try Regex(#"url\(\s*["']?(https?:)?//"#)) == nil, "\(path)")
        }
        for (path, text) in site.allFiles where path.hasSuffix(".js") {
            #expect(!text.contains("http://") && !text.contains("https://"), "\(path)")
        }
    }

    @Test func areaPageListsOwnThenLinksToNeighboursAndNationwide() throws {
        let site = try Self.site()
        let page = try #require(site["areas/sakura/index.html"])
        let own = try #require(page.range(of: "さくら市 ひきこもり相談窓口"))
        let neighbours = try #require(page.range(of: "近隣エリア"))
        // Neighbours and nationwide services are links with counts, not their entries.
        let neighbour = try #require(page.range(of: #"<a href="../../areas/kaede/index.html"><span class="way-title">かえで町</span> <span class="count">1件</span>"#))
        let nationwide = try #require(page.range(of: #"<a href="../../lists/nationwide/index.html">全国から使えるサービスを見る（1件）</a>"#))
        #expect(own.lowerBound < neighbours.lowerBound)
        #expect(neighbours.lowerBound < neighbour.lowerBound)
        #expect(neighbour.lowerBound < nationwide.lowerBound)
        #expect(!page.contains("かえで 居場所カフェ"))
        #expect(!page.contains("とおい村 家族会"))
        #expect(site["lists/nationwide/index.html"]?.contains("全国 夜の電話") == true)
        // The printable list still holds the neighbours' entries and the nationwide lines.
        let sheet = try #require(site["areas/sakura/print/index.html"])
        #expect(sheet.contains("assets/css/sheet.css"))
        #expect(sheet.contains("かえで 居場所カフェ") && sheet.contains("全国 夜の電話"))
    }

    @Test func kindAndAudiencePagesAreWaysInByAreaWithCounts() throws {
        let site = try Self.site()
        let kind = try #require(site["kinds/ibasho/index.html"])
        #expect(kind.contains(#"<a href="../../kinds/ibasho.area-kaede/index.html"><span class="way-title">かえで町</span> <span class="count">1件</span>"#))
        #expect(kind.contains(#"<a href="../../kinds/ibasho.all/index.html">すべてを五十音順に見る（2件）</a>"#))
        #expect(!kind.contains("かえで 居場所カフェ"))
        #expect(site["kinds/ibasho.area-kaede/index.html"]?.contains("かえで 居場所カフェ") == true)
        #expect(site["kinds/ibasho.area-sakura/index.html"] == nil)
        #expect(site["kinds/online.nationwide/index.html"]?.contains("全国 夜の電話") == true)
        let all = try #require(site["kinds/ibasho.all/index.html"])
        let first = try #require(all.range(of: "かえで 居場所カフェ"))
        let second = try #require(all.range(of: "とおい村 家族会"))
        #expect(first.lowerBound < second.lowerBound)
        // Areas under their prefecture.
        let family = try #require(site["for/family/index.html"])
        #expect(family.contains("<h3>別県</h3>") && family.contains("for/family.area-tooi/index.html"))
    }

    @Test func anyoneEntriesAppearForEveryAudience() throws {
        let site = try Self.site()
        for audience in ["person", "family", "supporter"] {
            #expect(site["for/\(audience).nationwide/index.html"]?.contains("全国 夜の電話") == true, "\(audience)")
            #expect(site["for/\(audience).all/index.html"]?.contains("全国 夜の電話") == true, "\(audience)")
        }
        #expect(site["for/family.area-tooi/index.html"]?.contains("とおい村 家族会") == true)
        #expect(site["for/person.area-tooi/index.html"] == nil)
        #expect(site["for/person.all/index.html"]?.contains("とおい村 家族会") == false)
    }

    /// 120 entries in one area: its page and its lists are cut into pages of 50, joined by
    /// plain links, and every entry is on exactly one page of each list.
    @Test func longListsArePagedWithPlainLinks() throws {
        var entries: [String: String] = [:]
        for number in 0..<120 {
            let id = "e\(number)"
            entries[id] = FixtureGuide.entry([
                "name": "さくら 場所\(number)", "kana": "さくら ばしょ \(1000 + number)",
                "kind": number % 2 == 0 ? "consultation" : "ibasho",
            ])
        }
        let site = try BuiltSite(entries: entries)
        let pages = ["areas/sakura/index.html", "areas/sakura.2/index.html", "areas/sakura.3/index.html"]
        var seen: [String: Int] = [:]
        for path in pages {
            let page = try #require(site[path], "\(path)")
            #expect(page.components(separatedBy: #"<li class="card">"#).count - 1 <= 50, "\(path)")
            for number in 0..<120 where page.contains(">さくら 場所\(number)</a>") { seen["\(number)", default: 0] += 1 }
            #expect(page.contains(#"<nav class="pager" aria-label="ページ（"#), "\(path)")
        }
        #expect(seen.count == 120 && seen.values.allSatisfy { $0 == 1 })
        #expect(site["areas/sakura.4/index.html"] == nil)
        let second = try #require(site["areas/sakura.2/index.html"])
        #expect(second.contains(#"<a href="../../areas/sakura/index.html" rel="prev">前のページ</a>"#))
        #expect(second.contains(#"<a href="../../areas/sakura.3/index.html" rel="next">次のページ</a>"#))
        #expect(second.contains(#"<span aria-current="page">2</span>"#))
        #expect(site["kinds/consultation.area-sakura.2/index.html"] != nil)
        #expect(site["kinds/consultation.area-sakura.3/index.html"] == nil)
        // Every page is in the sitemap.
        let sitemap = try #require(site["sitemap.xml"])
        #expect(sitemap.contains("https://example.org/test/areas/sakura.3/"))
        #expect(sitemap.contains("https://example.org/test/kinds/consultation.area-sakura.2/"))
    }

    @Test func entryPageTellsEveryFieldAndStaleness() throws {
        let site = try Self.site()
        let fresh = try #require(site["entries/sakura-soudan/index.html"])
        for text in ["予約</dt><dd>予約優先", "費用</dt><dd>無料", "最終確認日", "2026年4月1日",
                     "https://www.openstreetmap.org/search?query=%E6%9E%B6", "https://example.org/form?entry=sakura-soudan"] {
            #expect(fresh.contains(text), "\(text)")
        }
        #expect(!fresh.contains("class=\"stale\""))
        let stale = try #require(site["entries/kaede-ibasho/index.html"])
        #expect(stale.contains("class=\"stale\""))
        #expect(stale.contains("class=\"notice\""))
        #expect(stale.contains("会場が変わりました"))
    }

    @Test func linksAreRelativeToEachPage() throws {
        let site = try Self.site()
        #expect(site["entries/sakura-soudan/index.html"]?.contains("href=\"../../assets/css/site.css\"") == true)
        #expect(site["index.html"]?.contains("href=\"entries/zenkoku-line/index.html\"") == true)
        #expect(site["areas/sakura/print/index.html"]?.contains("href=\"../../../assets/css/site.css\"") == true)
        #expect(site["404.html"]?.contains("href=\"/test/assets/css/site.css\"") == true)
    }

    @Test func freePagesAndSearchPageExist() throws {
        let site = try Self.site()
        #expect(site["pages/about/index.html"]?.contains("このガイドは") == true)
        let search = try #require(site["search/index.html"])
        #expect(search.contains("<noscript>"))
        #expect(search.contains("href=\"../kinds/consultation/index.html\""))
        // The area filter: 全国 first, then the areas under their prefecture.
        #expect(search.contains("<option value=\"\">すべて</option>\n<option value=\"nationwide\">全国</option>\n<optgroup label=\"架空県\">\n<option value=\"sakura\">さくら市</option>"))
    }
}
