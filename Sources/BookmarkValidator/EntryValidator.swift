import BookmarkLoader
import BookmarkMarkdown
import BookmarkModel

/// What an entry is checked against besides its own text.
public struct ValidationContext: Sendable, Equatable {
    public var areaIDs: Set<String>
    public var today: Day
    public var staleAfterDays: Int

    public init(areaIDs: Set<String>, today: Day, staleAfterDays: Int) {
        self.areaIDs = areaIDs
        self.today = today
        self.staleAfterDays = staleAfterDays
    }
}

/// Checks one entry file and builds its `Entry`.
public enum EntryValidator {
    static let keys = [
        "name", "kana", "kind", "area", "operator", "operator_type", "for", "ages", "gender", "address",
        "address_undisclosed", "postal_code", "access", "geo", "phone", "fax", "email", "url", "line",
        "hours", "hours_note", "cost", "reservation", "anonymous", "outside_residents", "methods",
        "languages", "tags", "verified", "until", "draft", "publish", "notice", "verified_by", "source",
    ]

    /// Splits, parses and checks one entry as the load step read it. The entry is nil when
    /// any error was found.
    public static func validate(_ loaded: LoadedFile, context: ValidationContext) -> (Entry?, [Diagnostic]) {
        let file = loaded.file
        let path = file.relativePath
        let id = file.id
        var diagnostics: [Diagnostic] = []
        if !ValueRules.isValidID(id) {
            diagnostics.append(
                Diagnostic(
                    file: path, line: 1, column: 1, code: .idInvalid,
                    message: "ファイル名「\(id)」は項目の id に使えません。半角英小文字・数字・ハイフンで、英小文字か数字で始め、64文字までにします。",
                    hint: "例: sakura-soudan.md"))
        }
        let source: SourceText
        switch loaded.text {
        case .success(let text): source = text
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        let (entry, more) = validate(source, id: id, context: context)
        diagnostics += more
        return (diagnostics.hasErrors ? nil : entry, diagnostics)
    }

    /// Checks decoded text; used directly by tests and the fuzzer.
    public static func validate(_ source: SourceText, id: String, context: ValidationContext) -> (Entry?, [Diagnostic]) {
        let document: FrontMatterDocument
        switch FrontMatterDocument.read(source) {
        case .success(let read): document = read
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let (frontMatter, yaml) = (document.frontMatter, document.yaml)
        guard let root = yaml.root else {
            if yaml.diagnostics.isEmpty {
                return (nil, [Diagnostic(
                    file: source.file, line: 1, column: 1, code: .fieldMissing,
                    message: "--- と --- の間に項目がありません。",
                    hint: "name, kana, kind, area, for, verified などを書いてください")])
            }
            return (nil, yaml.diagnostics)
        }
        var reader = FieldReader(root, file: source.file, allowedKeys: keys, context: "項目")
        let entry = EntryBuilder.build(id: id, file: source.file, reader: &reader, context: context)
        var diagnostics = yaml.diagnostics + reader.diagnostics

        let markdown = MarkdownRenderer.render(frontMatter.body, file: source.file, firstLine: frontMatter.bodyFirstLine)
        diagnostics += markdown.diagnostics
        guard var entry, !diagnostics.hasErrors else { return (nil, diagnostics) }
        entry.body = frontMatter.body
        entry.bodyHTML = markdown.html
        entry.bodyText = Normalizer.trimmed(markdown.text)
        return (entry, diagnostics)
    }
}
