import BookmarkTemplates
import BookmarkTesting
import Foundation
import Testing

@testable import BookmarkSite

/// sitemap, robots, feed, open data and JSON-LD.
@Suite struct MachineReadableTests {
    @Test func sitemapAndRobotsUseBaseURL() throws {
        let site = try PageTests.site()
        let sitemap = try #require(site["sitemap.xml"])
        #expect(sitemap.hasPrefix("<?xml"))
        #expect(sitemap.contains("<loc>https://example.org/test/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/test/entries/sakura-soudan/</loc><lastmod>2026-04-01</lastmod>"))
        #expect(!sitemap.contains("404"))
        #expect(!sitemap.contains("/print/"))
        #expect(site["robots.txt"]?.contains("Sitemap: https://example.org/test/sitemap.xml") == true)
    }

    /// Past 50,000 pages sitemap.xml is an index of parts of 50,000 (here parts of 3).
    @Test func aLargeSitemapIsSplitIntoParts() throws {
        let fixture = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/sakura/a.md": FixtureGuide.entry()])
        defer { fixture.remove() }
        let theme = try Theme.load(themesFolder: BuiltSite.themesFolder, name: "default")
        let builder = try SiteBuilder(guide: IncrementalBuildTests.guide(fixture), theme: theme)
        let routes = try builder.pages().map(\.route)
        let all = try #require(builder.sitemapValues(routes: routes)["urls"] as? [[String: Any]]).map { $0["loc"] as? String }
        let second = try #require(builder.sitemapValues(routes: routes, part: 2, perPart: 3)["urls"] as? [[String: Any]])
        #expect(all.count > 6)
        #expect(second.map { $0["loc"] as? String } == Array(all[3..<6]))
        let index = String(decoding: builder.sitemapIndex(parts: 2), as: UTF8.self)
        #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(index.contains("<sitemap><loc>https://example.org/test/sitemaps/1.xml</loc></sitemap>\n<sitemap><loc>https://example.org/test/sitemaps/2.xml</loc></sitemap>\n</sitemapindex>"))
        #expect(SiteBuilder.sitemapURLs == 50_000)
    }

    @Test func feedDatesComeFromVerified() throws {
        let feed = try #require(try PageTests.site()["feed.xml"])
        #expect(feed.contains("<updated>2026-04-01T00:00:00+09:00</updated>"))
        #expect(feed.contains("<updated>2025-01-10T00:00:00+09:00</updated>"))
        let dates = feed.matches(of: try Regex(#"<updated>([^<]+)</updated>"#)).map { String(feed[$0.range]) }
        #expect(dates.allSatisfy { $0.contains("2026-04-01") || $0.contains("2025-01-10") })
    }

    @Test func entryPageHasJSONLDWithTelephoneAndAddress() throws {
        let page = try #require(try PageTests.site()["entries/sakura-soudan/index.html"])
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))
        let object = try #require(json as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        let provider = try #require(object["provider"] as? [String: Any])
        #expect(provider["telephone"] as? String == "0123-45-6789")
        let address = try #require(provider["address"] as? [String: Any])
        #expect(address["streetAddress"] as? String == "架空県さくら市中央1-2-3")
    }

    @Test func openDataHasTheDocumentedColumns() throws {
        let site = try PageTests.site()
        let csv = try #require(site["data/entries.csv"])
        #expect(csv.hasPrefix("\u{FEFF}id,name,kana,kind,"))
        #expect(csv.contains("\r\n"))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        let json = try JSONSerialization.jsonObject(with: Data(try #require(site["data/entries.json"]).utf8))
        let rows = try #require((json as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(Set(rows[0].keys) == Set(OpenData.columns))
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSVText.field("さくら") == "さくら")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("1行目\n2行目") == "\"1行目\n2行目\"")
        #expect(CSVText.field("-1") == "'-1")
        // A quote with a combining mark after it is still a quote to a CSV reader.
        #expect(CSVText.field("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
        #expect(CSVText.document([["a", "b"]]) == "\u{FEFF}a,b\r\n")
        // Spaces at either end, and a guarded field: the `'` comes inside the quotes.
        #expect(CSVText.field(" a") == "\" a\"")
        #expect(CSVText.field("a ") == "\"a \"")
        #expect(CSVText.field("= a") == "'= a")
        #expect(CSVText.field("-a,b ") == "\"'-a,b \"")
        #expect(CSVText.field("\r\n") == "\"'\r\n\"")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("\"\"") == "\"\"\"\"\"\"")
        #expect(CSVText.field("末尾\"") == "\"末尾\"\"\"")
        #expect(CSVText.field("\"先頭\n") == "\"\"\"先頭\n\"")
        #expect(CSVText.line(["a", "", "b c"]) == "a,,b c\r\n")
    }

    /// JSON strings skip eight plain bytes at a time: on 3,000 random texts of plain and
    /// escaped pieces (quotes, backslashes, control bytes, `<>&`, U+2028/9 and other
    /// characters starting with 0xE2 such as `…`), the output is what escaping one
    /// character at a time gives, in and out of script blocks.
    @Test func jsonStringsAsEscapedOneCharacterAtATime() throws {
        func reference(_ text: String, script: Bool) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<" where script: out += "\\u003c"
                case ">" where script: out += "\\u003e"
                case "&" where script: out += "\\u0026"
                case "\u{2028}" where script: out += "\\u2028"
                case "\u{2029}" where script: out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let pieces = ["相談", "abcdefgh", "\"", "\\", "\n", "\u{1}", "\u{1f}", "<", ">", "&", "\u{2028}", "\u{2029}", "…", "—", " ", "ｱ", "😀"]
        var random = SplitMix(seed: 3)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for script in [false, true] {
                var writer = JSONWriter(forScriptBlock: script)
                writer.write(string: text)
                #expect(String(decoding: writer.bytes, as: UTF8.self) == reference(text, script: script), "\(text.debugDescription)")
            }
        }
    }
}
