import BookmarkModel
import BookmarkOutput
import BookmarkSite
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

    public init(guide: Guide, theme: Theme) {
        self.guide = guide
        self.theme = theme
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
            SitePage(path: Self.htmlPath(edition)) { [self] in
                .bytes(Data(try html(edition: edition, variant: .web).utf8))
            }
        }
    }

    /// `booklet/<edition>.html`, where the site holds an edition's print HTML.
    public static func htmlPath(_ edition: Edition) -> String { "booklet/\(edition.id).html" }

    /// `booklet/<edition>.pdf`, where the site holds an edition's web copy.
    public static func pdfPath(_ edition: Edition) -> String { "booklet/\(edition.id).pdf" }

    public func html(edition: Edition, variant: BookletVariant) throws -> String {
        let stylesheet = theme.folder.appendingPathComponent("print/booklet.css")
        guard let css = try? String(contentsOf: stylesheet, encoding: .utf8) else {
            throw Failure.missingStylesheet(stylesheet.path)
        }
        var context = BookletContext(guide: guide, edition: edition, variant: variant).values
        context["css"] = css
        return try theme.render(Self.template, context)
    }
}
