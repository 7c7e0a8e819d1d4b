import BookmarkModel

/// Shortens an entry's description so a card fits its page.
///
/// The rule, for editors: the body is printed whole when it has at most `limit` characters
/// (spaces and line breaks count as one). A longer body is cut after the last sentence end
/// (`。`, `！`, `？`, `!`, `?`) within the first `limit` characters, and `…` is added; when no
/// sentence ends there, it is cut at `limit − 1` characters. The whole text stays on the
/// site, reached by the card's QR code.
///
/// ```swift
/// BodyShortener(limit: 10).shorten("短い文です。次の文はとても長いです。")  // "短い文です。…"
/// ```
public struct BodyShortener: Sendable {
    public let limit: Int

    public init(limit: Int) {
        self.limit = max(limit, 2)
    }

    /// Characters of body per card for a paper size: about two lines of a card on A6 and
    /// B6 (so two cards often share a page), more on larger paper.
    public init(paper: Paper) {
        switch paper {
        case .a6: self.init(limit: 60)
        case .b6: self.init(limit: 90)
        case .a5: self.init(limit: 160)
        case .a4: self.init(limit: 240)
        }
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?"]

    /// How many characters past `limit` a card may hold when its page has room for them.
    public static let moreLimit = 300

    /// The body as a card prints it: what `shorten` keeps (without its `…`), then the rest
    /// (at most `moreLimit` characters) in pieces of a sentence each; a longer sentence is cut
    /// after a `、` past half of `limit` (at least 20), or at `limit`. `bookmark-render` prints pieces, in order,
    /// while a page has room below its last card, and `…` after the last one printed unless
    /// it is the end of the text (`whole`). Without a renderer that does so (a browser, plain
    /// WeasyPrint), every piece shows.
    public func pieces(_ text: String) -> (shown: String, more: [String], whole: Bool) {
        let short = shorten(text)
        let flat = Self.collapsingWhitespace(text, upTo: limit + Self.moreLimit + 1)
        guard flat.count > limit, short.hasSuffix("…") else { return (short, [], true) }
        let shown = String(short.dropLast())
        let rest = flat.dropFirst(shown.count).prefix(Self.moreLimit)
        let whole = flat.count <= shown.count + Self.moreLimit
        let longest = max(limit, 20)
        var more: [String] = []
        var piece = ""
        // Counted as it grows: asking the piece for its count and whether it is all closing
        // marks at every character went over it again each time (5 % of a 10,000-entry
        // build's CPU, in Swift's grapheme breaking).
        var pieceCount = 0
        var closingOnly = true
        // A piece of closing marks only (`。`, `」`) joins the one before: no line starts with it.
        func isClosing(_ character: Character) -> Bool { Self.sentenceEnds.contains(character) || "、」）』".contains(character) }
        func flush() {
            guard pieceCount > 0 else { return }
            if !more.isEmpty, closingOnly {
                more[more.count - 1] += piece
            } else {
                more.append(piece)
            }
            piece = ""
            pieceCount = 0
            closingOnly = true
        }
        for character in rest {
            piece.append(character)
            pieceCount += 1
            if closingOnly, !isClosing(character) { closingOnly = false }
            guard !closingOnly else { continue }
            if Self.sentenceEnds.contains(character) || (character == "、" && pieceCount >= longest / 2) || pieceCount >= longest {
                flush()
            }
        }
        flush()
        return (shown, more, whole)
    }

    public func shorten(_ text: String) -> String {
        // Only the first `limit` characters are kept, and one more tells that there were
        // more: a body of hundreds of characters is not flattened to the end.
        let flat = Self.collapsingWhitespace(text, upTo: limit + 1)
        guard flat.count > limit else { return flat }
        let head = flat.prefix(limit)
        if let end = head.lastIndex(where: { Self.sentenceEnds.contains($0) }) {
            return String(head[...end]) + "…"
        }
        return String(flat.prefix(limit - 1)) + "…"
    }

    /// Line breaks and runs of spaces become one space; none are left between two Japanese
    /// characters, where a wrapped line in Markdown must not show as a gap.
    /// Only as far as its first `maximum` characters (or one more), when given.
    static func collapsingWhitespace(_ text: String, upTo maximum: Int = .max) -> String {
        var result = ""
        var count = 0
        var last: Character?
        var pendingSpace = false
        for character in text {
            if count >= maximum {
                // Counted as appended; a mark after a space joins it, so the end is only
                // trusted when the text itself says so.
                if result.count >= maximum { break }
                return collapsingWhitespace(text)
            }
            if character.isWhitespace {
                pendingSpace = last != nil
                continue
            }
            if pendingSpace, let last, !(isWide(last) && isWide(character)) {
                result.append(" ")
                count += 1
            }
            pendingSpace = false
            result.append(character)
            count += 1
            last = character
        }
        return result
    }

    static func isWide(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x3000...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value)
    }
}
