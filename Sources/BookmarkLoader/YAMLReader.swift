import BookmarkModel
import Foundation
import Yams

/// Reads front matter or `site.yml` into `YAMLNode`s, or into diagnostics.
///
/// Before YAML sees the text, a pre-scan refuses what editors never need and attackers
/// like: tabs (YAML forbids them in indentation and libyaml's message is cryptic), anchors
/// and aliases (alias bombs), very deep brackets (the composer recurses) and very long lines.
/// Yams then composes with the basic resolver, so `09:00`, `no` and `on` stay text; the usual
/// front matter takes a faster way to the same nodes (`YAMLEventReader`).
public enum YAMLReader {
    public struct Result: Sendable {
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - file: the relative path for diagnostics.
    ///   - lineOffset: added to YAML line numbers to give file lines.
    public static func read(_ yaml: String, file: String, lineOffset: Int) -> Result {
        let problems = YAMLPrescan.problems(in: yaml, file: file, lineOffset: lineOffset)
        if !problems.isEmpty { return Result(root: nil, diagnostics: problems) }
        // The usual front matter, read from libyaml's events; anything else goes through Yams.
        if let root = YAMLEventReader.root(of: yaml, lineOffset: lineOffset) {
            return Result(root: root, diagnostics: [])
        }
        return readWithYams(yaml, file: file, lineOffset: lineOffset)
    }

    /// Composes with Yams and words what goes wrong; the pre-scan must have found nothing.
    static func readWithYams(_ yaml: String, file: String, lineOffset: Int) -> Result {
        // Yams stops at the first duplicate key; blank the duplicate out and read again, so one
        // run still reports every other problem of the file.
        var text = yaml
        var duplicates: [Diagnostic] = []
        /// A problem of the whole front matter, after the duplicates found so far.
        func failure(_ code: DiagnosticCode, _ message: String) -> Result {
            Result(root: nil, diagnostics: duplicates + [
                Diagnostic(file: file, line: 1 + lineOffset, column: 1, code: code, message: message)
            ])
        }
        for _ in 0..<50 {
            do {
                guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                    return Result(root: nil, diagnostics: duplicates)
                }
                var budget = Limits.yamlNodes
                guard let root = convert(node, lineOffset: lineOffset, budget: &budget) else {
                    return failure(.yamlTooDeep, "項目の数が多すぎます（上限 \(Limits.yamlNodes)）。")
                }
                return Result(root: root, diagnostics: duplicates)
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                let key = keys.first ?? ""
                let place = secondOccurrence(of: key, after: context.mark, in: text)
                duplicates.append(
                    Diagnostic(
                        file: file, line: place.line + lineOffset, column: place.column, code: .yamlDuplicateKey,
                        message: "「\(key)」が2回書かれています。同じ項目は1回だけ書きます。",
                        hint: "どちらか一方を消してください"))
                guard let blanked = blankOut(lineAt: place, in: text), blanked != text else {
                    return Result(root: nil, diagnostics: duplicates)
                }
                text = blanked
            } catch let error as YamlError {
                return Result(root: nil, diagnostics: duplicates + [diagnostic(for: error, yaml: text, file: file, lineOffset: lineOffset)])
            } catch {
                return failure(.yamlSyntax, "YAML として読めませんでした。")
            }
        }
        return Result(root: nil, diagnostics: duplicates)
    }

    /// The text with a key's line, and the more-indented lines under it, made empty.
    static func blankOut(lineAt place: SourcePosition, in yaml: String) -> String? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = place.line - 1
        guard lines.indices.contains(index) else { return nil }
        let keyColumn = place.column - 1
        // `- key:` starts a sequence item: keep the dash so the item stays.
        let prefix = String(lines[index].unicodeScalars.prefix(keyColumn).map(Character.init))
        lines[index] = prefix.contains("-") ? prefix + "_duplicate_\(index): ~" : ""
        var next = index + 1
        while next < lines.count {
            let indent = lines[next].prefix { $0 == " " }.count
            if lines[next].trimmingCharacters(in: .whitespaces).isEmpty || indent > keyColumn {
                lines[next] = ""
                next += 1
            } else {
                break
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func convert(_ node: Node, lineOffset: Int, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let position = node.mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
            ?? SourcePosition(line: 1 + lineOffset, column: 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string, quoted: scalar.style != .plain), position: position)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let converted = convert(item, lineOffset: lineOffset, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YAMLNode(value: .sequence(items), position: position)
        case .mapping(let mapping):
            var pairs: [(key: YAMLKey, value: YAMLNode)] = []
            for (key, value) in mapping {
                guard let keyNode = convert(key, lineOffset: lineOffset, budget: &budget),
                    let valueNode = convert(value, lineOffset: lineOffset, budget: &budget)
                else { return nil }
                // A key that is not text (a list or mapping as key) keeps a name no field has.
                let name = keyNode.scalar ?? "<\(keyNode.japaneseTypeName)>"
                pairs.append((YAMLKey(name: name, position: keyNode.position), valueNode))
            }
            return YAMLNode(value: .mapping(pairs), position: position)
        case .alias:
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let (message, hint) = YAMLMessages.japanese(for: problem)
            // An unclosed quote or bracket is found at the end; the editor needs where it opened.
            if problem.contains("end of stream"), let context, context.mark.line >= 1 {
                return Diagnostic(
                    file: file, line: context.mark.line + lineOffset, column: max(context.mark.column, 1),
                    code: .yamlSyntax, message: message, hint: hint)
            }
            return Diagnostic(
                file: file, line: max(mark.line, 1) + lineOffset, column: max(mark.column, 1),
                code: .yamlSyntax, message: message, hint: hint)
        case let .reader(problem, _, _, _):
            return Diagnostic(
                file: file, line: 1 + lineOffset, column: 1, code: .yamlSyntax,
                message: "YAML として読めない文字があります。", hint: problem)
        default:
            return Diagnostic(
                file: file, line: 1 + lineOffset, column: 1, code: .yamlSyntax,
                message: "YAML として読めませんでした。")
        }
    }

    /// Yams reports the first of two equal keys; the editor needs the second one.
    static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> SourcePosition {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let column = mark.column
        guard mark.line >= 1 else { return SourcePosition(line: 1, column: 1) }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= column - 1 + key.unicodeScalars.count else { continue }
            let prefix = scalars[0..<(column - 1)]
            guard prefix.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            for quoted in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(quoted) {
                let after = rest.dropFirst(quoted.count).drop(while: { $0 == " " })
                if after.hasPrefix(":") { return SourcePosition(line: index + 1, column: column) }
            }
        }
        return SourcePosition(line: mark.line, column: mark.column)
    }
}
