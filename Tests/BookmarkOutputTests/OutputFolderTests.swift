import BookmarkOutput
import BookmarkTesting
import Foundation
import Testing

@Suite struct OutputFolderTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bookmark-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var destination: URL { root.appendingPathComponent("output") }
    var content: URL { root.appendingPathComponent("content") }

    func read(_ path: String) -> String? {
        try? String(contentsOf: destination.appendingPathComponent(path), encoding: .utf8)
    }

    @Test(arguments: ["../x", "a/../../x", "/etc/passwd", "a//b", "./a", "a\\b", "", "a/."])
    func unsafePathsAreRefused(_ path: String) {
        #expect(!OutputPath.isSafe(path))
    }

    @Test func safePaths() {
        #expect(OutputPath.isSafe("entries/sakura-soudan/index.html"))
        #expect(OutputPath.isSafe("..a/b"))  // a name starting with dots is still inside
        #expect(OutputPath.isSafe("a/b../.c/相談"))
        #expect(!OutputPath.isSafe("a/b/"))
        #expect(!OutputPath.isSafe("a/\u{0}b"))
    }

    /// The one-pass check against the rule as written, on 20,000 random paths made of the
    /// pieces that matter (slashes, dots, backslash, NUL, letters, kana).
    @Test func safePathsMatchTheRule() {
        func rule(_ path: String) -> Bool {
            !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\") && !path.contains("\u{0}")
                && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
        }
        var random = SplitMix(seed: 7)
        let pieces = ["/", ".", "..", "\\", "\u{0}", "a", "相談", "-"]
        for _ in 0..<20_000 {
            let path = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(OutputPath.isSafe(path) == rule(path), "\(path.debugDescription)")
        }
    }

    @Test func replaceSwapsWholeBuilds() throws {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "一"), OutputFile(path: "old/only.html", text: "x")])
        #expect(read("index.html") == "一")
        try folder.replace(with: [OutputFile(path: "index.html", text: "二")])
        #expect(read("index.html") == "二")
        #expect(read("old/only.html") == nil, "files of the previous build do not linger")
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(OutputFolder.marker).path))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(siblings == [".output.spare", "output"], "the previous build is kept for the next to write over")
    }

    func inode(at url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    /// The output after two builds of `files`: the spare then shares every file with it.
    func builtTwice(_ files: [OutputFile]) throws -> OutputFolder {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: files)
        try folder.replace(with: files)
        return folder
    }

    /// A rebuild writes over the spare (the build before the last): what it holds is checked
    /// file by file, whatever was left or put there, and the live output is never written
    /// through a file it shares with the spare.
    @Test func aRebuildWritesOverTheSpareWithoutTouchingTheOutput() throws {
        let fm = FileManager.default
        let first = [OutputFile(path: "a/same.html", text: "同じ"), OutputFile(path: "a/changing.html", text: "一"),
                     OutputFile(path: "gone/x.html", text: "x"), OutputFile(path: "turns/folder", text: "file")]
        let folder = try builtTwice(first)
        let spare = folder.spare
        #expect(try inode(at: spare.appendingPathComponent("a/same.html")) == inode("a/same.html"))
        // What a person or a killed tool might leave in the spare.
        try Data("stray".utf8).write(to: spare.appendingPathComponent("stray.html"))
        try fm.createSymbolicLink(atPath: spare.appendingPathComponent("a/link").path, withDestinationPath: root.path)
        try fm.removeItem(at: spare.appendingPathComponent("a/changing.html"))
        #expect(mkfifo(spare.appendingPathComponent("a/changing.html").path, 0o644) == 0, "a FIFO is never opened to wait")
        try fm.removeItem(at: spare.appendingPathComponent("a/same.html"))
        try fm.createSymbolicLink(atPath: spare.appendingPathComponent("a/same.html").path,
                                  withDestinationPath: destination.appendingPathComponent("a/same.html").path)

        let second = [OutputFile(path: "a/same.html", text: "同じ"), OutputFile(path: "a/changing.html", text: "二"),
                      OutputFile(path: "turns/folder/index.html", text: "folder"), OutputFile(path: "new/y.html", text: "y")]
        let liveBefore = try inode("a/changing.html")
        try folder.replace(with: second)
        #expect(read("a/same.html") == "同じ")
        #expect(read("a/changing.html") == "二")
        #expect(read("turns/folder/index.html") == "folder")
        #expect(read("new/y.html") == "y")
        let files = fm.enumerator(atPath: destination.path)!.compactMap { $0 as? String }
            .filter { (try? fm.attributesOfItem(atPath: destination.appendingPathComponent($0).path)[.type]
                as? FileAttributeType) != .typeDirectory }.sorted()
        #expect(files == [OutputFolder.marker, "a/changing.html", "a/same.html", "new/y.html", "turns/folder/index.html"])
        let kind = try fm.attributesOfItem(atPath: destination.appendingPathComponent("a/same.html").path)[.type]
        #expect(kind as? FileAttributeType == .typeRegular, "a link left in the spare is not carried over")
        // The output before this build is the spare now, as it was.
        #expect(try inode(at: spare.appendingPathComponent("a/changing.html")) == liveBefore)
        #expect(try String(contentsOf: spare.appendingPathComponent("a/changing.html"), encoding: .utf8) == "一")
        #expect(try String(contentsOf: spare.appendingPathComponent("turns/folder"), encoding: .utf8) == "file")
        try folder.replace(with: first)
        #expect(read("a/changing.html") == "一")
        #expect(read("turns/folder") == "file")
        #expect(read("new/y.html") == nil)
    }

    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: destination.appendingPathComponent(path).path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    /// An unchanged file is the previous output's file under a second name, never a link or a
    /// file someone put in its place.
    @Test func unchangedFilesAreSharedWithThePreviousOutput() throws {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "a/same.html", text: "同じ"), OutputFile(path: "a/other.html", text: "前"),
                                  OutputFile(path: "b/planted.html", text: "本物")])
        let same = try inode("a/same.html")
        let other = try inode("a/other.html")
        let planted = destination.appendingPathComponent("b/planted.html")
        try FileManager.default.removeItem(at: planted)
        try FileManager.default.createSymbolicLink(atPath: planted.path, withDestinationPath: "/etc/hostname")

        try folder.replace(with: [OutputFile(path: "a/same.html", text: "同じ"), OutputFile(path: "a/other.html", text: "後"),
                                  OutputFile(path: "b/planted.html", text: "本物")])
        #expect(try inode("a/same.html") == same)
        #expect(try inode("a/other.html") != other)
        #expect(read("a/other.html") == "後")
        let kind = try FileManager.default.attributesOfItem(atPath: planted.path)[.type] as? FileAttributeType
        #expect(kind == .typeRegular, "a symbolic link in the previous output is not carried over")
        #expect(read("b/planted.html") == "本物")
    }

    func files(in folder: URL) -> [String] {
        let fm = FileManager.default
        return fm.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter {
            (try? fm.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.type] as? FileAttributeType)
                != .typeDirectory
        }.sorted()
    }

    /// The spare's marker lists its files: folders unchanged since are taken at their word,
    /// changed ones are read, and a listing naming a path outside is not used at all.
    @Test func theSparesListingIsUsedOnlyWhereItHolds() throws {
        let fm = FileManager.default
        let first = [OutputFile(path: "d/a.html", text: "a"), OutputFile(path: "d/b.html", text: "b"),
                     OutputFile(path: "e/c.html", text: "c"), OutputFile(path: "g/old.html", text: "g")]
        let folder = try builtTwice(first)
        let marker = try String(contentsOf: folder.spare.appendingPathComponent(OutputFolder.marker), encoding: .utf8)
        #expect(marker.hasSuffix("d/a.html\nd/b.html\ne/c.html\ng/old.html\n"))
        try Data("stray".utf8).write(to: folder.spare.appendingPathComponent("e/stray.html"))
        try folder.replace(with: [OutputFile(path: "d/a.html", text: "a"), OutputFile(path: "e/c.html", text: "c"),
                                  OutputFile(path: "f/new.html", text: "f")])
        #expect(files(in: destination) == [OutputFolder.marker, "d/a.html", "e/c.html", "f/new.html"])

        // A marker listing a path outside: every folder is read instead, nothing outside goes.
        let outside = root.appendingPathComponent("keep.html")
        try Data("keep".utf8).write(to: outside)
        let spareMarker = folder.spare.appendingPathComponent(OutputFolder.marker)
        try (String(contentsOf: spareMarker, encoding: .utf8) + "../keep.html\n").write(to: spareMarker, atomically: false, encoding: .utf8)
        try Data("stray".utf8).write(to: folder.spare.appendingPathComponent("d/stray.html"))
        try folder.replace(with: [OutputFile(path: "d/a.html", text: "a")])
        #expect(files(in: destination) == [OutputFolder.marker, "d/a.html"])
        #expect(fm.fileExists(atPath: outside.path))
    }

    @Test func aFailingWriteLeavesTheOldOutput() throws {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "old")])
        #expect(throws: OutputFolder.Failure.self) {
            try folder.replace(with: [OutputFile(path: "index.html", text: "new"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(read("index.html") == "old")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
        try folder.replace(with: [OutputFile(path: "index.html", text: "new")])
        #expect(throws: OutputFolder.Failure.self) {
            try folder.replace(with: [OutputFile(path: "index.html", text: "newer"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(read("index.html") == "new", "a failed build over the spare leaves the output too")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
    }

    /// A build from nothing (no output, no spare) writes a new tree, folders several levels
    /// deep and shared by files written on different cores, and renames it into place: only
    /// the output is left beside it. A file that cannot be made half-way leaves nothing.
    @Test func aBuildFromNothingLeavesOnlyTheOutput() throws {
        let fm = FileManager.default
        let files = (0..<300).map { OutputFile(path: "entries/e\($0 % 40)/deep/p\($0).html", text: "頁\($0)") }
            + [OutputFile(path: "index.html", text: "表紙")]
        let folder = OutputFolder(destination: destination)
        #expect(throws: OutputFolder.Failure.self) {
            try folder.replace(paths: files.map(\.path)) { index in
                if index == 150 { throw OutputFolder.Failure.io("作れません") }
                return files[index]
            }
        }
        #expect(try fm.contentsOfDirectory(atPath: root.path).filter { !$0.hasSuffix(".lock") } == [],
                "a failed build from nothing leaves no output and no staging folder")

        try folder.replace(with: files)
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["output"])
        #expect(self.files(in: destination) == ([OutputFolder.marker] + files.map(\.path)).sorted())
        #expect(read("entries/e7/deep/p47.html") == "頁47")
        #expect(read(OutputFolder.marker)?.contains("entries/e19/deep/p299.html\n") == true)
    }

    @Test func leftoversOfAKilledRunAreCleaned() throws {
        let fm = FileManager.default
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "good")])
        try fm.createDirectory(at: root.appendingPathComponent(".output.staging-99999/half"), withIntermediateDirectories: true)
        folder.removeLeftovers()
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["output"])
        try folder.replace(with: [OutputFile(path: "index.html", text: "better")])
        try fm.createDirectory(at: root.appendingPathComponent(".output.staging-99999/half"), withIntermediateDirectories: true)
        folder.removeLeftovers()
        #expect(try fm.contentsOfDirectory(atPath: root.path).sorted() == [".output.spare", "output"])
    }

    @Test func anOldOutputMovedAsideIsPutBack() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent(".output.old-4242"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: root.appendingPathComponent(".output.old-4242/index.html"))
        OutputFolder(destination: destination).removeLeftovers()
        #expect(read("index.html") == "kept")
    }

    @Test func destinationChecks() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: content, withIntermediateDirectories: true)
        #expect(throws: OutputFolder.Failure.self) {
            try OutputFolder(destination: URL(fileURLWithPath: "/")).checkDestination(contentFolder: content, force: true)
        }
        #expect(throws: OutputFolder.Failure.self) {
            try OutputFolder(destination: content).checkDestination(contentFolder: content, force: true)
        }
        #expect(throws: OutputFolder.Failure.self) {
            try OutputFolder(destination: root).checkDestination(contentFolder: content, force: true)
        }
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data().write(to: destination.appendingPathComponent("notes.txt"))
        #expect(throws: OutputFolder.Failure.self) {
            try OutputFolder(destination: destination).checkDestination(contentFolder: content, force: false)
        }
        try OutputFolder(destination: destination).checkDestination(contentFolder: content, force: true)
    }
}
