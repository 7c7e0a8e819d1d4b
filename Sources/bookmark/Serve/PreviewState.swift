import BookmarkModel
import Foundation

/// What the open pages are told after each build, as server-sent events.
///
/// `event: build` carries the version of the site being served; a page built from another
/// version reloads. `event: problems` carries the errors as JSON for the overlay, while the
/// last good site stays served.
enum PreviewState: Sendable, Equatable {
    case built(version: String)
    case failed(lastGoodVersion: String?, problems: [OverlayProblem])

    /// The version pages are served from: the last build that succeeded.
    var servedVersion: String? {
        switch self {
        case .built(let version): version
        case .failed(let version, _): version
        }
    }

    /// The event as written on the wire (`event: …\ndata: …\n\n`).
    var message: String {
        switch self {
        case .built(let version):
            return "event: build\ndata: \(version)\n\n"
        case .failed(_, let problems):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(problems)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return "event: problems\ndata: \(json)\n\n"
        }
    }
}

/// One line of the error overlay: `content/entries/a.md:3:8`, `エラー`, `phone-invalid`, the message.
struct OverlayProblem: Codable, Sendable, Equatable {
    var location: String
    var severity: String
    var code: String
    var message: String
    var hint: String?

    init(location: String, severity: String, code: String, message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// A diagnostic, with its path as the editor knows it (`content/entries/a.md`).
    init(_ diagnostic: Diagnostic, contentPath: String) {
        let base = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
        let file = base.isEmpty || base == "." ? diagnostic.file : base + "/" + diagnostic.file
        self.init(
            location: "\(file):\(diagnostic.line):\(diagnostic.column)",
            severity: diagnostic.severity.japaneseLabel, code: diagnostic.code.rawValue,
            message: diagnostic.message, hint: diagnostic.hint)
    }
}
