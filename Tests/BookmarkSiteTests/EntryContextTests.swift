import BookmarkModel
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkSite

@Suite struct EntryContextTests {
    /// An entry page's values moved to the print lists' root are what `full` gives there:
    /// the print-list item made from the page (`EntryCards.offerSheet`) is the one an area's
    /// print list would make.
    /// A value as text, dictionaries with their keys sorted (their order varies by instance).
    static func canonical(_ value: Any) -> String {
        if let values = value as? [String: Any] {
            return "[" + values.keys.sorted().map { "\($0): \(canonical(values[$0]!))" }.joined(separator: ", ") + "]"
        }
        if let list = value as? [Any] { return "[" + list.map(canonical).joined(separator: ", ") + "]" }
        return "\(value)"
    }

    @Test func rerootedValuesAreTheFullValuesAtTheOtherRoot() throws {
        let result = GuideValidator.validate(
            contentFolder: CompiledTemplateTests.repoRoot.appendingPathComponent("content"),
            themesFolder: BuiltSite.themesFolder, today: FixtureGuide.today)
        let guide = try #require(result.guide)
        #expect(guide.entries.count > 5)
        for entry in guide.entries {
            var moved = EntryContext.full(entry, root: "../../", guide: guide)
            EntryContext.reroot(&moved, entry, root: "../../../")
            let direct = EntryContext.full(entry, root: "../../../", guide: guide)
            #expect(moved.keys.sorted() == direct.keys.sorted(), "\(entry.id)")
            for (key, value) in direct {
                #expect(moved[key].map(Self.canonical) == Self.canonical(value), "\(entry.id) \(key)")
            }
            // And back, as an entry page does after making its print-list item.
            EntryContext.reroot(&moved, entry, root: "../../")
            let page = EntryContext.full(entry, root: "../../", guide: guide)
            #expect(moved.keys.sorted() == page.keys.sorted(), "\(entry.id)")
            for (key, value) in page {
                #expect(moved[key].map(Self.canonical) == Self.canonical(value), "\(entry.id) \(key)")
            }
        }
    }

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
