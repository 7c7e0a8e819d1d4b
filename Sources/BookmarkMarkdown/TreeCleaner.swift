import Foundation
import BookmarkModel
import CCmarkGFM

/// Walks a cmark tree and makes it safe and right for Japanese, collecting warnings.
struct TreeCleaner {
    let file: String
    let firstLine: Int
    let source: String
    var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int, source: String) {
        self.file = file
        self.firstLine = firstLine
        self.source = source
    }

    /// The body's lines, split only when a warning needs one: most bodies have none, and
    /// splitting a `String` into lines (grapheme by grapheme) cost more than parsing it.
    private lazy var sourceLines: [Substring] = source.split(separator: "\n", omittingEmptySubsequences: false)

    mutating func clean(_ root: OpaquePointer) {
        // Collect first: the tree must not change while an iterator walks it.
        var rawHTML: [OpaquePointer] = []
        var badLinks: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        var softBreaks: [OpaquePointer] = []
        // Text nodes for `findLeftoverEmphasis`, gathered in the same walk: the changes below
        // free no text node (raw HTML has none, links and images hand theirs to their parent),
        // and keep their order.
        var texts: [OpaquePointer] = []
        walk(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: texts.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            case CMARK_NODE_LINK:
                if !Self.isAllowed(url: Self.string(cmark_node_get_url(node))) { badLinks.append(node) }
            case CMARK_NODE_IMAGE: images.append(node)
            case CMARK_NODE_SOFTBREAK: softBreaks.append(node)
            default: break
            }
        }

        for node in rawHTML {
            warn(.markdownRawHTML, at: node,
                 "HTML タグは使えないため、表示しません。",
                 "Markdown で書いてください（太字は **…**、リンクは [文字](https://…)）")
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for node in badLinks {
            let url = Self.string(cmark_node_get_url(node))
            warn(.markdownLinkScheme, at: node,
                 "リンク先「\(Self.shorten(url))」は使えない形式のため、文字だけを表示します。",
                 "使えるのは https://、http://、mailto:、tel: で始まるリンクです")
            replaceWithChildren(node)
        }
        for node in images {
            warn(.markdownImage, at: node,
                 "画像は表示しません（ほかのサイトから読み込むと、読む人の情報が伝わるため）。代わりの文字を表示します。",
                 nil)
            replaceWithChildren(node)
        }
        for node in softBreaks where Self.isCJK(lastCharacter(before: node)) && Self.isCJK(firstCharacter(after: node)) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        findLeftoverEmphasis(in: texts)
    }

    /// `**` or `__` that CommonMark left as text, usually next to 「」 or 。.
    private mutating func findLeftoverEmphasis(in texts: [OpaquePointer]) {
        var reported = Set<Int>()
        for node in texts {
            guard let literal = cmark_node_get_literal(node), Self.hasDoubledMarker(literal) else { continue }
            let block = enclosingBlock(node)
            let start = max(Int(cmark_node_get_start_line(block)), 1)
            let end = max(Int(cmark_node_get_end_line(block)), start)
            for line in start...end where line - 1 < sourceLines.count && !reported.contains(line) {
                let text = String(sourceLines[line - 1])
                guard let range = text.range(of: "**") ?? text.range(of: "__") else { continue }
                reported.insert(line)
                let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
                diagnostics.append(
                    Diagnostic(
                        file: file, line: firstLine + line - 1, column: column, code: .markdownEmphasis,
                        message: "「\(text[range])」が太字にならず、そのまま表示されます（「」や句読点のすぐ隣では太字になりません）。",
                        hint: "「**」の外側に半角スペースを入れるか、かっこの内側を太字にしてください（例: 「**重要**」）"))
            }
        }
    }

    private mutating func warn(_ code: DiagnosticCode, at node: OpaquePointer, _ message: String, _ hint: String?) {
        let block = enclosingBlock(node)
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        if line <= 0 {
            line = Int(cmark_node_get_start_line(block))
            column = Int(cmark_node_get_start_column(block))
        }
        line = max(line, 1)
        diagnostics.append(
            Diagnostic(
                file: file, line: firstLine + line - 1, column: scalarColumn(line: line, byteColumn: column), code: code,
                message: message, hint: hint))
    }

    /// cmark counts columns in bytes; editors count characters.
    private mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line - 1 < sourceLines.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let bytes = Array(sourceLines[line - 1].utf8.prefix(byteColumn - 1))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }

    /// Puts a node's children where it stood, then removes it.
    private func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private func enclosingBlock(_ node: OpaquePointer) -> OpaquePointer {
        var current = node
        while let parent = cmark_node_parent(current) {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_HTML_BLOCK
                || type == CMARK_NODE_CODE_BLOCK
            {
                return current
            }
            current = parent
        }
        return current
    }

    private func lastCharacter(before node: OpaquePointer) -> Unicode.Scalar? {
        var current = cmark_node_previous(node)
        while let candidate = current {
            if let literal = literal(of: candidate, last: true) { return literal.unicodeScalars.last }
            current = cmark_node_last_child(candidate)
        }
        return nil
    }

    private func firstCharacter(after node: OpaquePointer) -> Unicode.Scalar? {
        var current = cmark_node_next(node)
        while let candidate = current {
            if let literal = literal(of: candidate, last: false) { return literal.unicodeScalars.first }
            current = cmark_node_first_child(candidate)
        }
        return nil
    }

    private func literal(of node: OpaquePointer, last: Bool) -> String? {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE else { return nil }
        let text = Self.string(cmark_node_get_literal(node))
        return text.isEmpty ? nil : text
    }

    private func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// `**` or `__` in a C string, without building a Swift string for every text node.
    static func hasDoubledMarker(_ text: UnsafePointer<CChar>) -> Bool {
        var previous: CChar = 0
        var pointer = text
        while pointer.pointee != 0 {
            let c = pointer.pointee
            if (c == 0x2A || c == 0x5F) && c == previous { return true }
            previous = c
            pointer += 1
        }
        return false
    }

    static func shorten(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// http(s), mailto and tel, and links within the site (no scheme).
    static func isAllowed(url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        let looksLikeScheme = scheme.first.map(\.isLetter) == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        // A colon after a slash, `?` or `#` is part of a relative path, not a scheme.
        // Anything else before a colon (`a/b:c`, `日本:x`) is a relative path, not a scheme.
        guard looksLikeScheme else { return true }
        return ["http", "https", "mailto", "tel"].contains(scheme.lowercased())
    }

    /// Han, kana and Japanese punctuation: where a line break must not become a space.
    static func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        switch value {
        case 0x3000...0x303F, 0x3040...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0xFF00...0xFF60, 0xFF61...0xFF9F, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
