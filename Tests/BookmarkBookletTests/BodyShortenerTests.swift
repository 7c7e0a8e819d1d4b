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

    @Test func limitsGrowWithThePaper() {
        #expect(BodyShortener(paper: .a6).limit < BodyShortener(paper: .b6).limit)
        #expect(BodyShortener(paper: .a5).limit < BodyShortener(paper: .a4).limit)
    }
}
