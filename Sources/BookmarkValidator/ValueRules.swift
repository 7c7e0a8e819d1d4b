import BookmarkModel
import Foundation

/// Single-value rules shared by entries and site.yml.
enum ValueRules {
    /// `^[a-z0-9][a-z0-9-]{0,63}$`: entry ids, area ids, edition ids, page slugs.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }

    /// Offset of the first character not allowed in a reading: hiragana, katakana, ー,
    /// spaces, ASCII letters and digits.
    static func firstNonKana(_ kana: String) -> (offset: Int, character: Character)? {
        for (offset, character) in kana.enumerated() {
            let ok = character.unicodeScalars.allSatisfy { s in
                switch s.value {
                case 0x3041...0x3096, 0x309D, 0x309E, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x20, 0x3000,
                    0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3099, 0x309A:
                    return true
                default:
                    return false
                }
            }
            if !ok { return (offset, character) }
        }
        return nil
    }

    /// An absolute http(s) URL with a host and no spaces.
    static func isWebURL(_ text: String) -> Bool {
        if isPlainWebURL(text) { return true }
        guard !hasSpaceOrBracket(text),
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty, text.lowercased().hasPrefix(scheme + "://")
        else { return false }
        return true
    }

    /// The usual URL, `https://example.org/soudan/page-1.html`, recognised by its bytes:
    /// `http://` or `https://`, a host of lower-case letters, digits, `.` and `-`, then
    /// nothing or a path of unreserved characters and `/`. `URLComponents`, which is slow to
    /// make, accepts every such text with that host (all of it is RFC 3986 unreserved), so
    /// `isWebURL` answers yes for it; anything else is still asked of `URLComponents`.
    static func isPlainWebURL(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if utf8.starts(with: "https://".utf8) {
            utf8 = utf8.dropFirst(8)
        } else if utf8.starts(with: "http://".utf8) {
            utf8 = utf8.dropFirst(7)
        } else {
            return false
        }
        func isHostByte(_ b: UInt8) -> Bool {
            (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2E || b == 0x2D
        }
        let host = utf8.prefix(while: isHostByte)
        guard !host.isEmpty else { return false }
        return utf8[host.endIndex...].allSatisfy { b in
            // The path: `/`, letters, digits and `-._~`.
            isHostByte(b) || (0x41...0x5A).contains(b) || b == 0x2F || b == 0x5F || b == 0x7E
        } && (host.endIndex == utf8.endIndex || utf8[host.endIndex] == 0x2F)
    }

    /// Read by bytes: any byte of 0x80 or more means a character that is not ASCII, which is
    /// refused, and in ASCII text every character is one byte (CR LF, the exception, is refused
    /// as a space).
    /// A space, `<`, `>` or `"`: by bytes in ASCII (where CR LF, the one character of two
    /// bytes, is a space either way), by characters otherwise.
    private static func hasSpaceOrBracket(_ text: String) -> Bool {
        guard Normalizer.isASCII(text) else {
            return text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        }
        return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
    }

    static func isEmail(_ text: String) -> Bool {
        let forbidden = Array("<>\"(),;:\\[]".utf8)
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) && !forbidden.contains($0) })
        else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        let dot = UInt8(ascii: ".")
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, domain.contains(dot), domain.first != dot, domain.last != dot
        else { return false }
        return true
    }

    /// A LINE id (`@abc1234`, `abc.def_1`) or an https URL.
    static func isLineID(_ text: String) -> Bool {
        if text.lowercased().hasPrefix("https://") { return isWebURL(text) }
        let id = text.hasPrefix("@") ? text.dropFirst() : Substring(text)
        return (1...40).contains(id.count)
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// BCP 47 as used here: a 2–3 letter language, then subtags of 2–8 letters or digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// `15-39`, `15-`, `-39`, `all`/`全年齢`.
    static func ages(_ written: String) -> AgeRange? {
        let unified = rangeText(written)
        if unified.lowercased() == "all" || unified == "全年齢" { return AgeRange(minimum: nil, maximum: nil) }
        let parts = unified.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
        func number(_ part: Substring) -> Int?? {
            if part.isEmpty { return .some(nil) }
            guard part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part),
                (0...120).contains(n)
            else { return nil }
            return .some(n)
        }
        guard let minimum = number(parts[0]), let maximum = number(parts[1]) else { return nil }
        if let minimum, let maximum, minimum > maximum { return nil }
        return AgeRange(minimum: minimum, maximum: maximum)
    }

    /// `09:00-17:00` (also `9:00〜17:00`) or `24h`; opening before closing, up to 24:00.
    static func timeRange(_ written: String) -> TimeRange? {
        Normalizer.isASCII(written) ? asciiTimeRange(Array(written.utf8)) : characterTimeRange(written)
    }

    static func characterTimeRange(_ written: String) -> TimeRange? {
        let unified = rangeText(written)
        if ["24h", "24時間", "24H"].contains(unified) { return .allDay }
        let parts = unified.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opening = minutes(parts[0]), let closing = minutes(parts[1]),
            opening < closing
        else { return nil }
        return .span(opening: opening, closing: closing)
    }

    /// `timeRange` of plain ASCII (the usual `10:00-16:00`), read by bytes: the same steps,
    /// as in ASCII a character is a byte. (CR LF, one character of two bytes, is no digit,
    /// so both ways refuse it.)
    static func asciiTimeRange(_ written: [UInt8]) -> TimeRange? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        // `Normalizer.numeric`: trimmed; then spaces removed and `~` made `-`.
        let trimmed = written.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        let unified = trimmed.compactMap { byte -> UInt8? in
            byte == 0x20 ? nil : (byte == UInt8(ascii: "~") ? UInt8(ascii: "-") : byte)
        }
        if unified.elementsEqual("24h".utf8) || unified.elementsEqual("24H".utf8) { return .allDay }
        let parts = unified.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        func minutes(_ text: ArraySlice<UInt8>) -> Int? {
            let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
                parts.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } })
            else { return nil }
            let hours = parts[0].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            let minutes = parts[1].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else { return nil }
            return hours * 60 + minutes
        }
        guard parts.count == 2, let opening = minutes(parts[0]), let closing = minutes(parts[1]),
            opening < closing
        else { return nil }
        return .span(opening: opening, closing: closing)
    }

    /// Normalized, spaces removed, and `〜`/`~` (often typed for ranges) made `-`.
    private static func rangeText(_ written: String) -> String {
        String(Normalizer.numeric(written).compactMap { c -> Character? in
            c == " " ? nil : (c == "〜" || c == "~" ? "-" : c)
        })
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60,
            hours < 24 || (hours == 24 && minutes == 0)
        else { return nil }
        return hours * 60 + minutes
    }
}
