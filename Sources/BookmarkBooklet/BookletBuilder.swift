import BookmarkModel
import BookmarkOutput
import BookmarkTemplates
import Foundation

/// Renders each edition's booklet as one self-contained HTML document for WeasyPrint.
///
/// The theme provides `templates/print/booklet.mustache` (with its partials `print/…`) and
/// `print/booklet.css`, which is inlined so the document needs no other file and asks no
/// other host for anything.
///
/// ```swift
/// let html = try BookletBuilder(guide: guide, theme: theme).html(edition: edition, variant: .web)
/// ```
public struct BookletBuilder: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case missingStylesheet(String)

        public var description: String {
            switch self {
            case .missingStylesheet(let path): "冊子のスタイルシート（\(path)）が見つかりません。"
            }
        }
    }

    public static let template = "print/booklet"

    public let guide: Guide
    public let theme: Theme
    let memory: BookletMemory?

    /// `memory` keeps cards between builds (`bookmark serve`).
    public init(guide: Guide, theme: Theme, memory: BookletMemory? = nil) {
        self.guide = guide
        self.theme = theme
        self.memory = memory
    }

    /// `booklet/<edition>.html` of every edition, the web copy (no paper-only entries), for
    /// the site's output. None when the theme has no print templates.
    public func htmlFiles() throws -> [OutputFile] {
        try htmlPages().map { try $0.file() }
    }

    /// The same files, each rendered only when a writer asks for it, so they are made on
    /// every core beside the site's pages.
    public func htmlPages() -> [SitePage] {
        guard theme.has(Self.template) else { return [] }
        return guide.site.editions.map { edition in
            SitePage(route: .bookletHTML(edition: edition.id)) { [self] in
                .bytes(Data(try html(edition: edition, variant: .web).utf8))
            }
        }
    }

    /// Whether a printed edition can hold one of these entries: nationwide, or in one of its
    /// areas or their neighbours. Otherwise (after an edit in `bookmark serve`) the print
    /// HTML stays as it is.
    public static func touchesAnEdition(_ entries: [Entry], guide: Guide) -> Bool {
        let areas = Set(guide.site.editions.flatMap { edition in
            let (home, neighbors) = guide.areaIDs(of: edition)
            return home + neighbors
        })
        return entries.contains { $0.area == .nationwide || areas.contains($0.area.areaID ?? "") }
    }

    /// An entry card's values and, as `cardHTML`, the `print/card` partial rendered with them:
    /// `print/booklet` writes the HTML, so a card is made once however often it is printed
    /// and, with a memory, once across builds.
    func card(_ entry: Entry, paper: Paper) throws -> [String: Any] {
        let make = { (entry: Entry) throws -> [String: Any] in
            var values = CardContext(entry: entry, paper: paper).values
            values["cardHTML"] = try theme.render("print/card", values)
            return values
        }
        return try memory.map { try $0.card(entry, paper: paper, make: make) } ?? make(entry)
    }

    public func html(edition: Edition, variant: BookletVariant) throws -> String {
        let stylesheet = theme.folder.appendingPathComponent("print/booklet.css")
        guard let css = try? String(contentsOf: stylesheet, encoding: .utf8) else {
            throw Failure.missingStylesheet(stylesheet.path)
        }
        var context = try BookletContext(guide: guide, edition: edition, variant: variant, card: card).values()
        context["css"] = css
        return try theme.render(Self.template, context)
    }
}
