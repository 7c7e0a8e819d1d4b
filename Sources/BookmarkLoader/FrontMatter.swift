import BookmarkModel

/// An entry or page file split at its `---` fences.
public struct FrontMatter: Sendable {
    /// The YAML between the fences.
    public var yaml: String
    /// File line of the YAML's first line minus one: YAML line `n` is file line `n + lineOffset`.
    public var lineOffset: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// File line where the body starts.
    public var bodyFirstLine: Int

    /// Splits `---\n<yaml>\n---\n<body>`. The closing fence may also be `...`.
    public static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            return .failure(
                Diagnostic(
                    file: source.file, line: 1, column: 1, code: .frontMatterMissing,
                    message: "ファイルの1行目が --- ではありません。項目は --- と --- の間に書きます。",
                    hint: "1行目に --- だけを書き、項目のあとにもう一度 --- を書いてください"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || isEnd(lines[$0]) })
        else {
            return .failure(
                Diagnostic(
                    file: source.file, line: 1, column: 1, code: .frontMatterUnclosed,
                    message: "1行目の --- に対応する閉じの --- が見つかりません。",
                    hint: "項目の終わりに --- だけの行を書いてください"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, lineOffset: 1, body: body, bodyFirstLine: close + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces == "---"
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces == "..."
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first,
            c == " " || c == "\t"
        {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
