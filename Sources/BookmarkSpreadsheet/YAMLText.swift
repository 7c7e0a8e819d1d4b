import BookmarkModel
import BookmarkValidator
import Foundation

/// YAML as an editor would write it by hand: plain where plain reads back the same, else in
/// double quotes.
enum YAMLText {
    /// `quoteNumbers`: quote text that looks like a number or time (`"09:00-17:00"`, a phone
    /// without hyphens), so that no YAML 1.1 tool reads it as one.
    static func scalar(_ text: String, quoteNumbers: Bool = false) -> String {
        needsQuotes(text, quoteNumbers: quoteNumbers) ? quoted(text) : text
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": continue
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]

    static func needsQuotes(_ text: String, quoteNumbers: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if text.has(": ") || text.has(" #") || text.hasSuffix(":") { return true }
        if text.contains(where: { $0.isNewline }) || text.unicodeScalars.contains(where: { $0.value < 0x20 }) { return true }
        if text.utf8.count <= 5, reserved.contains(text.lowercased()) { return true }
        if quoteNumbers, text.allSatisfy({ $0.isASCII && ($0.isNumber || "-:.+".contains($0)) }) {
            // Digits alone (`0120279889`), times (`09:00`, sexagesimal in YAML 1.1) and dates
            // (`2026-04-01`) would be read as numbers or dates; a phone, postal code or age range
            // with hyphens (`0120-279-889`, `999-0106`, `15-39`) reads back as text, and is
            // written plain as editors write it.
            if !text.has("-") || text.has(":") || text.hasPrefix("+") { return true }
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) {
                return true
            }
        }
        return false
    }

    /// `[a, b]`, items quoted when they must be.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { item in
            needsQuotes(item, quoteNumbers: false) || item.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) })
                ? quoted(item) : item
        }.joined(separator: ", ") + "]"
    }

    /// `35.6812`, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// `hours` in one cell, one line per item, in the short form of docs/editor-guide.md:
///
/// ```
/// 月・水・金 10:00-16:00
/// 第2・第4 土 14:00-16:00（定例会）
/// 月〜金 24時間
/// ```
/// A cell whose lines are not all in that form is kept as text (`hours: "…"`), which the
/// format allows when hours cannot be structured.
enum HoursText {
    static func cell(_ hours: OpeningHours?) -> String {
        switch hours {
        case nil: ""
        case .text(let text)?: text
        case .items(let items)?: items.map(line).joined(separator: "\n")
        }
    }

    static func line(_ item: HoursItem) -> String {
        var text = ""
        if !item.weeks.isEmpty { text += item.weeks.map { "第\($0)" }.joined(separator: "・") + " " }
        text += item.days.map(\.japaneseLabel).joined(separator: "・") + " "
        text += time(item.time)
        if let note = item.note { text += "（" + note + "）" }
        return text
    }

    static func time(_ range: TimeRange) -> String {
        switch range {
        case .allDay: return "24時間"
        case let .span(opening, closing): return clock(opening) + "-" + clock(closing)
        }
    }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    struct Item: Equatable {
        var days: [String]
        var weeks: [Int]
        var time: String
        var note: String?
    }

    static func yaml(_ cellText: String) -> [String]? {
        let lines = cellText.split(whereSeparator: \.isNewline).map { Normalizer.display(String($0)) }.filter { !$0.isEmpty }
        if lines.isEmpty { return nil }
        let items = lines.map(parse)
        guard items.allSatisfy({ $0 != nil }) else {
            return ["hours: " + YAMLText.scalar(lines.joined(separator: "\n"))]
        }
        var out = ["hours:"]
        for item in items.compactMap({ $0 }) {
            out.append("  - days: [" + item.days.joined(separator: ", ") + "]")
            if !item.weeks.isEmpty { out.append("    weeks: [" + item.weeks.map(String.init).joined(separator: ", ") + "]") }
            out.append("    time: \"" + item.time + "\"")
            if let note = item.note { out.append("    note: " + YAMLText.scalar(note)) }
        }
        return out
    }

    /// One line of the short form, nil when it is not in it.
    static func parse(_ written: String) -> Item? {
        var rest = written
        var note: String?
        if let close = rest.last, close == "）" || close == ")" {
            let open: Character = close == "）" ? "（" : "("
            guard let start = rest.lastIndex(of: open) else { return nil }
            note = Normalizer.display(String(rest[rest.index(after: start)..<rest.index(before: rest.endIndex)]))
            rest = String(rest[..<start])
        }
        let normalized = Normalizer.numeric(rest)
            .replacingAll("〜", with: "-").replacingAll("~", with: "-")
        var tokens = normalized.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        var weeks: [Int] = []
        if let first = tokens.first, first.hasPrefix("第") {
            for part in first.split(whereSeparator: { $0 == "・" || $0 == "、" || $0 == "," }) {
                var digits = String(part)
                for mark in ["第", "週"] { digits = digits.replacingAll(mark, with: "") }
                guard let week = Int(digits) else { return nil }
                weeks.append(week)
            }
            tokens.removeFirst()
        }
        guard tokens.count == 2 else { return nil }
        guard let days = days(tokens[0]), let time = time(tokens[1]) else { return nil }
        return Item(days: days, weeks: weeks, time: time, note: note?.isEmpty == true ? nil : note)
    }

    static func days(_ token: String) -> [String]? {
        var out: [String] = []
        for part in token.split(whereSeparator: { $0 == "・" || $0 == "、" || $0 == "," }) {
            let piece = String(part)
            let ends = piece.split(separator: "-").map(String.init)
            if ends.count == 2, let from = Weekday(written: ends[0]), let to = Weekday(written: ends[1]),
                from < to, to != .holiday
            {
                let all = Weekday.allCases
                for day in all[all.firstIndex(of: from)!...all.firstIndex(of: to)!] { out.append(day.rawValue) }
                continue
            }
            guard ends.count == 1, let day = Weekday(written: piece) else { return nil }
            out.append(day.rawValue)
        }
        return out.isEmpty ? nil : out
    }

    /// `10:00-16:00` (hours padded: `9:00` → `09:00`), `24時間` or `24h` → `24h`.
    static func time(_ token: String) -> String? {
        if token == "24時間" || token.lowercased() == "24h" { return "24h" }
        let ends = token.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else { return nil }
        var out: [String] = []
        for end in ends {
            let parts = end.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
                (1...2).contains(parts[0].count), (0...24).contains(hour), (0...59).contains(minute)
            else { return nil }
            out.append(String(format: "%02d:%02d", hour, minute))
        }
        return out.joined(separator: "-")
    }
}
