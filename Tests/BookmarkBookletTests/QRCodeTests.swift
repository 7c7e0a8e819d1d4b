import Foundation
import Testing

@testable import BookmarkBooklet

@Suite struct QRCodeTests {
    @Test func encodesWithFinderPatternsAndAValidSize() throws {
        let code = try #require(QRCode(text: "https://example.org/sakura/hikikomori"))
        #expect((code.width - 17) % 4 == 0 && code.width >= 21)
        // The finder pattern in the top-left corner: a dark ring, a light ring, a dark core.
        #expect(code.isDark(x: 0, y: 0) && code.isDark(x: 6, y: 0) && code.isDark(x: 0, y: 6))
        #expect(!code.isDark(x: 1, y: 1) && !code.isDark(x: 5, y: 1))
        #expect(code.isDark(x: 3, y: 3))
        #expect(code.isDark(x: code.width - 1, y: 0) && code.isDark(x: 0, y: code.width - 1))
    }

    @Test func svgIsOnePathWithoutIdAndCoversEveryDarkModule() throws {
        let code = try #require(QRCode(text: "https://example.org/a"))
        let svg = code.svgDocument
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(!svg.contains(" id="))
        #expect(svg.contains("viewBox=\"0 0 \(code.width + 4) \(code.width + 4)\""))
        // Rectangles `M x y h n v1 h-n z`: their lengths add up to the dark modules.
        let runs = code.pathData.split(separator: "M").map { $0.split(separator: "h")[1] }
        let covered = runs.compactMap { Int($0.split(separator: "v")[0]) }.reduce(0, +)
        #expect(covered == code.modules.filter { $0 }.count)
    }

    /// The path written digit by digit is the rule's text, `M<x> <y>h<run>v1h-<run>z` per run
    /// of dark modules with the quiet zone added, for codes of several sizes.
    @Test func pathDataIsOneRectanglePerRun() throws {
        for text in ["a", "https://example.org/entries/a-long-entry-id/index.html", String(repeating: "相談", count: 60)] {
            let code = try #require(QRCode(text: text))
            var expected = ""
            for y in 0..<code.width {
                var x = 0
                while x < code.width {
                    guard code.isDark(x: x, y: y) else { x += 1; continue }
                    let start = x
                    while x < code.width, code.isDark(x: x, y: y) { x += 1 }
                    expected += "M\(start + 2) \(y + 2)h\(x - start)v1h-\(x - start)z"
                }
            }
            #expect(code.pathData == expected)
        }
    }

    @Test func imageIsTheSVGAsADataURLWithEscapedAlt() throws {
        let code = try #require(QRCode(text: "https://example.org/a"))
        let image = code.image(alt: "「a」の<ページ>")
        #expect(image.hasPrefix("<img class=\"qr\" alt=\"「a」の&lt;ページ&gt;\" src=\"data:image/svg+xml;base64,"))
        let base64 = try #require(image.split(separator: ",").last?.dropLast(2))
        let svg = String(decoding: try #require(Data(base64Encoded: String(base64))), as: UTF8.self)
        #expect(svg == code.svgDocument)
        #expect(svg.contains(code.pathData) && !svg.contains(" id="))
    }

    @Test func emptyTextHasNoCode() {
        #expect(QRCode(text: "") == nil)
    }
}
