import BookmarkTesting
import Foundation
import Testing

/// Two builds into one output at the same time (two CI jobs, a build started twice): the
/// second waits for the first (`OutputLock`), so the output is always one build's whole
/// output, never a mix and never missing files. Real processes of the built binary.
@Suite struct ConcurrentBuildTests {
    static let themes = CheckCommandTests.repoRoot.appendingPathComponent("themes").path

    /// Guide A: entries e0…e(n-1). Guide B: other names, the first 40 entries gone and 40
    /// others (f0…f39) added, so a mixed output would show in its list of files too.
    static func entries(_ variant: String, count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<count where variant == "A" || i >= 40 {
            files["entries/sakura/e\(i).md"] = FixtureGuide.entry(["name": "\(variant)の窓口 \(i)", "kana": "まどぐち \(i)"])
        }
        if variant == "B" {
            for i in 0..<40 {
                files["entries/kaede/f\(i).md"] = FixtureGuide.entry(
                    ["name": "B の居場所 \(i)", "kana": "いばしょ \(i)", "area": "kaede"])
            }
        }
        return files
    }

    static func useContent(_ variant: String, count: Int, in guide: FixtureGuide) throws {
        try? FileManager.default.removeItem(at: guide.content.appendingPathComponent("entries"))
        for (path, text) in entries(variant, count: count) { try guide.write(path, text) }
    }

    /// Every file below `folder` (relative path → bytes).
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)) }
        }
        return files
    }

    static func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = BookmarkBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = BookmarkBinary.environment(adding: [:])
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    @Test func twoBuildsAtOnceLeaveOneWholeOutput() throws {
        let count = 500
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        // What one build alone writes for each guide.
        var expected: [String: [String: Data]] = [:]
        for variant in ["A", "B"] {
            try Self.useContent(variant, count: count, in: guide)
            let reference = guide.root.appendingPathComponent("reference-\(variant)")
            let run = try BookmarkBinary.run(["build", "--themes", Self.themes, "--output", reference.path], in: guide.root)
            #expect(run.status == 0, "\(run.stderr)")
            expected[variant] = try Self.tree(reference)
        }
        #expect(expected["A"]!.count > count && expected["A"]!.keys.sorted() != expected["B"]!.keys.sorted())

        // An output that already exists, with its spare after a second build.
        for _ in 0..<2 { #expect(try BookmarkBinary.run(["build", "--themes", Self.themes], in: guide.root).status == 0) }

        var waited = 0
        for round in 0..<6 {
            let variant = round % 2 == 0 ? "B" : "A"
            try Self.useContent(variant, count: count, in: guide)
            let builds = try (0..<2).map { _ in try Self.start(["build", "--themes", Self.themes], in: guide.root) }
            for (process, errors) in builds {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(message)")
                if message.contains("別のビルドが output/ に書き込み中です。終わるのを待っています…") { waited += 1 }
            }
            let written = try Self.tree(guide.output)
            let want = expected[variant]!
            let missing = Set(want.keys).subtracting(written.keys).sorted()
            let extra = Set(written.keys).subtracting(want.keys).sorted()
            let differing = want.keys.filter { written[$0] != nil && written[$0] != want[$0] }.sorted()
            #expect(missing.isEmpty && extra.isEmpty && differing.isEmpty,
                    "round \(round) (\(variant)): missing \(missing.prefix(5)), extra \(extra.prefix(5)), differing \(differing.prefix(5))")
        }
        print("ConcurrentBuildTests: the second build waited in \(waited) of 6 rounds")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: guide.root.path).sorted()
        #expect(siblings == [".output.lock", ".output.spare", ".reference-A.lock", ".reference-B.lock",
                             "content", "output", "reference-A", "reference-B"], "\(siblings)")
    }

    /// A build started while another process holds the output's lock says it waits, and goes
    /// on when that process is killed with SIGKILL: the kernel releases a killed holder's lock.
    @Test func aKilledHolderNeverBlocks() throws {
        let guide = try FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML].merging(Self.entries("A", count: 20)) { $1 })
        defer { guide.remove() }
        let lockFile = guide.root.appendingPathComponent(".output.lock").path
        // A process that takes flock(2) itself and sleeps holding it, so that killing it is
        // what must release the lock (flock(1) would leave it to its child).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c",
                            "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); time.sleep(300)",
                            lockFile]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        // Wait until it holds the lock: `flock -n` then fails.
        var held = false
        for _ in 0..<100 where !held {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", lockFile, "true"]
            try probe.run()
            probe.waitUntilExit()
            held = probe.terminationStatus != 0
            if !held { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(held)

        let build = try RunningBookmark(["build", "--themes", Self.themes], in: guide.root)
        var saidItWaits = false
        for _ in 0..<600 where !saidItWaits {
            saidItWaits = build.standardError.contains("別のビルドが output/ に書き込み中です。終わるのを待っています…")
            if !saidItWaits { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(saidItWaits, "\(build.standardError)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(build.process.isRunning, "the build went on while the lock was held")
        #expect(!FileManager.default.fileExists(atPath: guide.output.path))

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(build.waitForExit(timeout: 60) == 0, "\(build.standardError)")
        #expect(FileManager.default.fileExists(atPath: guide.output.appendingPathComponent("entries/e0/index.html").path))
    }
}
