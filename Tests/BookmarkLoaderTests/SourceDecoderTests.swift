import BookmarkLoader
import BookmarkModel
import Foundation
import Testing

@Suite struct SourceDecoderTests {
    func decode(_ bytes: [UInt8]) -> Result<SourceText, Diagnostic> {
        SourceDecoder.decode(bytes, file: "entries/a.md")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\nname: a\n---\n".utf8)).get().text
        #expect(text.hasPrefix("---"))
    }

    @Test func crlfAndLoneCRBecomeLF() throws {
        let text = try decode(Array("---\r\nname: a\r---\r\n".utf8)).get().text
        #expect(text == "---\nname: a\n---\n")
    }

    @Test func whitespaceOnlyFileIsEmpty() {
        guard case .failure(let d) = decode(Array(" \n\r\n\t".utf8)) else { Issue.record("expected failure"); return }
        #expect(d.code == .fileEmpty)
    }

    @Test func truncatedSequenceAtTheEndIsInvalid() {
        guard case .failure(let d) = decode(Array("ご相談\nご相談".utf8).dropLast()) else { Issue.record("expected failure"); return }
        #expect(d.code == .invalidUTF8)
        #expect((d.line, d.column) == (2, 3))
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            guard case .failure(let d) = decode(Array("ok ".utf8) + bytes) else { Issue.record("accepted \(bytes)"); continue }
            #expect(d.code == .invalidUTF8 || d.code == .shiftJIS)
            #expect(d.column == 4)
        }
    }

    @Test func lineOfSourceText() {
        let source = SourceText(file: "a", text: "一\n二\n三")
        #expect(source.line(2) == "二")
        #expect(source.line(3) == "三")
        #expect(source.line(4) == nil)
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let split = try FrontMatter.split(SourceText(file: "a", text: "---\nname: a\nkana: b\n---\n本文\n")).get()
        #expect(split.yaml == "name: a\nkana: b")
        #expect(split.lineOffset == 1)
        #expect(split.body == "本文\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func fenceMayHaveTrailingSpacesAndCloseWithDots() throws {
        let split = try FrontMatter.split(SourceText(file: "a", text: "---  \nname: a\n...\n")).get()
        #expect(split.yaml == "name: a")
    }

    @Test func missingOpeningFence() {
        guard case .failure(let d) = FrontMatter.split(SourceText(file: "a", text: "name: a\n---\n")) else {
            Issue.record("expected failure")
            return
        }
        #expect(d.code == .frontMatterMissing)
    }

    /// Split at LF bytes, whatever comes before them, and with every edge case of the old
    /// line table: no body, no line end after the fence, an empty front matter.
    @Test(arguments: [
        ("---\na: b\r\n---\nbody", "a: b\r", "body", 4),
        ("---\na: b\n---", "a: b", "", 4),
        ("---\n---\n本文", "", "本文", 3),
        ("---\n\n---\n", "", "", 4),
        ("--- \t\nあ: い\n... \n\n本文\n", "あ: い", "\n本文\n", 4),
    ] as [(String, String, String, Int)])
    func edgeCases(_ c: (String, String, String, Int)) throws {
        let split = try FrontMatter.split(SourceText(file: "a", text: c.0)).get()
        #expect(Array(split.yaml.utf8) == Array(c.1.utf8))
        #expect(Array(split.body.utf8) == Array(c.2.utf8))
        #expect(split.bodyFirstLine == c.3)
    }

    @Test(arguments: ["", "---", "---\n", "---\nname: a", "----\n---\n", "---\r\na: b\n---\n", "---\na: b\n---\r\n"])
    func unsplittable(_ text: String) {
        #expect(throws: (any Error).self) { try FrontMatter.split(SourceText(file: "a", text: text)).get() }
    }
}

@Suite struct ContentFileTests {
    /// `id` as it was written by characters.
    static func characterID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    @Test(arguments: ["entries/a/b.md", "entries/b.md", "b.md", "b", ".md", "/", "//", "", "a/", "a/b.md/", "a//b.md",
                      "entries/x.md.md", "entries/md", "entries/a.mdx", "a\r\n.md", "entries/あ.md", "e/\u{301}b.md", "e/b.m\u{301}d"])
    func idAgreesWithCharacters(_ path: String) {
        let file = ContentFile(role: .entry, relativePath: path, url: URL(fileURLWithPath: "/tmp/x"))
        #expect(file.id == Self.characterID(path))
    }
}
