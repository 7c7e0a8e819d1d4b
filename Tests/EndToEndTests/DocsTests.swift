import BookmarkModel
@testable import BookmarkValidator
import Foundation
import Testing

/// The editors' docs cover every diagnostic an editor can meet.
@Suite("Editor docs")
struct DocsTests {
    /// `docs/` of this repository, found from this file's place.
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    /// Each code has its own heading (`### \`phone-invalid\``) followed by an explanation.
    @Test(arguments: DiagnosticCode.allCases)
    func diagnosticsPageExplainsCode(_ code: DiagnosticCode) throws {
        let page = try Self.read("diagnostics.md")
        let heading = "### `\(code.rawValue)`\n"
        let range = try #require(page.range(of: heading), "docs/diagnostics.md has no heading for \(code.rawValue)")
        let rest = page[range.upperBound...]
        let section = rest[..<(rest.range(of: "\n#")?.lowerBound ?? rest.endIndex)]
        let severity = code.defaultSeverity == .error ? "**エラー**" : "**警告**"
        #expect(section.contains(severity), "\(code.rawValue) should be described as \(severity)")
        #expect(section.contains("直し方"), "\(code.rawValue) has no fix")
    }

    /// Every heading names a real code, so a renamed code does not leave a stale section.
    @Test func diagnosticsPageNamesNoUnknownCode() throws {
        let page = try Self.read("diagnostics.md")
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        let headings = page.split(separator: "\n").filter { $0.hasPrefix("### `") }
            .map { $0.dropFirst(5).prefix { $0 != "`" } }
        #expect(!headings.isEmpty)
        for heading in headings {
            #expect(known.contains(String(heading)), "docs/diagnostics.md explains unknown code \(heading)")
        }
    }

    /// Every key an entry may have is explained in docs/fields.md.
    @Test func fieldsPageExplainsEveryKey() throws {
        let page = try Self.read("fields.md")
        for key in EntryValidator.keys {
            #expect(page.contains("| `\(key)` |"), "docs/fields.md has no row for \(key)")
        }
    }
}
