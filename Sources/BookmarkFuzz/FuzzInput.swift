import BookmarkLoader
import BookmarkModel
import BookmarkSite
import BookmarkTemplates
import BookmarkValidator
import Foundation

/// One fuzz input through the whole path: load → validate → render.
///
/// The first byte chooses what the rest is: even, an entry file; odd, a `site.yml`.
/// Anything may come back as diagnostics; nothing may crash, hang or trap.
enum FuzzInput {
    static let site = SiteConfig(
        title: "ファズ", baseURL: "https://example.org/",
        areas: [Area(id: "sakura", name: "さくら市", kana: "さくらし", prefecture: "架空県", neighbors: [])])
    static let today = Day(year: 2026, month: 11, day: 23)!

    /// The default theme, found from the current folder or `BOOKMARK_THEMES`.
    static let theme: Theme? = {
        let folder = ProcessInfo.processInfo.environment["BOOKMARK_THEMES"] ?? "themes"
        return try? Theme.load(themesFolder: URL(fileURLWithPath: folder), name: "default")
    }()

    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        if mode % 2 == 0 {
            runEntry(rest)
        } else {
            runSite(rest)
        }
    }

    static func runEntry(_ bytes: [UInt8]) {
        guard case .success(let source) = SourceDecoder.decode(bytes, file: "entries/fuzz.md") else { return }
        let context = ValidationContext(areaIDs: ["sakura"], today: today, staleAfterDays: 365)
        let (entry, diagnostics) = EntryValidator.validate(source, id: "fuzz", context: context)
        check(diagnostics)
        guard let entry, let theme else { return }
        let guide = Guide(site: site, entries: [entry], pages: [], today: today)
        _ = try? SiteBuilder(guide: guide, theme: theme).build()
    }

    static func runSite(_ bytes: [UInt8]) {
        guard case .success(let source) = SourceDecoder.decode(bytes, file: "site.yml") else { return }
        let (config, diagnostics) = SiteValidator.validate(source, themes: nil)
        check(diagnostics)
        guard let config, let theme else { return }
        _ = try? SiteBuilder(guide: Guide(site: config, entries: [], pages: [], today: today), theme: theme).build()
    }

    /// Every diagnostic must be usable by an editor: a place and a message.
    static func check(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.message.isEmpty {
            fatalError("unusable diagnostic: \(diagnostic)")
        }
    }
}
