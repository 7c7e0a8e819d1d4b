import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkSite

@Suite struct EntryContextTests {
    /// The feed's 20 most recently verified entries, picked in one pass, are the first 20
    /// of all entries sorted newest first (ties by id).
    @Test func recentlyVerifiedAreTheFirstTwentyOfTheSortedEntries() throws {
        let result = GuideValidator.validate(
            contentFolder: CompiledTemplateTests.repoRoot.appendingPathComponent("content"),
            themesFolder: BuiltSite.themesFolder, today: FixtureGuide.today)
        var guide = try #require(result.guide)
        var random = SplitMix(seed: 11)
        let template = try #require(guide.webEntries.first)
        guide.entries = (0..<300).map { index in
            var entry = template
            entry.id = "e\(Int.random(in: 0..<1000, using: &random))-\(index)"
            entry.verified = Day(year: 2025, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...3, using: &random))!
            return entry
        }
        let listing = Listing(guide: guide)
        #expect(listing.entries.count == 300)
        let expected = listing.entries.sorted { ($1.verified, $0.id) < ($0.verified, $1.id) }.prefix(20).map(\.id)
        #expect(listing.recentlyVerified.map(\.id) == expected)
    }

    /// Hours as readers see them (`第2・第4 土 13:00〜16:00（家族の日）`), appended in place,
    /// against the rule as first written (parts joined by spaces), on 2,000 random items.
    @Test func hoursTextAsJoinedFromItsParts() {
        func joined(_ item: HoursItem) -> String {
            var parts: [String] = []
            if !item.weeks.isEmpty { parts.append(item.weeks.map { "第\($0)" }.joined(separator: "・")) }
            parts.append(item.days.map(\.japaneseLabel).joined(separator: "・"))
            parts.append(item.time.japaneseText)
            return parts.joined(separator: " ") + (item.note.map { "（\($0)）" } ?? "")
        }
        var random = SplitMix(seed: 5)
        for _ in 0..<2_000 {
            let days = Weekday.allCases.filter { _ in Bool.random(using: &random) }
            let weeks = (1...5).filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
            let opening = Int.random(in: 0...1380, using: &random)
            let time: TimeRange = Bool.random(using: &random)
                ? .allDay : .span(opening: opening, closing: Int.random(in: opening...1440, using: &random))
            let note = Bool.random(using: &random) ? nil : ["家族の日", "", "祝日を除く"].randomElement(using: &random)!
            let item = HoursItem(days: days, weeks: weeks, time: time, note: note)
            #expect(item.japaneseText == joined(item))
        }
    }
}
