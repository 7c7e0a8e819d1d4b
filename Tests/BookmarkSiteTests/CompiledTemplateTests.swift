import BookmarkBooklet
import BookmarkModel
@testable import BookmarkTemplates
import BookmarkTesting
import BookmarkValidator
import Foundation
import Testing

@testable import BookmarkSite

/// `CompiledTemplate` must render exactly what swift-mustache renders: every page of the
/// sample guide, and thousands of random templates over random values.
@Suite struct CompiledTemplateTests {
    static let repoRoot = BuiltSite.themesFolder.deletingLastPathComponent()

    @Test func everyFileOfTheSampleGuideIsTheSame() throws {
        let result = GuideValidator.validate(
            contentFolder: Self.repoRoot.appendingPathComponent("content"), themesFolder: BuiltSite.themesFolder,
            today: FixtureGuide.today)
        let guide = try #require(result.guide)
        func files(compile: Bool) throws -> [String: Data] {
            let theme = try Theme.load(themesFolder: BuiltSite.themesFolder, name: guide.site.theme, compile: compile)
            let site = try SiteBuilder(guide: guide, theme: theme).build()
            let booklet = try BookletBuilder(guide: guide, theme: theme).htmlFiles()
            return Dictionary(uniqueKeysWithValues: try (site + booklet).map { ($0.path, try $0.contents) })
        }
        let compiled = try files(compile: true)
        let reference = try files(compile: false)
        #expect(compiled.count == reference.count)
        #expect(compiled.count > 30)
        for (path, bytes) in reference.sorted(by: { $0.key < $1.key }) {
            #expect(compiled[path] == bytes, "\(path) differs")
        }
    }

    @Test func theDefaultThemeIsCompiledWhole() throws {
        let theme = try Theme.load(themesFolder: BuiltSite.themesFolder, name: "default")
        let compiled = try #require(theme.compiled)
        let names = try FileManager.default.subpathsOfDirectory(
            atPath: BuiltSite.themesFolder.appendingPathComponent("default/templates").path
        ).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(compiled.templates.keys) == Set(names))
    }

    /// Random templates (texts with newlines, tabs and the five escaped characters, every kind
    /// of tag, standalone or not, partials indented or not) over random values (texts,
    /// numbers, flags, lists, nested values, and kinds the renderer leaves to swift-mustache).
    @Test func randomTemplatesRenderAsSwiftMustacheDoes() throws {
        var random = SplitMix(seed: 20261203)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookmark-compiled-\(UUID().uuidString)")
        let templates = folder.appendingPathComponent("t/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 400
        for index in 0..<count {
            try RandomTemplate.text(&random, depth: 0, partials: true)
                .write(to: templates.appendingPathComponent("t\(index).mustache"), atomically: true, encoding: .utf8)
        }
        for index in 0..<3 {
            try RandomTemplate.text(&random, depth: 1, partials: false)
                .write(to: templates.appendingPathComponent("p\(index).mustache"), atomically: true, encoding: .utf8)
        }
        let fast = try Theme.load(themesFolder: folder, name: "t")
        let reference = try Theme.load(themesFolder: folder, name: "t", compile: false)
        let compiled = try #require(fast.compiled)
        var renderedCompiled = 0
        for index in 0..<count {
            for _ in 0..<5 {
                let context = RandomTemplate.context(&random, depth: 0)
                let name = "t\(index)"
                let expected = try reference.render(name, context)
                #expect(try fast.render(name, context) == expected, "\(name) with \(context)")
                if let tree = compiled.templates[name], let direct = try? compiled.render(tree, context) {
                    renderedCompiled += 1
                    #expect(String(decoding: direct, as: UTF8.self) == expected, "\(name) with \(context)")
                    #expect(try fast.renderData(name, context) == Data(expected.utf8))
                }
            }
        }
        // Most cases must go through the compiled renderer, or this test compares nothing.
        #expect(renderedCompiled > count * 5 / 2, "\(renderedCompiled) of \(count * 5) rendered compiled")
    }
}

enum RandomTemplate {
    static let keys = ["a", "b", "list", "flag", "n", "item"]
    static let texts = ["x", " ", "  ", "\t", "\n", "\n", "\r\n", "<p class=\"", "'&>", "相談", "\"\u{301}", "}", "　"]

    static func name(_ random: inout SplitMix) -> String {
        let key = keys.randomElement(using: &random)!
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return "."
        case 1: return "item.a"
        case 2: return ".\(key)"
        case 3: return "count(\(key))"
        case 4: return "empty(\(key))"
        case 5: return "first(\(key))"  // a transform left to swift-mustache
        default: return key
        }
    }

    static func text(_ random: inout SplitMix, depth: Int, partials: Bool) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0..<8, using: &random) {
            let indent = Bool.random(using: &random) ? "" : ["  ", "\t", " "].randomElement(using: &random)!
            switch Int.random(in: 0..<14, using: &random) {
            case 0...3: out += texts.randomElement(using: &random)!
            case 4: out += "{{\(name(&random))}}"
            case 5: out += "{{{\(name(&random))}}}"
            case 6: out += "{{& \(name(&random)) }}"
            case 7...8 where depth < 3:
                let tag = name(&random)
                let open = Bool.random(using: &random) ? "#" : "^"
                let newline = Bool.random(using: &random) ? "\n" : ""
                out += "\(indent){{\(open)\(tag)}}\(newline)" + text(&random, depth: depth + 1, partials: partials)
                    + "\(Bool.random(using: &random) ? indent : ""){{/\(tag)}}\(newline)"
            case 9 where partials:
                let partial = ["p0", "p1", "p2", "missing"].randomElement(using: &random)!
                out += Bool.random(using: &random) ? "\(indent){{> \(partial)}}\n" : "{{>\(partial)}}"
            case 10: out += "\(indent){{! a comment }}\(Bool.random(using: &random) ? "\n" : "")"
            case 11:
                let type = ["TEXT", "HTML", "BOOKMARK_HTML"].randomElement(using: &random)!
                out += "\(indent){{% CONTENT_TYPE:\(type)}}\(Bool.random(using: &random) ? "\n" : "")"
            default: out += "\n"
            }
        }
        return out
    }

    static func value(_ random: inout SplitMix, depth: Int) -> Any? {
        switch Int.random(in: 0..<13, using: &random) {
        case 0, 1: return nil
        case 2, 3: return texts.randomElement(using: &random)! + texts.randomElement(using: &random)!
        case 4: return ""
        case 5: return Int.random(in: -2...12, using: &random)
        case 6: return Bool.random(using: &random)
        case 7: return (0..<Int.random(in: 0...3, using: &random)).map { _ in texts.randomElement(using: &random)! }
        case 8 where depth < 2:
            return (0..<Int.random(in: 0...3, using: &random)).map { _ in context(&random, depth: depth + 1) }
        case 9 where depth < 2: return context(&random, depth: depth + 1)
        case 10 where depth < 2:
            return (0..<Int.random(in: 0...3, using: &random)).map { _ -> Any in
                value(&random, depth: depth + 1) ?? "z"
            }
        case 11: return 2.5  // a kind left to swift-mustache
        default: return "値"
        }
    }

    static func context(_ random: inout SplitMix, depth: Int) -> [String: Any] {
        var values: [String: Any] = [:]
        for key in keys { values[key] = value(&random, depth: depth) }
        return values
    }
}
