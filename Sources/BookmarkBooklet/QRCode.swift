import BookmarkTemplates
import CQRencode
import Foundation

/// A QR code as an SVG image, drawn as one path, for a card that points to its web page.
///
/// Made with libqrencode (error correction M, which survives a crease or a thumb). Every
/// dark module is one `M x y h1 v1 h-1 z` square in a single `<path>`; the element has no
/// `id`, so a booklet with many codes has no duplicate anchors.
///
/// ```swift
/// QRCode(text: "https://example.org/a/")?.image(alt: "…")  // "<img class=\"qr\" alt=\"…\" src=\"data:…"
/// ```
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// The quiet zone readers need around the code, in modules.
    static let quietZone = 2

    /// Encodes `text` in 8-bit mode; `nil` when it is empty or too long for any QR version.
    public init?(text: String) {
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            return nil
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let buffer = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.width = width
        modules = buffer.map { $0 & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }

    /// The path data: runs of dark modules in a row become one rectangle each.
    public var pathData: String {
        // Into bytes, numbers written digit by digit: a code has hundreds of runs, and a
        // String interpolated for each was most of a booklet card's time.
        var data: [UInt8] = []
        data.reserveCapacity(width * width)
        func append(_ number: Int) {
            if number >= 10 { append(number / 10) }
            data.append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        for y in 0..<width {
            var x = 0
            while x < width {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < width, isDark(x: x, y: y) { x += 1 }
                // M<x> <y>h<run>v1h-<run>z
                data.append(UInt8(ascii: "M"))
                append(start + Self.quietZone)
                data.append(UInt8(ascii: " "))
                append(y + Self.quietZone)
                data.append(UInt8(ascii: "h"))
                append(x - start)
                data.append(contentsOf: "v1h-".utf8)
                append(x - start)
                data.append(UInt8(ascii: "z"))
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A standalone SVG document of the code: white quiet zone, black modules.
    public var svgDocument: String {
        let side = width + 2 * Self.quietZone
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(pathData)\"/></svg>"
    }

    /// An `<img>` whose source is the SVG as a `data:` URL, with `alt` as its text.
    ///
    /// What the booklet prints: WeasyPrint carries an image's `alt` into a tagged PDF
    /// (PDF/UA's Figure /Alt), while the `aria-label` of inline SVG is lost. WeasyPrint
    /// must be allowed the `data` protocol (`PDFEngine` does so), or the image is left out
    /// without an error.
    public func image(alt: String) -> String {
        let encoded = Data(svgDocument.utf8).base64EncodedString()
        return "<img class=\"qr\" alt=\"\(HTMLEscaping.escaped(alt))\" src=\"data:image/svg+xml;base64,\(encoded)\">"
    }
}
