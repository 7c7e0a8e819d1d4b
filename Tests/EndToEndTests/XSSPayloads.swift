import Foundation

/// Script-injection payloads in the style of the OWASP XSS filter-evasion cheat sheet, kept in
/// `Tests/Fixtures/xss-*.txt` so the browser test (Tests/browser/injection.py) uses the same ones.
/// Each must come out of the build as text, never as markup or script.
enum XSSPayloads {
    static let fixtures = CheckCommandTests.repoRoot.appendingPathComponent("Tests/Fixtures")

    /// For every text field.
    static let all = lines("xss-payloads.txt")

    /// Markdown-only forms for bodies.
    static let markdown = lines("xss-markdown.txt")

    private static func lines(_ name: String) -> [String] {
        let text = (try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }
}
