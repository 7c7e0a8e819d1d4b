import BookmarkLoader
import BookmarkMarkdown
import BookmarkModel

/// Checks a free page (`pages/**/<slug>.md`): `title`, optional `order`, a Markdown body.
public enum PageValidator {
    static let keys = ["title", "order"]

    public static func validate(_ loaded: LoadedFile) -> (Page?, [Diagnostic]) {
        let file = loaded.file
        var diagnostics: [Diagnostic] = []
        if !ValueRules.isValidID(file.id) {
            diagnostics.append(
                Diagnostic(file: file.relativePath, line: 1, column: 1, code: .idInvalid,
                           message: "ファイル名「\(file.id)」はページの名前に使えません。半角英小文字・数字・ハイフンで書きます。",
                           hint: "例: about.md"))
        }
        let source: SourceText
        switch loaded.text {
        case .success(let text): source = text
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        let document: FrontMatterDocument
        switch FrontMatterDocument.read(source) {
        case .success(let read): document = read
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        let (frontMatter, yaml) = (document.frontMatter, document.yaml)
        diagnostics += yaml.diagnostics
        guard let root = yaml.root else {
            if yaml.diagnostics.isEmpty {
                diagnostics.append(Diagnostic(file: source.file, line: 1, column: 1, code: .fieldMissing,
                                              message: "title（ページの題名）は必ず書きます。"))
            }
            return (nil, diagnostics)
        }
        var r = FieldReader(root, file: source.file, allowedKeys: keys, context: "ページ")
        let title = r.text("title", "ページの題名", required: true, maxLength: 120)
        let order = r.integer("order", "並び順", range: -1000...1000) ?? 0
        let markdown = MarkdownRenderer.render(frontMatter.body, file: source.file, firstLine: frontMatter.bodyFirstLine)
        diagnostics += r.diagnostics + markdown.diagnostics
        guard let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Page(slug: file.id, file: source.file, title: title, order: order, bodyHTML: markdown.html), diagnostics)
    }
}
