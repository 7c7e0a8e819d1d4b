import BookmarkModel
import BookmarkTemplates
import Testing

@testable import BookmarkBooklet

/// What shares a line on a card: the builder's estimate, and the HTML it writes from it.
@Suite struct CardContextTests {
    func card(_ fields: [String: String?], paper: Paper = .a6) throws -> (CardContext, String) {
        let fixture = try BookletFixture(entries: ["e": fields])
        let entry = try #require(fixture.guide.entries.first)
        let context = CardContext(entry: entry, paper: paper)
        return (context, try fixture.theme.render("print/card", context.values))
    }

    /// Widths against the advance widths of BIZ UDPGothic (fontTools, 2026-12): within 10 %.
    @Test(arguments: [
        ("月・火・水・木・金 8:30〜17:15", 14.01),
        ("祝日・年末年始(12月29日〜1月3日)を除く", 19.61),
        ("〒999-0101 架空県さくら市中央1-2-3 さくら市役所 本庁舎2階", 29.91),
        ("来所・電話・メール・訪問　予約優先", 15.03),
        ("hikikomori-soudan@example.org", 17.88),
        ("0999-12-3401", 8.3),
    ])
    func widthEstimateIsNearTheFontsWidths(text: String, measured: Double) {
        let estimate = CardContext.ems(text)
        #expect(abs(estimate - measured) / measured < 0.1, "\(text): \(estimate) em, measured \(measured)")
    }

    /// A short way of use goes after the audience and its marks, labelled, and is not
    /// repeated among the facts; a long one keeps its own row.
    @Test func shortUseSharesTheAudienceLine() throws {
        let (short, html) = try card(["for": "[person, family, supporter]", "ages": "15-39", "methods": "[visit, phone]"])
        // The phone number with the audience and marks does not fit beside; the use fits after them.
        #expect(!short.forBesidePhone)
        #expect(short.useBesideFor)
        #expect(!short.factRows.joined().contains { $0.label == "利用" })
        let forLine = try #require(html.firstMatch(of: /<p class="card-for">(.*?)<\/p>/)?.1)
        #expect(forLine.contains("<span class=\"fact-label next\">利用</span>来所・電話"))

        let (long, longHTML) = try card([
            "for": "[person, family, supporter]", "ages": "15-39", "outside_residents": "true",
            "anonymous": "true", "methods": "[visit, phone, email, line, chat, video, home_visit]",
        ])
        #expect(!long.useBesideFor)
        #expect(long.factRows.joined().contains { $0.label == "利用" })
        #expect(longHTML.contains("<span class=\"fact-label\">利用</span>来所・電話・メール・LINE・チャット・ビデオ通話・訪問"))
    }

    /// The QR code stands beside the name, the phone and the audience: with a code those
    /// lines hold 13.5 mm less (5.1 em on A6, 4.5 on B6), so less goes beside them.
    @Test func linesBesideTheQRCodeAreShorter() throws {
        let (without, _) = try card(["for": "[person, family, supporter]", "ages": "15-39", "methods": "[visit, phone]"])
        let (with, _) = try card(["for": "[person, family, supporter]", "ages": "15-39", "methods": "[visit, phone]",
                                  "url": "https://example.org/a"])
        let (b6, _) = try card(["url": "https://example.org/a"], paper: .b6)
        #expect(without.qrEms == 0)
        #expect(abs(with.qrEms - 5.1) < 0.05 && abs(b6.qrEms - 4.5) < 0.05, "\(with.qrEms) \(b6.qrEms)")
        // Beside a code, the audience line has no room left for the way of use here.
        #expect(without.useBesideFor && !with.useBesideFor)
        #expect(with.factRows.joined().contains { $0.label == "利用" })
    }

    /// Hours items share a line, joined by `、`, when both fit; the note follows the last
    /// line when it fits there, else it takes a line of its own.
    @Test func hoursShareALineWhenTheyFit() throws {
        let (short, shortHTML) = try card([
            "hours": "[{days: [mon], time: \"10:00-12:00\"}, {days: [sat], time: \"13:00-15:00\"}]",
            "hours_note": "祝日は休み",
        ])
        #expect(short.hoursRows.count == 1)
        #expect(short.hoursRows.first?.contains("、") == true)
        #expect(short.hoursNoteBeside)
        #expect(shortHTML.contains("<span class=\"card-hours-note beside\">祝日は休み</span>"))

        let (long, longHTML) = try card([
            "hours": "[{days: [mon, tue, wed, thu, fri], time: \"08:30-17:15\"}, {days: [sat, sun], time: \"10:00-16:00\"}, {days: [holiday], time: \"13:00-15:00\"}]",
            "hours_note": "年末年始（12月29日〜1月3日）は休み。電話の受付は16時までです。",
        ])
        #expect(long.hoursRows.count == 2)
        #expect(!long.hoursNoteBeside)
        #expect(longHTML.contains("<br><span class=\"card-hours-note\">"))
        #expect(longHTML.components(separatedBy: "<br>").count == 3)
    }

    /// Every fact and contact is printed, whatever shares a line: nothing is lost to the estimate.
    @Test func everyFactIsPrinted() throws {
        let (_, html) = try card([
            "address": "架空県さくら市中央1-2-3 さくら市役所 本庁舎2階", "access": "さくら駅から徒歩5分",
            "methods": "[visit, phone]", "email": "a@example.org", "fax": "0123-45-6780",
        ])
        for text in ["架空県さくら市中央1-2-3 さくら市役所 本庁舎2階", "さくら駅から徒歩5分", "来所・電話", "a@example.org",
                     "0123-45-6780", "0123-45-6789", "月・火・水・木・金 9:00〜17:00"] {
            #expect(html.contains(text), "\(text)")
        }
        for label in ["場所", "交通", "利用", "時間", "連絡"] { #expect(html.contains(">\(label)</span>"), "\(label)") }
    }
}
