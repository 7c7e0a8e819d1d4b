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
        // Work on UTF-8 bytes: fences are ASCII, and entries are split by the thousand.
        let bytes = Array(source.text.utf8)
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        func line(_ n: Int) -> ArraySlice<UInt8> {
            let start = lineStarts[n]
            let end = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : bytes.count
            return bytes[start..<max(start, end)]
        }
        guard isFence(line(0), "-") else {
            return .failure(
                Diagnostic(
                    file: source.file, line: 1, column: 1, code: .frontMatterMissing,
                    message: "ファイルの1行目が --- ではありません。項目は --- と --- の間に書きます。",
                    hint: "1行目に --- だけを書き、項目のあとにもう一度 --- を書いてください"))
        }
        guard let close = (1..<lineStarts.count).first(where: { isFence(line($0), "-") || isFence(line($0), ".") }) else {
            return .failure(
                Diagnostic(
                    file: source.file, line: 1, column: 1, code: .frontMatterUnclosed,
                    message: "1行目の --- に対応する閉じの --- が見つかりません。",
                    hint: "項目の終わりに --- だけの行を書いてください"))
        }
        let yamlStart = lineStarts.count > 1 ? lineStarts[1] : bytes.count
        let yamlEnd = max(yamlStart, lineStarts[close] - 1)
        let bodyStart = close + 1 < lineStarts.count ? lineStarts[close + 1] : bytes.count
        return .success(
            FrontMatter(
                yaml: String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self), lineOffset: 1,
                body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyFirstLine: close + 2))
    }

    /// `---` (or `...`) with nothing after it but spaces or tabs.
    private static func isFence(_ line: ArraySlice<UInt8>, _ mark: Character) -> Bool {
        let byte = mark.asciiValue!
        var content = line[...]
        while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
        return content.count == 3 && content.allSatisfy { $0 == byte }
    }
}
