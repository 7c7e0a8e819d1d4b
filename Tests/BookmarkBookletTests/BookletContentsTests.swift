import BookmarkModel
import Testing

@testable import BookmarkBooklet

@Suite struct BookletContentsTests {
    @Test func editionHoldsHomeNeighboursAndNationwideOnly() throws {
        let fixture = try BookletFixture()
        let web = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .web)
        #expect(Set(web.entries.map(\.id)) == [
            "sakura-soudan", "sakura-center", "sakura-ibasho", "kaede-ibasho", "kaede-online", "yoru-dial",
        ])
        let tooi = BookletContents(guide: fixture.guide, edition: try fixture.edition("tooi"), variant: .web)
        #expect(Set(tooi.entries.map(\.id)) == ["tooi-soudan", "tooi-ibasho", "yoru-dial"])
    }

    @Test func paperOnlyEntriesAreInThePrintCopiesAlone() throws {
        let fixture = try BookletFixture()
        let edition = try fixture.edition("sakura")
        for variant in BookletVariant.allCases {
            let ids = BookletContents(guide: fixture.guide, edition: edition, variant: variant).entries.map(\.id)
            #expect(ids.contains("paper-only") == (variant != .web), "\(variant)")
            #expect(!ids.contains("web-only") && !ids.contains("draft") && !ids.contains("expired"), "\(variant)")
        }
    }

    @Test func sectionsFollowKindsThenNationwideWithHomeAreasFirst() throws {
        let fixture = try BookletFixture()
        let contents = BookletContents(guide: fixture.guide, edition: try fixture.edition("sakura"), variant: .print)
        #expect(contents.sections.map(\.title) == ["相談窓口", "居場所", "オンライン", "全国の窓口"])
        let ibasho = try #require(contents.sections.first { $0.id == "ibasho" })
        #expect(ibasho.groups.map(\.title) == ["さくら市", "かえで町"])
        #expect(ibasho.groups.map(\.isNeighbor) == [false, true])
        // 五十音順 by kana: いばしょ < かみだけ.
        #expect(ibasho.groups[0].entries.map(\.id) == ["sakura-ibasho", "paper-only"])
        let consultation = try #require(contents.sections.first)
        #expect(consultation.entries.map(\.id) == ["sakura-center", "sakura-soudan"])
        #expect(contents.homeAreaNames == ["さくら市"])
        #expect(contents.neighborAreaNames == ["かえで町"])
    }

    @Test func indexIsGojuonAndLastPageListsAllDayLines() throws {
        let fixture = try BookletFixture()
        let contents = BookletContents(guide: fixture.guide, edition: try fixture.edition("tooi"), variant: .web)
        #expect(contents.index.map(\.id) == ["tooi-ibasho", "tooi-soudan", "yoru-dial"])
        #expect(contents.allDayEntries.map(\.id) == ["yoru-dial"])
        #expect(BookletContext.row(of: Gojuon.sortKey("がっこう")) == "か行")
        #expect(BookletContext.row(of: Gojuon.sortKey("ぽすと")) == "は行")
        #expect(BookletContext.row(of: Gojuon.sortKey("LINE")) == "英数字")
    }
}
