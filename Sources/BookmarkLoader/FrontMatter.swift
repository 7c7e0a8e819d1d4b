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
        // Work on UTF-8 bytes: fences are ASCII, and entries are split by the thousand. Lines
        // are only looked at up to the closing fence; the body is taken whole.
        var text = source.text
        let found: Result<(close: Int, yaml: Range<Int>, body: Int), Diagnostic> = text.withUTF8 { bytes in
            /// The end of the line starting at `start` (its `\n`, or the end of the text).
            func lineEnd(_ start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                return end
            }
            let firstEnd = lineEnd(0)
            guard isFence(bytes[0..<firstEnd], "-") else {
                return .failure(
                    Diagnostic(
                        file: source.file, line: 1, column: 1, code: .frontMatterMissing,
                        message: "ファイルの1行目が --- ではありません。項目は --- と --- の間に書きます。",
                        hint: "1行目に --- だけを書き、項目のあとにもう一度 --- を書いてください"))
            }
            var close: (line: Int, start: Int, end: Int)?
            var line = 0
            var end = firstEnd
            while close == nil, end < bytes.count {
                line += 1
                let start = end + 1
                end = lineEnd(start)
                if isFence(bytes[start..<end], "-") || isFence(bytes[start..<end], ".") { close = (line, start, end) }
            }
            guard let close else {
                return .failure(
                    Diagnostic(
                        file: source.file, line: 1, column: 1, code: .frontMatterUnclosed,
                        message: "1行目の --- に対応する閉じの --- が見つかりません。",
                        hint: "項目の終わりに --- だけの行を書いてください"))
            }
            let yamlStart = firstEnd + 1
            return .success((close.line, yamlStart..<max(yamlStart, close.start - 1), min(close.end + 1, bytes.count)))
        }
        // The pieces are cut from the text, which is valid already, at line ends (ASCII), so
        // they need no decoding again.
        let utf8 = text.utf8
        func piece(_ offsets: Range<Int>) -> String {
            let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            return String(Substring(utf8[start..<utf8.index(start, offsetBy: offsets.count)]))
        }
        return found.map { close, yaml, body in
            FrontMatter(yaml: piece(yaml), lineOffset: 1, body: piece(body..<utf8.count), bodyFirstLine: close + 2)
        }
    }

    /// `---` (or `...`) with nothing after it but spaces or tabs.
    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ mark: Character) -> Bool {
        let byte = mark.asciiValue!
        guard line.count >= 3, line[line.startIndex] == byte else { return false }
        var content = line[...]
        while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
        return content.count == 3 && content.allSatisfy { $0 == byte }
    }
}
