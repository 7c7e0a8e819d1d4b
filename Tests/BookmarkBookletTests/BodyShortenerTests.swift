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

    /// What a card may add when its page has room: the rest, sentence by sentence, after
    /// what `shorten` keeps; `whole` when the pieces reach the end of the text.
    @Test func piecesAreTheRestSentenceBySentence() {
        let body = "一文目です。二文目もあります。三文目はとても長くて、読点のあとで切れます。四文目。"
        let parts = BodyShortener(limit: 8).pieces(body)
        #expect(parts.shown == "一文目です。")
        #expect(parts.more == ["二文目もあります。", "三文目はとても長くて、", "読点のあとで切れます。", "四文目。"])
        #expect(parts.whole)
        let short = BodyShortener(limit: 100).pieces(body)
        #expect(short.shown == body && short.more.isEmpty && short.whole)
    }

    /// On random texts: the first part is what `shorten` prints without its `…`; the first
    /// part and the pieces are the flattened text from its start (all of it when `whole`,
    /// else its first `limit + moreLimit` characters at least); no piece is longer than the
    /// limit (at least 20) or, but for a lone piece, made of closing marks only.
    @Test func piecesFollowTheShortenedText() {
        let pieces = ["あ", "漢", "a", " ", "\n", "。", "、", "」", "!"]
        var random = SplitMix(seed: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...500, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let limit = Int.random(in: 4...40, using: &random)
            let shortener = BodyShortener(limit: limit)
            let parts = shortener.pieces(text)
            let flat = BodyShortener.collapsingWhitespace(text)
            let printed = parts.shown + parts.more.joined()
            if parts.more.isEmpty {
                #expect(parts.shown == shortener.shorten(text) || parts.shown + "…" == shortener.shorten(text))
                continue
            }
            #expect(parts.shown + "…" == shortener.shorten(text))
            #expect(flat.hasPrefix(printed), "\(text.debugDescription) \(limit)")
            #expect(parts.whole == (printed == flat), "\(text.debugDescription) \(limit)")
            #expect(printed.count <= parts.shown.count + BodyShortener.moreLimit)
            #expect(parts.more.allSatisfy { $0.count <= max(limit, 20) + 2 }, "\(parts.more)")
            #expect(parts.more.count == 1 || !parts.more.contains { $0.allSatisfy { "。、」!".contains($0) } }, "\(parts.more)")
        }
    }

    @Test func limitsGrowWithThePaper() {
        #expect(BodyShortener(paper: .a6).limit < BodyShortener(paper: .b6).limit)
        #expect(BodyShortener(paper: .a5).limit < BodyShortener(paper: .a4).limit)
    }
}
