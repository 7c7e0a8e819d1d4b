import BookmarkTemplates
import CQRencode
import Foundation

/// A QR code as a small PNG image, for a card that points to its web page.
///
/// Made with libqrencode (error correction M, which survives a crease or a thumb).
///
/// ```swift
/// QRCode(text: "https://example.org/a/")?.image(alt: "…")  // "<img class=\"qr\" alt=\"…\" src=\"data:image/png;…"
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

    /// Pixels per module in the PNG: at two, the codes of a booklet decode (zbarimg) from
    /// pages rendered at 150 dpi and more; at one, not below 300 dpi.
    static let pixelsPerModule = 2

    /// Pixels per side of the PNG: the modules and the quiet zone on both sides.
    public var side: Int { (width + 2 * Self.quietZone) * Self.pixelsPerModule }

    /// Whether the PNG's pixel at `x`, `y` is dark (quiet zone included).
    public func isDarkPixel(x: Int, y: Int) -> Bool {
        let column = x / Self.pixelsPerModule - Self.quietZone
        let row = y / Self.pixelsPerModule - Self.quietZone
        return (0..<width).contains(column) && (0..<width).contains(row) && isDark(x: column, y: row)
    }

    /// The code as a PNG: two pixels per module, quiet zone included, 1-bit grey (1 is white).
    ///
    /// The booklet scales it to 12 mm with `image-rendering: pixelated`, so modules stay sharp.
    /// An image is drawn once, where the SVG path it replaced was parsed and filled run by
    /// run (a fifth of a 300-entry booklet's render). A code is a few hundred bytes, so the
    /// pixels go in stored (uncompressed) deflate blocks; WeasyPrint compresses the image it
    /// writes into the PDF.
    public var png: [UInt8] {
        let rowBytes = (side + 7) / 8
        var pixels: [UInt8] = []
        pixels.reserveCapacity(side * (1 + rowBytes))
        for y in 0..<side {
            pixels.append(0)  // filter: none
            var byte: UInt8 = 0
            for x in 0..<side {
                if !isDarkPixel(x: x, y: y) { byte |= 0x80 >> UInt8(x % 8) }
                if x % 8 == 7 || x == side - 1 {
                    pixels.append(byte)
                    byte = 0
                }
            }
        }
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(side))
        header.appendBigEndian(UInt32(side))
        header += [1, 0, 0, 0, 0]  // bit depth 1, greyscale, deflate, no filter, no interlace
        return PNGFile.signature
            + PNGFile.chunk("IHDR", header)
            + PNGFile.chunk("IDAT", PNGFile.storedZlib(pixels))
            + PNGFile.chunk("IEND", [])
    }

    /// An `<img>` whose source is the PNG as a `data:` URL, with `alt` as its text.
    ///
    /// WeasyPrint carries an image's `alt` into a tagged PDF (PDF/UA's Figure /Alt), while the
    /// `aria-label` of inline SVG is lost. WeasyPrint must be allowed the `data` protocol
    /// (`bookmark-render` does so), or the image is left out without an error.
    public func image(alt: String) -> String {
        let encoded = Data(png).base64EncodedString()
        return "<img class=\"qr\" alt=\"\(HTMLEscaping.escaped(alt))\" src=\"data:image/png;base64,\(encoded)\">"
    }
}

/// The pieces of a PNG file (RFC 2083, zlib RFC 1950, deflate RFC 1951).
enum PNGFile {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Length, type, data and the CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        var chunk: [UInt8] = []
        chunk.appendBigEndian(UInt32(data.count))
        let body = Array(type.utf8) + data
        chunk += body
        chunk.appendBigEndian(crc32(body))
        return chunk
    }

    /// A zlib stream of stored deflate blocks (at most 65,535 bytes each) and its Adler-32.
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 0xFFFF, data.count)
            let length = UInt16(end - start)
            stream.append(end == data.count ? 1 : 0)  // BFINAL on the last block; BTYPE 00, stored
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += data[start..<end]
            start = end
        } while start < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        stream.appendBigEndian(b << 16 | a)
        return stream
    }

    static let crcTable: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
