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
}
