import Foundation
import BookmarkModel
import CCmarkGFM

/// A Markdown body turned into safe HTML and plain text, with what the editor should know.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var text: String
    public var diagnostics: [Diagnostic]
}

/// Renders entry and page bodies with libcmark-gfm in safe mode.
///
/// What it changes from plain cmark-gfm, and why:
/// - raw HTML is removed (not even a comment is left) and the editor is warned;
/// - links with schemes other than http(s), mailto and tel, and every image (it would load
///   from another host), are replaced by their text, with a warning;
/// - a soft line break between two Japanese characters becomes nothing, not a space;
/// - `**` or `__` left in the text (CommonMark does not close emphasis next to Japanese
///   punctuation) is reported where it stands.
public enum MarkdownRenderer {
    /// The GFM extensions used; `tagfilter` also guards the HTML renderer.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration takes no lock, so it happens once, before any parallel parsing.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// More `|` than this on one line turns the table extension off for the body: libcmark-gfm
    /// 0.29's tables grow worse than linearly with columns (a 1 MiB table took 13 s here).
    static let maximumTableCells = 128

    /// Call once before rendering from several threads.
    public static func prepare() { _ = registered }

    /// - Parameters:
    ///   - body: the Markdown text.
    ///   - file: the relative path for diagnostics.
    ///   - firstLine: the file line on which the body starts.
    public static func render(_ body: String, file: String, firstLine: Int) -> RenderedMarkdown {
        prepare()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else {
            return RenderedMarkdown(html: "", text: "", diagnostics: [])
        }
        defer { cmark_parser_free(parser) }
        var diagnostics: [Diagnostic] = []
        let wideLine = Self.lineNumber(in: body, withMoreThan: maximumTableCells, of: UInt8(ascii: "|"))
        if let wideLine {
            diagnostics.append(
                Diagnostic(
                    file: file, line: firstLine + wideLine - 1, column: 1, code: .markdownTableTooWide,
                    message: "表の列が多すぎる（1行に「|」が\(maximumTableCells)個を超える）ため、表にせず文字のまま表示します。",
                    hint: "表を分けるか、箇条書きにしてください"))
        }
        for name in extensionNames where !(name == "table" && wideLine != nil) {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = body
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return RenderedMarkdown(html: "", text: "", diagnostics: [])
        }
        defer { cmark_node_free(root) }

        var cleaner = TreeCleaner(file: file, firstLine: firstLine, source: body)
        cleaner.clean(root)

        let extensions = cmark_parser_get_syntax_extensions(parser)
        let html = take(cmark_render_html(root, options, extensions))
        let text = take(cmark_render_plaintext(root, options, 0))
        return RenderedMarkdown(html: html, text: text, diagnostics: diagnostics + cleaner.diagnostics)
    }

    /// The 1-based number of the first line holding more than `limit` of `byte`.
    static func lineNumber(in text: String, withMoreThan limit: Int, of byte: UInt8) -> Int? {
        var text = text
        // Through the contiguous bytes: iterating `utf8` byte by byte cost more, on every body.
        return text.withUTF8 { bytes in
            var line = 1
            var count = 0
            for b in bytes {
                if b == 0x0A {
                    line += 1
                    count = 0
                } else if b == byte {
                    count += 1
                    if count > limit { return line }
                }
            }
            return nil
        }
    }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
