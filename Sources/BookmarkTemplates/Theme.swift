import BookmarkOutput
import BookmarkSystem
import Foundation
import Mustache

/// A theme folder: Mustache templates and static assets.
///
/// ```
/// themes/<name>/templates/*.mustache   page templates and partials ({{> name}})
/// themes/<name>/assets/**              copied to <output>/assets/
/// ```
/// A guide overrides single templates by putting a file of the same name in
/// `<content>/templates/`; everything else comes from the theme.
public struct Theme: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case template(name: String, problem: String)

        public var description: String {
            switch self {
            case .missing(let path): "テーマのフォルダ（\(path)）が見つかりません。"
            case let .template(name, problem): "テンプレート「\(name)」を読めません: \(problem)"
            }
        }
    }

    public let name: String
    public let folder: URL
    let library: MustacheLibrary
    /// The templates rendered without swift-mustache (see `CompiledTemplate`); nil when off.
    let compiled: CompiledRendering?

    /// - Parameters:
    ///   - themesFolder: the folder holding themes (`themes/`).
    ///   - name: the theme's folder name (`site.yml`'s `theme:`).
    ///   - overrides: a folder of templates that replace the theme's own, if it exists.
    ///   - compile: render with `CompiledTemplate` where it can (tests compare with false).
    public static func load(themesFolder: URL, name: String, overrides: URL? = nil, compile: Bool = true) throws -> Theme {
        let folder = themesFolder.appendingPathComponent(name)
        let templates = folder.appendingPathComponent("templates")
        guard FileManager.default.fileExists(atPath: templates.path) else { throw Failure.missing(templates.path) }
        var sources: [String: String] = [:]
        for source in [templates, overrides].compactMap({ $0 }) {
            for (templateName, text) in try templateFiles(in: source) { sources[templateName] = text }
        }
        HTMLEscaping.register()
        var library = MustacheLibrary()
        for (templateName, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(HTMLEscaping.pragma + "\n" + text, named: templateName)
            } catch {
                throw Failure.template(name: templateName, problem: "\(error)")
            }
        }
        return Theme(name: name, folder: folder, library: library, compiled: compile ? Self.compiled(library, sources.keys) : nil)
    }

    /// The templates `CompiledTemplate` can hold, with every partial they name (a partial the
    /// library lacks renders as nothing either way).
    private static func compiled(_ library: MustacheLibrary, _ names: some Sequence<String>) -> CompiledRendering? {
        var compiled: [String: CompiledTemplate] = [:]
        var uncompiled: Set<String> = []
        for name in names {
            guard let template = library.getTemplate(named: name) else { continue }
            if let steps = CompiledTemplate(template) { compiled[name] = steps } else { uncompiled.insert(name) }
        }
        // Drop those that use an uncompiled partial, until none does.
        var changed = true
        while changed {
            changed = false
            for (name, steps) in compiled where steps.partials.contains(where: uncompiled.contains) {
                compiled[name] = nil
                uncompiled.insert(name)
                changed = true
            }
        }
        guard let plain = try? MustacheTemplate(string: "{{% CONTENT_TYPE:HTML}}"),
            let html = CompiledTemplate(plain)?.escapings.first
        else { return nil }
        return CompiledRendering(templates: compiled, defaultEscaping: html)
    }

    /// `name` → text for every `*.mustache` below `folder` (`print/entry` for sub-folders).
    private static func templateFiles(in folder: URL) throws -> [(String, String)] {
        try Folder.files(under: folder.path, skippingHidden: false).filter { $0.hasSuffix(".mustache") }.map { relative in
            let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            return (String(relative.dropLast(".mustache".count)), text)
        }
    }

    public func has(_ template: String) -> Bool { library.getTemplate(named: template) != nil }

    /// Renders a template; `{{value}}` is HTML-escaped, `{{{value}}}` is not (only for HTML
    /// this tool made safe, such as rendered Markdown).
    public func render(_ template: String, _ context: Any) throws -> String {
        if let bytes = renderCompiled(template, context) { return String(decoding: bytes, as: UTF8.self) }
        return try renderWithSwiftMustache(template, context)
    }

    /// The same as `render`, as the bytes of a file: a compiled template's bytes are not
    /// made into a String and back (checking 150 MB of pages as UTF-8 on the way).
    public func renderData(_ template: String, _ context: Any) throws -> Data {
        if let bytes = renderCompiled(template, context) { return Data(bytes) }
        return Data(try renderWithSwiftMustache(template, context).utf8)
    }

    private func renderCompiled(_ template: String, _ context: Any) -> [UInt8]? {
        guard let compiled, let steps = compiled.templates[template] else { return nil }
        return try? compiled.render(steps, context)
    }

    private func renderWithSwiftMustache(_ template: String, _ context: Any) throws -> String {
        guard let output = library.render(context, withTemplate: template) else {
            throw Failure.template(name: template, problem: "テンプレートがありません")
        }
        return output
    }

    /// Every file under the theme's `assets/`, with its path relative to that folder, sorted
    /// by path (the route table puts them under `assets/` in the site).
    public func assets() throws -> [OutputFile] {
        let base = folder.appendingPathComponent("assets")
        return try Folder.files(under: base.path).map { relative in
            OutputFile(path: relative, contents: try Data(contentsOf: base.appendingPathComponent(relative)))
        }
    }
}
