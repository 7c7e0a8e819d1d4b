import BookmarkTesting
import Foundation
import Testing

/// Mutated entries through `bookmark check`: only exit 0 or 1, never a crash or a hang, and
/// every diagnostic a complete JSON line with a real place.
@Suite struct MutationTests {
    static let inserts: [[UInt8]] = [
        Array("\t".utf8), Array("---\n".utf8), Array(": ".utf8), Array("\n  - ".utf8), Array("[".utf8), Array("{".utf8),
        Array("*a".utf8), Array("&a ".utf8), [0xEF, 0xBB, 0xBF], Array("\r\n".utf8), [0x82, 0xA0], Array("\"".utf8),
        Array("#".utf8), Array("|\n".utf8), [0], Array("ー".utf8), [0xFF], Array("<script>".utf8),
    ]

    static func mutate(_ input: [UInt8], using rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &rng) where !bytes.isEmpty {
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...20, using: &rng)))
            case 2: bytes.insert(contentsOf: inserts.randomElement(using: &rng)!, at: i)
            case 3: bytes.removeSubrange(i...)
            default: bytes.insert(contentsOf: bytes.prefix(Int.random(in: 0...120, using: &rng)), at: i)
            }
        }
        return bytes
    }

    @Test(arguments: 0..<4)
    func mutatedEntriesNeverCrash(batch: Int) throws {
        var rng = SplitMix(state: UInt64(batch) &* 7919)
        let original = Array(FixtureGuide.entry(["ages": "15-39", "url": "https://example.org/a"]).utf8)
        for round in 0..<30 {
            let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
            defer { guide.remove() }
            try guide.write("entries/sakura/m.md", bytes: Data(Self.mutate(original, using: &rng)))
            let result = try BookmarkBinary.run(["check", "--format", "json"], in: guide.root)
            #expect([0, 1].contains(result.status), "batch \(batch) round \(round): status \(result.status)\n\(result.stderr.suffix(800))")
            for line in result.stdout.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object.count == 7)
                #expect((object["line"] as? Int ?? 0) >= 1 && (object["column"] as? Int ?? 0) >= 1, "\(line)")
            }
        }
    }
}
