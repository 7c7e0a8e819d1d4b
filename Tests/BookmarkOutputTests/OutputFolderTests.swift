import BookmarkOutput
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
    }

    @Test func replaceSwapsWholeBuilds() throws {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "一"), OutputFile(path: "old/only.html", text: "x")])
        #expect(read("index.html") == "一")
        try folder.replace(with: [OutputFile(path: "index.html", text: "二")])
        #expect(read("index.html") == "二")
        #expect(read("old/only.html") == nil, "files of the previous build do not linger")
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(OutputFolder.marker).path))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(siblings == ["output"])
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

    @Test func aFailingWriteLeavesTheOldOutput() throws {
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "old")])
        #expect(throws: OutputFolder.Failure.self) {
            try folder.replace(with: [OutputFile(path: "index.html", text: "new"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(read("index.html") == "old")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
    }

    @Test func leftoversOfAKilledRunAreCleaned() throws {
        let fm = FileManager.default
        let folder = OutputFolder(destination: destination)
        try folder.replace(with: [OutputFile(path: "index.html", text: "good")])
        try fm.createDirectory(at: root.appendingPathComponent(".output.staging-99999/half"), withIntermediateDirectories: true)
        folder.removeLeftovers()
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["output"])
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
