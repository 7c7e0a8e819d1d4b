import BookmarkTesting
import Testing

@testable import BookmarkBooklet

@Suite struct BodyShortenerTests {
    @Test func shortBodyStaysWhole() {
        #expect(BodyShortener(limit: 20).shorten("短い説明です。") == "短い説明です。")
    }

    @Test func longBodyEndsAtTheLastSentenceWithinTheLimit() {
        let body = "一文目です。二文目もあります。三文目はとても長くて入りきりません。"
        #expect(BodyShortener(limit: 16).shorten(body) == "一文目です。二文目もあります。…")
        #expect(BodyShortener(limit: 14).shorten(body) == "一文目です。…")
    }

    @Test func withoutASentenceEndItIsCutBeforeTheLimit() {
        #expect(BodyShortener(limit: 5).shorten("句点のないながいせつめい") == "句点のな…")
        #expect(BodyShortener(limit: 5).shorten("句点のないながいせつめい").count == 5)
    }

    @Test func wrappedLinesJoinWithoutGapsBetweenJapanese() {
        #expect(BodyShortener(limit: 100).shorten("名前を書かずに\n利用できます。\nLINE\nでも") == "名前を書かずに利用できます。 LINE でも")
    }

    /// Flattening stops once it has a character more than the limit; on random texts of
    /// kana, Latin letters, spaces, line breaks, sentence ends and lone combining marks, the
    /// result is what flattening the whole text gives.
    @Test func shortenedAsFromTheWholeFlattenedText() {
        func whole(_ text: String, limit: Int) -> String {
            let flat = BodyShortener.collapsingWhitespace(text)
            guard flat.count > limit else { return flat }
            let head = flat.prefix(limit)
            if let end = head.lastIndex(where: { BodyShortener.sentenceEnds.contains($0) }) { return String(head[...end]) + "…" }
            return String(flat.prefix(limit - 1)) + "…"
        }
        let pieces = ["あ", "漢", "a", "B", " ", "\n", "　", "。", "!", "\u{301}", "\u{3099}", "e\u{301}"]
        var random = SplitMix(seed: 11)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let limit = Int.random(in: 2...12, using: &random)
            #expect(BodyShortener(limit: limit).shorten(text) == whole(text, limit: limit), "\(text.debugDescription) \(limit)")
        }
    }

    @Test func limitsGrowWithThePaper() {
        #expect(BodyShortener(paper: .a6).limit < BodyShortener(paper: .b6).limit)
        #expect(BodyShortener(paper: .a5).limit < BodyShortener(paper: .a4).limit)
    }
}
