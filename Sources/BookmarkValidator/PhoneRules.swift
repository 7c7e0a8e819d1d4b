import BookmarkModel

/// Japanese phone numbers as the spec allows them.
///
/// - 10 digits starting with `0` (landlines, `0120`, `0570`), e.g. `0123-45-6789`;
/// - 11 digits starting with `070`, `080`, `090`, `050` or `0800`, e.g. `090-1234-5678`;
/// - short numbers: `#` and three or four digits (`#7119`, `#8008`), or three digits
///   starting with `1` (`189`).
///
/// Hyphens, spaces and parentheses (`(0123)45-6789`) are separators and may be left out.
public enum PhoneRules {
    public enum Problem: Error, Sendable, Equatable {
        case notANumber
        case wrongLength(digits: Int)
        case mobileTooShort
        case landlineTooLong
    }

    public static func parse(_ written: String) -> Result<PhoneNumber, Problem> {
        let display = Normalizer.numeric(written)
        let compact = withoutSeparators(display)

        if compact.hasPrefix("#") {
            let digits = compact.dropFirst()
            guard (3...4).contains(digits.count), digits.allSatisfy(isDigit) else {
                return .failure(.notANumber)
            }
            return .success(PhoneNumber(display: compact, dial: compact))
        }
        guard !compact.isEmpty, compact.allSatisfy(isDigit) else { return .failure(.notANumber) }
        if compact.count == 3, compact.hasPrefix("1") {
            return .success(PhoneNumber(display: compact, dial: compact))
        }
        let mobilePrefixes = ["070", "080", "090", "050"]
        let isMobileLike = mobilePrefixes.contains { compact.hasPrefix($0) }
        switch compact.count {
        case 10:
            guard compact.hasPrefix("0"), !compact.hasPrefix("00") else { return .failure(.notANumber) }
            if isMobileLike { return .failure(.mobileTooShort) }
        case 11:
            guard isMobileLike else {
                return compact.hasPrefix("0") ? .failure(.landlineTooLong) : .failure(.notANumber)
            }
        default:
            return .failure(.wrongLength(digits: compact.count))
        }
        return .success(PhoneNumber(display: display, dial: compact))
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The number without `-`, spaces and parentheses; by bytes for ASCII, where a character
    /// is a byte (CR LF, of two, is no separator either way).
    static func withoutSeparators(_ display: String) -> String {
        if Normalizer.isASCII(display) {
            return String(decoding: display.utf8.filter { ![0x2D, 0x20, 0x28, 0x29].contains($0) }, as: UTF8.self)
        }
        let separators: Set<Character> = ["-", " ", "(", ")"]
        return String(display.filter { !separators.contains($0) })
    }

    /// The reason in Japanese, for `phone-invalid`.
    public static func message(for problem: Problem, written: String) -> String {
        switch problem {
        case .notANumber:
            "「\(written)」は電話番号として読めません。"
        case .wrongLength(let digits):
            "電話番号「\(written)」の桁数（\(digits)桁）が正しくありません。固定電話は市外局番から10桁、携帯電話は11桁です。"
        case .mobileTooShort:
            "「\(written)」は 070・080・090・050 で始まるので11桁のはずですが、10桁です。"
        case .landlineTooLong:
            "固定電話の番号「\(written)」は10桁のはずですが、11桁です。"
        }
    }
}
