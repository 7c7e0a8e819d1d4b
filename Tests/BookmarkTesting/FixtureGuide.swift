import BookmarkLoader
import BookmarkModel
import BookmarkValidator
import Foundation

/// A content folder written from inline text, so a test shows input and expectation together.
///
/// ```swift
/// let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML, "entries/a.md": "…"])
/// ```
public struct FixtureGuide {
    /// The temporary folder holding `content/` (and room for `output/`).
    public let root: URL
    public var content: URL { root.appendingPathComponent("content") }
    public var output: URL { root.appendingPathComponent("output") }

    public init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("bookmark-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// Writes (or replaces) one file under `content/`.
    public func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Data(text.utf8))
    }

    public func write(_ path: String, bytes: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// A small valid site.yml: two neighbouring areas, a third one apart, one edition.
    public static let siteYAML = """
        title: テスト市の地域資源ブックマーク
        base_url: https://example.org/test/
        areas:
          - id: sakura
            name: さくら市
            kana: さくらし
            prefecture: 架空県
            neighbors: [kaede]
          - id: kaede
            name: かえで町
            kana: かえでまち
            prefecture: 架空県
            neighbors: [sakura]
          - id: tooi
            name: とおい村
            kana: とおいむら
            prefecture: 別県
        editions:
          - id: sakura
            title: さくら市版
            areas: [sakura]
            paper: A6
            issued: 2026-04-01
        """

    /// A valid entry; `replacing` swaps whole lines (`"phone: …"` by its key) or adds them.
    public static func entry(_ overrides: [String: String?] = [:], body: String = "ご本人やご家族の相談を受け付けています。") -> String {
        var fields: [(String, String)] = [
            ("name", "さくら市 ひきこもり相談窓口"),
            ("kana", "さくらし ひきこもりそうだんまどぐち"),
            ("kind", "consultation"),
            ("area", "sakura"),
            ("for", "[person, family]"),
            ("address", "架空県さくら市中央1-2-3"),
            ("phone", "0123-45-6789"),
            ("hours", "[{days: [mon, tue, wed, thu, fri], time: \"09:00-17:00\"}]"),
            ("cost", "free"),
            ("reservation", "recommended"),
            ("verified", "2026-04-01"),
        ]
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                if let value { fields[index].1 = value } else { fields.remove(at: index) }
            } else if let value {
                fields.append((key, value))
            }
        }
        return "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n" + body + "\n"
    }

    /// The day fixtures are checked against.
    public static let today = Day(year: 2026, month: 11, day: 23)!
}

extension GuideValidator {
    /// Loads a content folder and checks it, as the pipeline's load and check steps do.
    public static func validate(contentFolder: URL, themesFolder: URL?, today: Day) -> Result {
        validate(ContentLoader.load(contentFolder: contentFolder, themesFolder: themesFolder), today: today)
    }
}
