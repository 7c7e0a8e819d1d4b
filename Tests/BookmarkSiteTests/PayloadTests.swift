import BookmarkTesting
import Foundation
import Testing

@testable import BookmarkSite

/// Text from editors is text: whatever an entry holds, it never becomes markup or a script.
@Suite struct PayloadTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"

    static func site() throws -> BuiltSite {
        try BuiltSite(entries: [
            "payload": FixtureGuide.entry(
                [
                    "name": "'\(script)'",
                    "kana": "ぺいろーど",
                    "notice": "'\(attribute)'",
                    "address": "'\(script) 中央1-2-3'",
                    "access": "'</script><script>alert(2)</script>'",
                    "operator": "'\(attribute)'",
                    "tags": "['\(script)']",
                    "hours_note": "'\(attribute)'",
                ],
                body: "本文 \(script) と \(attribute) と [リンク](javascript:alert(1)) と <img src=x onerror=alert(1)>"),
            "spreadsheet": FixtureGuide.entry(["name": "'=HYPERLINK(\"http://x\")'", "kana": "すぷれっど"]),
        ])
    }

    @Test func htmlPagesHoldNoInjectedMarkup() throws {
        let site = try Self.site()
        // An event handler inside a tag; escaped text (`&lt;img … onerror=…`) holds no `<`.
        let handlerInTag = try Regex("<[^>]*onerror")
        for (path, text) in site.htmlPages {
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<img"), "\(path)")
            #expect(text.firstMatch(of: handlerInTag) == nil, "\(path)")
            #expect(!text.lowercased().contains("href=\"javascript:"), "\(path)")
            #expect(!text.contains("</script><script>"), "\(path)")
        }
    }

    @Test func entryPageShowsThePayloadAsEscapedText() throws {
        let page = try #require(try Self.site()["entries/payload/index.html"])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The only script element is the JSON-LD block, with < and > escaped inside it.
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(page.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
    }

    @Test func feedAndSitemapStayWellFormedText() throws {
        let site = try Self.site()
        let feed = try #require(site["feed.xml"])
        #expect(!feed.contains("<script"))
        #expect(!feed.contains("<img"))
        #expect(feed.contains("&lt;script&gt;"))
    }

    @Test func spreadsheetFormulasAreDefused() throws {
        let csv = try #require(try Self.site()["data/entries.csv"])
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }

    @Test func scriptBlockJSONEscapesAngleBracketsAndAmpersands() throws {
        let text = try JSONText.forScriptBlock(["name": "</script><b>&</b>\u{2028}"])
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(text == #"{"name":"\u003c/script\u003e\u003cb\u003e\u0026\u003c/b\u003e\u2028"}"#)
    }

    @Test func onlyWebSchemesBecomeLinks() {
        #expect(ExternalLink.web("javascript:alert(1)") == nil)
        #expect(ExternalLink.web(" JAVASCRIPT:alert(1)") == nil)
        #expect(ExternalLink.web("data:text/html,<b>") == nil)
        #expect(ExternalLink.web("https://example.org/a") == "https://example.org/a")
        #expect(ExternalLink.mail("a@example.org?bcc=b@example.org") == nil)
        #expect(ExternalLink.mail("a@example.org") == "mailto:a@example.org")
        #expect(ExternalLink.mail("a@example.org\r\nBcc: b@example.org") == nil, "CR LF is one Character")
        #expect(ExternalLink.mail("a@example.org\"\u{301}") == nil, "a quote with a combining mark")
        #expect(ExternalLink.web("HTTPS://example.org/") == "HTTPS://example.org/")
        #expect(ExternalLink.corrections("MAILTO:a@example.org", entryID: "x", entryName: "窓口")?.hasPrefix("MAILTO:a@example.org?subject=") == true)
    }

    /// Query values are encoded by bytes as Foundation encodes them.
    @Test func queryValuesAreEncodedAsFoundationDoes() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        var random = SplitMix(seed: 7)
        let pieces = ["中央", "1-2", " ", "&", "?", "#", "%", "+", "~", "._", "é", "e\u{301}", "👩‍👩‍👧", "\u{0}", "ｱ", "/", "=", "A", "z", "9"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(ExternalLink.encodeQueryValue(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text)")
        }
    }
}
