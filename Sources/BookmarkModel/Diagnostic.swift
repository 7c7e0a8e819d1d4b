/// One problem found in the content, told the way an editor needs it.
///
/// `content/entries/sakura/soudan.md:12:8: エラー[phone-invalid] 電話番号の形が正しくありません。`
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// Path relative to the content folder, with `/` separators.
    public var file: String
    /// 1-based line; 1 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    public var severity: Severity
    public var code: DiagnosticCode
    /// The message in Japanese.
    public var message: String
    /// An optional hint, e.g. `もしかして: phone`.
    public var hint: String?

    public init(
        file: String, line: Int, column: Int, severity: Severity? = nil,
        code: DiagnosticCode, message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity ?? code.defaultSeverity
        self.code = code
        self.message = message
        self.hint = hint
    }
}

public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }

    /// The word shown to editors.
    public var japaneseLabel: String {
        switch self {
        case .error: "エラー"
        case .warning: "警告"
        }
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics are reported by file, line, column, then code, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.code.rawValue, lhs.message)
            < (rhs.file, rhs.line, rhs.column, rhs.code.rawValue, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var hasWarnings: Bool { contains { $0.severity == .warning } }
}
