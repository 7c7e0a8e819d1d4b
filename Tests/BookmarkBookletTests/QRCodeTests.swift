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

    /// The PNG read back by the rules of the format: signature, chunks with their CRC-32,
    /// a 1-bit grey header, a zlib stream of stored blocks with its Adler-32, and rows whose
    /// pixels are the modules, two by two, inside a light quiet zone of two modules.
    @Test(arguments: ["a", "https://example.org/sakura/hikikomori", String(repeating: "相談", count: 60)])
    func pngHoldsEveryModuleAsTwoByTwoPixels(text: String) throws {
        let code = try #require(QRCode(text: text))
        let png = code.png
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        func number(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset < png.count {
            let length = number(offset)
            let body = Array(png[(offset + 4)..<(offset + 8 + length)])
            #expect(UInt32(number(offset + 8 + length)) == PNGFile.crc32(body))
            chunks.append((String(decoding: body.prefix(4), as: UTF8.self), Array(body.dropFirst(4))))
            offset += 12 + length
        }
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        let side = (code.width + 4) * 2
        #expect(chunks[0].data == [0, 0, UInt8(side >> 8), UInt8(side & 0xFF), 0, 0, UInt8(side >> 8), UInt8(side & 0xFF), 1, 0, 0, 0, 0])

        // Inflate the stored blocks.
        let zlib = chunks[1].data
        #expect(zlib.prefix(2) == [0x78, 0x01])
        var pixels: [UInt8] = []
        var at = 2
        var last = false
        while !last {
            last = zlib[at] & 1 == 1
            #expect(zlib[at] & 0b110 == 0, "stored block")
            let length = Int(zlib[at + 1]) | Int(zlib[at + 2]) << 8
            #expect(length ^ (Int(zlib[at + 3]) | Int(zlib[at + 4]) << 8) == 0xFFFF)
            pixels += zlib[(at + 5)..<(at + 5 + length)]
            at += 5 + length
        }
        var a = 1, b = 0
        for byte in pixels { a = (a + Int(byte)) % 65521; b = (b + a) % 65521 }
        #expect(zlib[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } == b << 16 | a)

        let rowBytes = (side + 7) / 8
        #expect(pixels.count == side * (1 + rowBytes))
        var wrong: [String] = []
        for y in 0..<side {
            let row = pixels[(y * (1 + rowBytes))..<((y + 1) * (1 + rowBytes))]
            if row.first != 0 { wrong.append("filter of row \(y)") }
            for x in 0..<side {
                let light = row[row.startIndex + 1 + x / 8] & (0x80 >> UInt8(x % 8)) != 0
                let module = (x / 2 - 2, y / 2 - 2)
                let inside = (0..<code.width).contains(module.0) && (0..<code.width).contains(module.1)
                if light == (inside && code.isDark(x: module.0, y: module.1)) { wrong.append("pixel \(x), \(y)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func imageIsThePNGAsADataURLWithEscapedAlt() throws {
        let code = try #require(QRCode(text: "https://example.org/a"))
        let image = code.image(alt: "「a」の<ページ>")
        #expect(image.hasPrefix("<img class=\"qr\" alt=\"「a」の&lt;ページ&gt;\" src=\"data:image/png;base64,"))
        let base64 = try #require(image.split(separator: ",").last?.dropLast(2))
        #expect(try #require(Data(base64Encoded: String(base64))) == Data(code.png))
        #expect(!image.contains(" id="))
    }

    @Test func emptyTextHasNoCode() {
        #expect(QRCode(text: "") == nil)
    }
}
