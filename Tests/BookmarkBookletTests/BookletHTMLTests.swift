import Foundation
import Testing

@testable import BookmarkBooklet

@Suite struct BookletHTMLTests {
    @Test func webCopyLeavesOutPaperOnlyEntriesAndHasNoBleed() throws {
        let fixture = try BookletFixture()
        let web = try fixture.html("sakura", .web)
        let print = try fixture.html("sakura", .print)
        #expect(!web.contains("かみだけ家族会"))
        #expect(print.contains("かみだけ家族会"))
        #expect(web.contains("size: 105mm 148mm; }"))
        #expect(print.contains("size: 105mm 148mm; bleed: 3mm; }"))
        #expect(try fixture.html("sakura", .imposition).contains("size: 105mm 148mm; }"))
    }

    @Test func jisB6IsWrittenInMillimetres() throws {
        #expect(try BookletFixture().html("tooi", .web).contains("size: 128mm 182mm;"))
    }

    @Test func japaneseDocumentWithUniqueAnchors() throws {
        let html = try BookletFixture().html("sakura", .print)
        #expect(html.contains("<html lang=\"ja\">"))
        let ids = matches(of: #" id="([^"]+)""#, in: html)
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "repeated: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        // Every internal link of the contents and the index points at an anchor.
        for target in matches(of: ##"href="#([^"]+)""##, in: html) {
            #expect(ids.contains(target), "no anchor \(target)")
        }
    }

    @Test func everyFontFamilyStartsWithAJapaneseFace() throws {
        let html = try BookletFixture().html("sakura", .web)
        let families = matches(of: #"font-family:\s*([^;]+);"#, in: html)
        #expect(families.count >= 3)  // the page and both margin boxes
        for family in families {
            #expect(family.hasPrefix("\"BIZ UD"), "\(family)")
        }
    }

    @Test func cardsCarryMarksPhoneAndQRCode() throws {
        let html = try BookletFixture().html("sakura", .web)
        #expect(html.contains("<span class=\"mark mark-women\">女性限定</span>"))
        #expect(html.contains("<span class=\"mark mark-anonymous\">匿名可</span>"))
        #expect(html.contains("<span class=\"mark mark-online\">オンライン</span>"))
        #expect(html.contains("0123-45-6789"))
        // One code per entry with a url, and one for the site on the last page: images whose
        // alternative text says what they open and the address (PDF/UA carries `alt`, not
        // the aria-label of inline SVG).
        #expect(html.components(separatedBy: "<img class=\"qr\"").count - 1 == 2)
        #expect(html.contains("alt=\"QRコード: さくら市 ひきこもり相談窓口のウェブページを開きます（https://example.org/sakura/soudan）\""))
        #expect(html.contains("alt=\"QRコード: このガイドのウェブサイトを開きます（https://example.org/test/）\""))
        #expect(html.contains("src=\"data:image/png;base64,"))
        #expect(!html.contains("<svg"))
        // The address under the card, without the scheme nobody types.
        #expect(html.contains("<span class=\"card-address\">example.org/sakura/soudan</span>"))
        #expect(html.contains("target-counter(attr(href), page)"))
    }

    @Test func buildWritesTheWebCopyOfEveryEdition() throws {
        let fixture = try BookletFixture()
        let files = try BookletBuilder(guide: fixture.guide, theme: fixture.theme).htmlFiles()
        #expect(files.map(\.path) == ["booklet/sakura.html", "booklet/tooi.html"])
        #expect(try files.allSatisfy { !String(decoding: try $0.contents, as: UTF8.self).contains("かみだけ家族会") })
    }

    func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }
}
