import BookmarkLoader
import BookmarkModel
import Foundation

/// Checks `site.yml` with the same diagnostics as entries.
public enum SiteValidator {
    static let keys = ["title", "base_url", "language", "theme", "stale_after_days", "corrections", "areas", "editions"]
    static let areaKeys = ["id", "name", "kana", "prefecture", "neighbors"]
    static let editionKeys = ["id", "title", "areas", "paper", "issued"]

    /// - Parameter themes: when given, `theme:` must name one of these (the themes folder's folders).
    public static func validate(_ file: LoadedFile, themes: Set<String>?) -> (SiteConfig?, [Diagnostic]) {
        switch file.text {
        case .success(let source): return validate(source, themes: themes)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    public static func validate(_ source: SourceText, themes: Set<String>?) -> (SiteConfig?, [Diagnostic]) {
        let yaml = YAMLReader.read(source.text, file: source.file, lineOffset: 0)
        guard let root = yaml.root else {
            let empty = Diagnostic(file: source.file, line: 1, column: 1, code: .fieldMissing,
                                   message: "site.yml に設定がありません。title、base_url、areas は必ず書きます。")
            return (nil, yaml.diagnostics.isEmpty ? [empty] : yaml.diagnostics)
        }
        var r = FieldReader(root, file: source.file, allowedKeys: keys, context: "site.yml")
        let title = r.text("title", "ガイドの題名", required: true, maxLength: 120)
        var baseURL: String?
        if let (raw, node) = r.scalar("base_url", "公開先の URL", required: true) {
            let url = Normalizer.text(raw)
            if ValueRules.isWebURL(url) {
                baseURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                r.report(.baseURLInvalid, at: node.position, "base_url「\(raw)」は https:// で始まる完全な URL で書きます。",
                         hint: "例: base_url: https://example.org/bookmark/")
            }
        }
        let language = r.text("language", "言語") ?? "ja"
        if !ValueRules.isLanguageTag(language), let node = r.node("language") {
            r.report(.languageInvalid, at: node.position, "language「\(language)」は ja のような言語タグで書きます。")
        }
        let theme = r.text("theme", "テーマ") ?? "default"
        if let themes { checkTheme(theme, node: r.node("theme"), in: themes, reader: &r) }
        let staleAfterDays = r.integer("stale_after_days", "確認から古いとみなす日数", range: 1...3650) ?? 365
        var corrections: String?
        if let (raw, node) = r.scalar("corrections", "情報の訂正の連絡先") {
            let value = Normalizer.text(raw)
            if ValueRules.isWebURL(value) && value.lowercased().hasPrefix("https://")
                || value.lowercased().hasPrefix("mailto:") && ValueRules.isEmail(String(value.dropFirst(7)))
            {
                corrections = value
            } else {
                r.report(.correctionsInvalid, at: node.position, "corrections「\(raw)」は https:// の URL か mailto: のメールアドレスで書きます。",
                         hint: "例: corrections: mailto:bookmark@example.org")
            }
        }

        let areas = readAreas(&r)
        let editions = readEditions(&r, areas: areas)

        guard let title, let baseURL, !r.diagnostics.hasErrors, !yaml.diagnostics.hasErrors else {
            return (nil, yaml.diagnostics + r.diagnostics)
        }
        // An edition without its own title takes the guide's.
        let titled = editions.map { edition in
            var edition = edition
            if edition.title.isEmpty { edition.title = title }
            return edition
        }
        return (SiteConfig(title: title, baseURL: baseURL, language: language, theme: theme,
                           staleAfterDays: staleAfterDays, corrections: corrections, areas: areas, editions: titled),
                r.diagnostics)
    }

    private static func checkTheme(_ theme: String, node: YAMLNode?, in themes: Set<String>, reader r: inout FieldReader) {
        if !ValueRules.isValidID(theme) || !themes.contains(theme) {
            r.report(.themeMissing, at: node?.position ?? r.position,
                     "テーマ「\(theme)」が themes フォルダにありません。",
                     hint: "theme: default と書くか、--themes でテーマのフォルダを指定してください")
        }
    }

    /// The `id` of an area or an edition: the id rule, and not one already used (for areas,
    /// `nationwide` is taken: it means the whole country).
    private static func readID(_ r: inout FieldReader, what: String, taken: Set<String>, example: String) -> String? {
        guard let (raw, node) = r.scalar("id", "\(what)の id", required: true) else { return nil }
        let value = Normalizer.text(raw)
        if !ValueRules.isValidID(value) {
            r.report(.idInvalid, at: node.position, "\(what)の id「\(value)」は半角英小文字・数字・ハイフンで書きます。",
                     hint: "例: id: \(example)")
        } else if value == "nationwide", taken.contains(value) {
            r.report(.idInvalid, at: node.position, "nationwide は全国を表す言葉なので、\(what)の id には使えません。")
        } else if taken.contains(value) {
            r.report(.idDuplicate, at: node.position, "\(what)の id「\(value)」が2回使われています。")
        } else {
            return value
        }
        return nil
    }

    private static func readAreas(_ r: inout FieldReader) -> [Area] {
        guard let items = r.items("areas", "エリア", required: true) else { return [] }
        var areas: [Area] = []
        var neighborNodes: [(areaID: String, id: String, node: YAMLNode)] = []
        for item in items {
            var a = FieldReader(item, file: r.file, allowedKeys: areaKeys, context: "areas の項目")
            let id = readID(&a, what: "エリア", taken: Set(areas.map(\.id)).union(["nationwide"]), example: "sakura")
            let name = a.text("name", "エリアの名前", required: true, maxLength: 60)
            var kana: String?
            if let (raw, node) = a.scalar("kana", "エリアのよみがな", required: true) {
                let value = Normalizer.text(raw)
                if let (offset, character) = ValueRules.firstNonKana(value) {
                    a.report(.kanaInvalid, at: node.position(ofCharacter: offset),
                             "kana（よみがな）に「\(character)」は使えません。ひらがな・カタカナ・ー・スペース・英数字で書きます。")
                } else if !value.isEmpty {
                    kana = value
                }
            }
            let prefecture = a.text("prefecture", "都道府県", maxLength: 20)
            var neighbors: [String] = []
            for (neighbor, node) in a.textList("neighbors", "近隣エリア") ?? [] {
                if let id { neighborNodes.append((id, neighbor, node)) }
                if !neighbors.contains(neighbor) { neighbors.append(neighbor) }
            }
            r.absorb(a)
            if let id, let name, let kana {
                areas.append(Area(id: id, name: name, kana: kana, prefecture: prefecture, neighbors: neighbors))
            }
        }
        let known = areas.map(\.id)
        for (areaID, neighbor, node) in neighborNodes where !known.contains(neighbor) || neighbor == areaID {
            if neighbor == areaID {
                r.report(.neighborUnknown, at: node.position, "エリア「\(areaID)」の neighbors に自分自身が書かれています。")
            } else {
                r.report(.neighborUnknown, at: node.position, "近隣エリア「\(neighbor)」は areas にありません。",
                         hint: DidYouMean.hint(for: neighbor, among: known))
            }
        }
        return areas
    }

    private static func readEditions(_ r: inout FieldReader, areas: [Area]) -> [Edition] {
        guard let items = r.items("editions", "冊子") else { return [] }
        var editions: [Edition] = []
        let known = areas.map(\.id)
        for item in items {
            var e = FieldReader(item, file: r.file, allowedKeys: editionKeys, context: "editions の項目")
            let id = readID(&e, what: "冊子", taken: Set(editions.map(\.id)), example: "sakura")
            let title = e.text("title", "冊子の題名", maxLength: 120)
            var editionAreas: [String] = []
            for (areaID, node) in e.textList("areas", "冊子のエリア") ?? [] {
                if known.contains(areaID) {
                    if !editionAreas.contains(areaID) { editionAreas.append(areaID) }
                } else {
                    e.report(.editionAreaUnknown, at: node.position, "冊子のエリア「\(areaID)」は areas にありません。",
                             hint: DidYouMean.hint(for: areaID, among: known))
                }
            }
            if !e.has("areas") { e.missing("areas", "冊子のエリア") }
            let paper = e.vocabulary("paper", "紙の大きさ", as: Paper.self) ?? .a6
            let issued = e.day("issued", "発行日")?.0
            r.absorb(e)
            if let id, !editionAreas.isEmpty {
                editions.append(Edition(id: id, title: title ?? "", areas: editionAreas, paper: paper, issued: issued))
            }
        }
        return editions
    }
}
