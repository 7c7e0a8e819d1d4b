import BookmarkModel

/// A light scan of YAML text for what the project refuses before parsing.
///
/// It tracks quotes and block scalars well enough to find tabs, anchors (`&a`), aliases
/// (`*a`), bracket depth and line length at the place an editor wrote them.
enum YAMLPrescan {
    static func problems(in yaml: String, file: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var depth = 0
        var blockIndent: Int?  // inside a `|` or `>` block scalar: lines indented deeper than this
        var reportedDepth = false

        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1 + lineOffset
            let scalars = Array(line.unicodeScalars)
            func report(_ code: DiagnosticCode, at column: Int, _ message: String, _ hint: String? = nil) {
                diagnostics.append(
                    Diagnostic(file: file, line: lineNumber, column: column, code: code, message: message, hint: hint))
            }

            if scalars.count > Limits.frontMatterLineCharacters {
                report(.lineTooLong, at: 1, "行が長すぎます（上限 \(Limits.frontMatterLineCharacters) 文字）。")
                continue
            }
            if let tab = scalars.firstIndex(of: "\t") {
                report(.yamlTab, at: tab + 1, "タブ文字は使えません。字下げや区切りには半角スペースを使います。",
                       "タブをスペースに置き換えてください")
            }

            let indent = scalars.prefix { $0 == " " }.count
            if let block = blockIndent {
                if scalars.allSatisfy({ $0 == " " }) || indent > block { continue }
                blockIndent = nil
            }

            var quote: Unicode.Scalar?
            var nodeStart = true  // at a place where a YAML node may begin
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if let q = quote {
                    if c == q {
                        // '' inside single quotes is an escaped quote
                        if q == "'", i + 1 < scalars.count, scalars[i + 1] == "'" { i += 2; continue }
                        quote = nil
                    } else if c == "\\", q == "\"" {
                        i += 1
                    }
                    i += 1
                    continue
                }
                switch c {
                case " ":
                    break
                case "#" where i == 0 || scalars[i - 1] == " ":
                    i = scalars.count
                    continue
                case "\"" where nodeStart, "'" where nodeStart:
                    quote = c
                    nodeStart = false
                case "*" where nodeStart, "&" where nodeStart:
                    report(.yamlAlias, at: i + 1,
                           "「\(c)」で始まる値（YAML のアンカー・エイリアス）は使えません。",
                           "文字として書くときは値全体を \"…\" で囲んでください")
                    nodeStart = false
                case "[", "{":
                    depth += 1
                    if depth > Limits.yamlDepth, !reportedDepth {
                        report(.yamlTooDeep, at: i + 1, "かっこの入れ子が深すぎます（上限 \(Limits.yamlDepth)）。")
                        reportedDepth = true
                    }
                    nodeStart = true
                case "]", "}":
                    depth = max(0, depth - 1)
                    nodeStart = false
                case ",":
                    nodeStart = depth > 0
                case "-", "?", ":":
                    let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                    if next == " " {
                        nodeStart = true
                    } else {
                        nodeStart = false
                    }
                case "|" where nodeStart, ">" where nodeStart:
                    // A block scalar: its lines are text, whatever they hold.
                    blockIndent = indent
                    i = scalars.count
                    continue
                default:
                    nodeStart = false
                }
                i += 1
            }
        }
        return diagnostics
    }
}
