import BookmarkMarkdown
import BookmarkModel
import Testing

@Suite struct MarkdownRendererTests {
    func render(_ body: String) -> RenderedMarkdown { MarkdownRenderer.render(body, file: "a.md", firstLine: 10) }

    @Test func softBreakBetweenJapaneseBecomesNothing() {
        #expect(render("ご本人や\nご家族の相談").html == "<p>ご本人やご家族の相談</p>\n")
    }

    @Test func softBreakBetweenLatinWordsStays() {
        #expect(render("open\ndaily").html == "<p>open\ndaily</p>\n")
    }

    @Test func rawHTMLIsDroppedWithAWarning() {
        let result = render("相談<script>alert(1)</script>です\n\n<div onclick=x>block</div>")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<div"))
        #expect(!result.html.contains("raw HTML omitted"))
        #expect(result.diagnostics.filter { $0.code == .markdownRawHTML }.count == 3)
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://x"])
    func unsafeLinksBecomeText(_ url: String) {
        let result = render("[ここ](\(url))")
        #expect(!result.html.contains("href"))
        #expect(result.html.contains("ここ"))
        #expect(result.diagnostics.map(\.code) == [.markdownLinkScheme])
        #expect(result.diagnostics.first?.line == 10)
    }

    @Test(arguments: ["https://example.org/a", "mailto:a@example.org", "tel:0123456789", "../about/", "#top"])
    func safeLinksStay(_ url: String) {
        let result = render("[ここ](\(url))")
        #expect(result.html.contains("href=\"\(url)\""))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func imagesAreNeverLoaded() {
        let result = render("![会場の写真](https://tracker.example.com/a.png)")
        #expect(!result.html.contains("<img"))
        #expect(result.html.contains("会場の写真"))
        #expect(result.diagnostics.map(\.code) == [.markdownImage])
    }

    @Test func emphasisNextToJapanesePunctuationIsReported() {
        let result = render("一行目\nこれは**「重要」**です。")
        let d = result.diagnostics.first
        #expect(d?.code == .markdownEmphasis)
        #expect(d?.line == 11)
        #expect(d?.column == 4)
    }

    @Test func workingEmphasisIsNotReported() {
        let result = render("これは **「重要」** です。")
        #expect(result.html.contains("<strong>「重要」</strong>"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func gfmTablesStrikethroughAndTasks() {
        let html = render("| 曜日 | 時間 |\n|---|---|\n| 月 | 10時 |\n\n~~休止~~\n\n- [x] 予約").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>休止</del>"))
        #expect(html.contains("checkbox"))
    }

    @Test func plainTextForSearch() {
        #expect(render("**大事な**お知らせ").text.trimmingCharacters(in: .whitespacesAndNewlines) == "大事なお知らせ")
    }
}
