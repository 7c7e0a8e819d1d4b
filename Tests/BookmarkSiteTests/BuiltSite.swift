import BookmarkModel
import BookmarkOutput
import BookmarkTemplates
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkSite

/// A fixture guide built into site files in memory: path → text.
///
/// ```swift
/// let site = try BuiltSite(entries: ["a": FixtureGuide.entry(["name": "…"])])
/// #expect(site["entries/a/index.html"]?.contains("…") == true)
/// ```
struct BuiltSite {
    let files: [String: String]
    let guide: Guide

    /// The repository's `themes/` folder, found from this file.
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    init(entries: [String: String], siteYAML: String = FixtureGuide.siteYAML, pages: [String: String] = [:]) throws {
        var files = ["site.yml": siteYAML]
        for (id, text) in entries { files["entries/\(id).md"] = text }
        for (slug, text) in pages { files["pages/\(slug).md"] = text }
        let fixture = try FixtureGuide(files: files)
        defer { fixture.remove() }
        let result = GuideValidator.validate(
            contentFolder: fixture.content, themesFolder: Self.themesFolder, today: FixtureGuide.today)
        let guide = try #require(result.guide, "fixture has errors: \(result.diagnostics)")
        self.guide = guide
        let theme = try Theme.load(themesFolder: Self.themesFolder, name: "default")
        var texts: [String: String] = [:]
        for file in try SiteBuilder(guide: guide, theme: theme).build() {
            texts[file.path] = String(decoding: try file.contents, as: UTF8.self)
        }
        self.files = texts
    }

    subscript(path: String) -> String? { files[path] }

    /// HTML pages, sorted by path.
    var htmlPages: [(path: String, text: String)] {
        files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every file, sorted by path.
    var allFiles: [(path: String, text: String)] {
        files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
