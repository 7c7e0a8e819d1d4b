import BookmarkLoader
import BookmarkModel
import Foundation

/// Line-level edits of one entry file's front matter: a field's lines are replaced, removed
/// or inserted, and every other line (comments, blank lines, the order of keys, the body) is
/// kept byte for byte. Where each top-level key's lines are comes from the YAML reader's
/// positions.
struct EntryEditor {
    /// One edit, for `--dry-run`.
    struct Change {
        var removed: [String]
        var added: [String]
        /// Where the added lines are (or the removed ones were) in the edited text, 0-based;
        /// kept up to date as later edits move lines.
        var line: Int
    }

    /// A top-level key and its lines (0-based, inclusive), comments and blank lines after its
    /// value left to whatever follows.
    struct KeyLines {
        var name: String
        var start: Int
        var end: Int
    }

    private(set) var lines: [String]
    /// For each line, the sheet column it came from (nil: as it was).
    private(set) var origins: [Int?]
    private var keys: [KeyLines]
    private var closing: Int
    private(set) var changes: [Change] = []

    /// Nil when the file has no readable front matter (then nothing is edited in it).
    init?(_ source: SourceText) {
        guard case .success(let document) = FrontMatterDocument.read(source), case .mapping(let pairs)? = document.yaml.root?.value
        else { return nil }
        let all = source.text.linesByLF
        guard let close = all.indices.dropFirst().first(where: {
            let line = all[$0].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            return line == "---" || line == "..."
        }) else { return nil }
        lines = all
        origins = Array(repeating: nil, count: all.count)
        closing = close
        let starts = pairs.filter { $0.key.position.column == 1 }.map { ($0.key.name, $0.key.position.line - 1) }
        keys = []
        for (index, (name, start)) in starts.enumerated() {
            var end = (index + 1 < starts.count ? starts[index + 1].1 : closing) - 1
            while end > start, Self.isBlankOrComment(lines[end]) { end -= 1 }
            keys.append(KeyLines(name: name, start: start, end: end))
        }
    }

    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// The lines of `key` as written, nil when absent.
    func currentLines(_ key: String) -> [String]? {
        keys.first { $0.name == key }.map { Array(lines[$0.start...$0.end]) }
    }

    /// Replaces, inserts (`after` names the keys that come before it, nearest last) or, with
    /// nil, removes a field. A one-line value keeps its comment (`phone: … # 代表`).
    mutating func set(_ key: String, _ new: [String]?, column: Int, after preceding: [String]) {
        if let index = keys.firstIndex(where: { $0.name == key }) {
            let old = keys[index]
            let removed = Array(lines[old.start...old.end])
            var added = new ?? []
            if added.count == 1, removed.count == 1, let comment = Self.comment(removed[0]) { added[0] += comment }
            replace(old.start...old.end, with: added, column: column)
            changes.append(Change(removed: removed, added: added, line: old.start))
            return
        }
        guard let new else { return }
        let known = keys
        let anchor = preceding.reversed().compactMap { name in known.first { $0.name == name } }.first
        let at = anchor.map { $0.end + 1 } ?? keys.first?.start ?? closing
        insert(new, at: at, column: column, key: key)
        changes.append(Change(removed: [], added: new, line: at))
    }

    /// The body: everything after the closing fence.
    mutating func setBody(_ body: String, column: Int) {
        let old = Array(lines[(closing + 1)...])
        var new = body.isEmpty ? [] : body.linesByLF
        new.append("")
        lines.replaceSubrange((closing + 1)..., with: new)
        origins.replaceSubrange((closing + 1)..., with: Array(repeating: column, count: new.count))
        changes.append(Change(removed: old.last == "" ? Array(old.dropLast()) : old, added: Array(new.dropLast()), line: closing + 1))
    }

    var text: String { lines.joined(separator: "\n") }

    private mutating func replace(_ range: ClosedRange<Int>, with new: [String], column: Int) {
        let shift = new.count - range.count
        lines.replaceSubrange(range, with: new)
        origins.replaceSubrange(range, with: Array(repeating: column, count: new.count))
        let name = keys.first { $0.start == range.lowerBound }?.name
        keys = keys.compactMap { item in
            var item = item
            if item.start == range.lowerBound {
                if new.isEmpty { return nil }
                item.end = item.start + new.count - 1
            } else if item.start > range.upperBound {
                item.start += shift
                item.end += shift
            }
            return item
        }
        _ = name
        for index in changes.indices where changes[index].line > range.upperBound { changes[index].line += shift }
        closing += shift
    }

    private mutating func insert(_ new: [String], at index: Int, column: Int, key: String) {
        lines.insert(contentsOf: new, at: index)
        origins.insert(contentsOf: Array(repeating: column, count: new.count), at: index)
        for position in keys.indices where keys[position].start >= index {
            keys[position].start += new.count
            keys[position].end += new.count
        }
        for position in changes.indices where changes[position].line >= index { changes[position].line += new.count }
        keys.append(KeyLines(name: key, start: index, end: index + new.count - 1))
        keys.sort { $0.start < $1.start }
        closing += new.count
    }

    /// ` # comment` at the end of a one-line `key: value`, outside quotes.
    static func comment(_ line: String) -> String? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                var start = index
                while start > line.startIndex, line[line.index(before: start)] == " " || line[line.index(before: start)] == "\t" {
                    start = line.index(before: start)
                }
                return String(line[start...])
            }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }
}

/// The text of a new entry file: its fields in the order of the format, then the body.
enum NewEntryText {
    static func make(fields: [(column: Int, lines: [String])], body: (column: Int, text: String)?) -> (text: String, origins: [Int?]) {
        var lines = ["---"]
        var origins: [Int?] = [nil]
        for field in fields {
            lines += field.lines
            origins += Array(repeating: field.column, count: field.lines.count)
        }
        lines.append("---")
        origins.append(nil)
        if let body, !body.text.isEmpty {
            let bodyLines = body.text.linesByLF
            lines += bodyLines
            origins += Array(repeating: body.column, count: bodyLines.count)
        }
        lines.append("")
        origins.append(nil)
        return (lines.joined(separator: "\n"), origins)
    }
}
