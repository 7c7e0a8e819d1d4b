import BookmarkModel

/// A light scan of YAML text for what the project refuses before parsing.
///
/// It tracks quotes and block scalars well enough to find tabs, anchors (`&a`), aliases
/// (`*a`), bracket depth and line length at the place an editor wrote them.
///
/// It reads UTF-8 bytes: every mark it looks for is ASCII, and the bytes of other characters
/// are all 0x80 or more, so they never match one. Columns and lengths count Unicode scalars
/// (bytes that do not continue a character), as editors do.
enum YAMLPrescan {
    static func problems(in yaml: String, file: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var depth = 0
        var blockIndent: Int?  // inside a `|` or `>` block scalar: lines indented deeper than this
        var reportedDepth = false
        var text = yaml
        text.withUTF8 { bytes in
            var lineNumber = lineOffset
            for line in lines(of: bytes) {
                lineNumber += 1
                scan(line, lineNumber: lineNumber)
            }
        }

        func scan(_ line: Slice<UnsafeBufferPointer<UInt8>>, lineNumber: Int) {
            func report(_ code: DiagnosticCode, at column: Int, _ message: String, _ hint: String? = nil) {
                diagnostics.append(
                    Diagnostic(file: file, line: lineNumber, column: column, code: code, message: message, hint: hint))
            }
            /// The 1-based column of the character starting at byte `index`.
            func column(_ index: Int) -> Int { scalarCount(line[line.startIndex..<index]) + 1 }

            if line.count > Limits.frontMatterLineCharacters, scalarCount(line) > Limits.frontMatterLineCharacters {
                report(.lineTooLong, at: 1, "行が長すぎます（上限 \(Limits.frontMatterLineCharacters) 文字）。")
                return
            }
            if let tab = line.firstIndex(of: 0x09) {
                report(.yamlTab, at: column(tab), "タブ文字は使えません。字下げや区切りには半角スペースを使います。",
                       "タブをスペースに置き換えてください")
            }

            let indent = line.prefix { $0 == 0x20 }.count
            if let block = blockIndent {
                if indent == line.count || indent > block { return }
                blockIndent = nil
            }

            var quote: UInt8?
            var nodeStart = true  // at a place where a YAML node may begin
            var i = line.startIndex
            let end = line.endIndex
            while i < end {
                let c = line[i]
                if let q = quote {
                    if c == q {
                        // '' inside single quotes is an escaped quote
                        if q == 0x27, i + 1 < end, line[i + 1] == 0x27 { i += 2; continue }
                        quote = nil
                    } else if c == 0x5C, q == 0x22 {
                        // The escaped character is skipped; if it is not ASCII, its other
                        // bytes cannot match a quote or a backslash either.
                        i += 1
                    }
                    i += 1
                    continue
                }
                switch c {
                case 0x20:  // space
                    break
                case 0x23 where i == line.startIndex || line[i - 1] == 0x20:  // `#` starts a comment
                    return
                case 0x22 where nodeStart, 0x27 where nodeStart:  // `"`, `'`
                    quote = c
                    nodeStart = false
                case 0x2A where nodeStart, 0x26 where nodeStart:  // `*`, `&`
                    report(.yamlAlias, at: column(i),
                           "「\(Character(Unicode.Scalar(c)))」で始まる値（YAML のアンカー・エイリアス）は使えません。",
                           "文字として書くときは値全体を \"…\" で囲んでください")
                    nodeStart = false
                case 0x5B, 0x7B:  // `[`, `{`
                    depth += 1
                    if depth > Limits.yamlDepth, !reportedDepth {
                        report(.yamlTooDeep, at: column(i), "かっこの入れ子が深すぎます（上限 \(Limits.yamlDepth)）。")
                        reportedDepth = true
                    }
                    nodeStart = true
                case 0x5D, 0x7D:  // `]`, `}`
                    depth = max(0, depth - 1)
                    nodeStart = false
                case 0x2C:  // `,`
                    nodeStart = depth > 0
                case 0x2D, 0x3F, 0x3A:  // `-`, `?`, `:`
                    nodeStart = i + 1 == end || line[i + 1] == 0x20
                case 0x7C where nodeStart, 0x3E where nodeStart:  // `|`, `>`
                    // A block scalar: its lines are text, whatever they hold.
                    blockIndent = indent
                    return
                default:
                    nodeStart = false
                }
                i += 1
            }
        }
        return diagnostics
    }

    /// The lines as `String.split(separator: "\n")` gives them: a CR LF pair is one character,
    /// so its LF does not end a line.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var lines: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        lines.append(bytes[start...])
        return lines
    }

    /// Unicode scalars in valid UTF-8: the bytes that are not continuation bytes.
    static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
