import BookmarkTesting
import Foundation
import Testing

/// The committed seed corpus goes through load → validate → render on every test run, so an
/// input that once crashed the fuzzer stays fixed.
@Suite struct FuzzCorpusTests {
    @Test func seedCorpusReplaysWithoutACrash() throws {
        let replayer = BookmarkBinary.url.deletingLastPathComponent().appendingPathComponent("bookmark-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: replayer.path), "build bookmark-fuzz first")
        let seeds = CheckCommandTests.repoRoot.appendingPathComponent("Fuzz/seeds")
        let process = Process()
        process.executableURL = replayer
        process.arguments = [seeds.path]
        process.currentDirectoryURL = CheckCommandTests.repoRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let count = try FileManager.default.contentsOfDirectory(atPath: seeds.path).count
        #expect(output.contains("replayed \(count) inputs"))
    }
}
