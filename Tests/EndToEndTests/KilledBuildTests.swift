import BookmarkTesting
import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves the whole old output or the whole new one.
@Suite struct KilledBuildTests {
    static func entries(_ label: String, count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<count {
            files["entries/sakura/e\(i).md"] = FixtureGuide.entry(["name": "\(label)の窓口 \(i)", "kana": "まどぐち \(i)"])
        }
        return files
    }

    /// Which build every entry page comes from: "旧", "新", or "混在" (a mix).
    static func generation(of output: URL, count: Int) throws -> String {
        var seen = Set<String>()
        for i in 0..<count {
            let page = try String(contentsOf: output.appendingPathComponent("entries/e\(i)/index.html"), encoding: .utf8)
            seen.insert(page.contains("旧の窓口 \(i)") ? "旧" : page.contains("新の窓口 \(i)") ? "新" : "?")
        }
        return seen.count == 1 ? seen.first! : "混在"
    }

    @Test func killedBuildsNeverLeaveAMix() throws {
        let count = 400
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML].merging(Self.entries("旧", count: count)) { $1 })
        defer { guide.remove() }
        let themes = CheckCommandTests.repoRoot.appendingPathComponent("themes").path
        #expect(try BookmarkBinary.run(["build", "--themes", themes], in: guide.root).status == 0)
        for (path, text) in Self.entries("新", count: count) { try guide.write(path, text) }

        var generations: [String] = []
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let process = Process()
            process.executableURL = BookmarkBinary.url
            process.arguments = ["build", "--themes", themes]
            process.currentDirectoryURL = guide.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let generation = try Self.generation(of: guide.output, count: count)
            generations.append(generation)
            #expect(generation != "混在", "killed after \(delay) s: a mix of old and new pages")
        }
        // The next build finishes, cleans what the killed ones left, and holds only new pages.
        #expect(try BookmarkBinary.run(["build", "--themes", themes], in: guide.root).status == 0)
        #expect(try Self.generation(of: guide.output, count: count) == "新")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: guide.root.path).sorted()
        #expect(siblings == [".output.lock", ".output.spare", "content", "output"], "\(siblings) (generations seen: \(generations))")
    }
}
