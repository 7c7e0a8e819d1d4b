import BookmarkTesting
import Foundation
import Testing

/// Nothing an editor writes can become markup or script in the built site.
@Suite struct InjectionTests {
    /// A YAML double-quoted scalar holding any text. Escaped scalar by scalar: Foundation's
    /// search does not find a quote that a combining mark follows.
    static func quoted(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return "\"" + String(escaped) + "\""
    }

    /// One entry per payload, with the payload in every free-text field and in the body.
    static func guide() throws -> FixtureGuide {
        var files = ["site.yml": FixtureGuide.siteYAML]
        for (index, payload) in XSSPayloads.all.enumerated() {
            let q = quoted(payload)
            files["entries/sakura/xss-\(index).md"] = FixtureGuide.entry([
                "name": quoted("名前" + payload),
                "operator": q, "address": q, "access": q, "hours_note": q, "cost": q, "notice": quoted(String(payload.prefix(190))),
                "tags": "[\(q)]", "source": q, "verified_by": q,
                "hours": "[{days: [mon], time: \"10:00-12:00\", note: \(quoted(String(payload.prefix(90))))}]",
                "url": "\"https://example.org/?q='onmouseover='alert(1)\"",
            ], body: payload + "\n\n" + XSSPayloads.markdown.joined(separator: "\n\n"))
        }
        return try FixtureGuide(files: files)
    }

    @Test func payloadsStayTextInEveryOutputFile() throws {
        try #require(XSSPayloads.all.count >= 20 && XSSPayloads.markdown.count >= 5, "payload fixtures not found")
        let guide = try Self.guide()
        defer { guide.remove() }
        let result = try BookmarkBinary.run(
            ["build", "--themes", CheckCommandTests.repoRoot.appendingPathComponent("themes").path], in: guide.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")

        var pages = 0
        var namesSeen = 0
        let enumerator = try #require(FileManager.default.enumerator(atPath: guide.output.path))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".html") || path.hasSuffix(".xml") else { continue }
            let html = try String(contentsOf: guide.output.appendingPathComponent(path), encoding: .utf8)
            pages += 1
            let dangers = HTMLInspector(html).dangers()
            #expect(dangers.isEmpty, "\(path): \(dangers)")
            if path.hasPrefix("entries/xss-") { namesSeen += 1 }
        }
        #expect(pages > XSSPayloads.all.count)
        #expect(namesSeen == XSSPayloads.all.count, "every payload entry got its page")
    }

    @Test func inspectorFindsWhatItLooksFor() {
        #expect(!HTMLInspector("<p>&lt;script&gt;</p>").dangers().isEmpty == false)
        #expect(!HTMLInspector("<img src=x onerror=alert(1)>").dangers().isEmpty)
        #expect(HTMLInspector("<img alt=\"QR\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\">").dangers().isEmpty)
        #expect(!HTMLInspector("<img src=\"data:image/png;base64,PHNjcmlwdD4=\">").dangers().isEmpty, "not a PNG")
        #expect(!HTMLInspector("<a href=\" JaVaScRiPt:alert(1)\">x</a>").dangers().isEmpty)
        #expect(!HTMLInspector("<script>alert(1)</script>").dangers().isEmpty)
        #expect(!HTMLInspector("<script type=\"application/ld+json\">{\"a\":\"</b>\"}</script>").dangers().isEmpty)
        #expect(HTMLInspector("<script src=\"../assets/js/search.js\" defer></script>").dangers().isEmpty)
        // An SVG image of a rectangle and a path (a QR code) is inert; one with script is not.
        let qr = Data(##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5 5"><rect width="5" height="5" fill="#fff"/><path fill="#000" d="M1 1h1v1h-1z"/></svg>"##.utf8).base64EncodedString()
        let script = Data(##"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>"##.utf8).base64EncodedString()
        #expect(HTMLInspector("<img alt=\"QR\" src=\"data:image/svg+xml;base64,\(qr)\">").dangers().isEmpty)
        #expect(!HTMLInspector("<img alt=\"QR\" src=\"data:image/svg+xml;base64,\(script)\">").dangers().isEmpty)
        #expect(!HTMLInspector("<a href=\"data:image/svg+xml;base64,\(qr)\">x</a>").dangers().isEmpty)
    }
}
