import BookmarkSystem
import Foundation
import Testing

/// `Folder` and `FileStamp` on small file trees written inline: what a walk finds, leaves out
/// and follows.
@Suite struct FolderTests {
    /// A temporary folder with `tree` in it: a path ending in `/` is a folder, `->` a link.
    final class Tree {
        let root: String

        init(_ tree: [String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-test-\(UUID().uuidString)").path
            let fm = FileManager.default
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
            for item in tree {
                if let arrow = item.range(of: " -> ") {
                    let (link, target) = (String(item[..<arrow.lowerBound]), String(item[arrow.upperBound...]))
                    try fm.createSymbolicLink(atPath: root + "/" + link, withDestinationPath: target)
                } else if item.hasSuffix("/") {
                    try fm.createDirectory(atPath: root + "/" + item, withIntermediateDirectories: true)
                } else {
                    let path = root + "/" + item
                    try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try Data(item.utf8).write(to: URL(fileURLWithPath: path))
                }
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func itemsGiveNamesAndTypesButNotDotAndDotDot() throws {
        let tree = try Tree(["b.md", "a/", "a/x.md", ".hidden", "link -> b.md"])
        let items = try #require(Folder.items(in: tree.root, sorted: true))
        #expect(items.map(\.name) == [".hidden", "a", "b.md", "link"])
        #expect(items.map(\.isFolder) == [false, true, false, false])
        #expect(items.first { $0.name == "b.md" }?.isRegularFile == true)
        #expect(items.first { $0.name == ".hidden" }?.isHidden == true)
        #expect(Folder.items(in: tree.root + "/missing") == nil)
        #expect(Folder.items(in: tree.root + "/b.md") == nil)
    }

    @Test func filesAreRelativeSortedAndSkipHiddenNamesAndWhatIsUnderThem() throws {
        let tree = try Tree([
            "css/site.css", "js/search.js", "favicon.svg", ".DS_Store", ".git/config", "css/.swap",
            "empty/", "deep/er/still/file.txt",
        ])
        #expect(Folder.files(under: tree.root) == [
            "css/site.css", "deep/er/still/file.txt", "favicon.svg", "js/search.js",
        ])
        #expect(Folder.files(under: tree.root, skippingHidden: false).contains(".git/config"))
        #expect(Folder.files(under: tree.root + "/nothing-here").isEmpty)
    }

    @Test func filesFollowLinksToFilesAndFolders() throws {
        let tree = try Tree(["real/a.txt", "shared -> real", "alias.txt -> real/a.txt", "dangling -> nowhere"])
        #expect(Folder.files(under: tree.root) == ["alias.txt", "real/a.txt", "shared/a.txt"])
    }

    @Test func aLoopOfLinksEndsAtTheDepthLimit() throws {
        let tree = try Tree(["a/file.txt", "a/loop -> .."])
        let files = Folder.files(under: tree.root)
        #expect(files.first == "a/file.txt")
        // a/loop/a/loop/… until the limit: finite, and every path is as deep as the limit allows at most.
        #expect(files.allSatisfy { $0.split(separator: "/").count <= Folder.maximumDepth + 1 })
    }

    @Test func stampsCoverRegularFilesByAbsolutePathAndChangeWithTheFile() throws {
        let tree = try Tree(["entries/a.md", "entries/sub/b.md", "entries/.a.md.swp", "site.yml"])
        let before = Folder.stamps(under: [tree.root + "/entries", tree.root + "/site.yml-is-not-a-folder"])
        #expect(before.keys.sorted() == [tree.root + "/entries/a.md", tree.root + "/entries/sub/b.md"])
        let path = tree.root + "/entries/a.md"
        #expect(before[path] == FileStamp(path: path))
        #expect(before[path]?.size == Int64("entries/a.md".utf8.count))

        // Replaced by rename, as editors save: a new inode even when size and time could match.
        try Data("entries/a.md".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        #expect(FileStamp(path: path) != before[path])
        #expect(FileStamp(path: tree.root + "/gone") == nil)
    }

    @Test func foldersListTheTreeDepthFirstWithoutHiddenOnes() throws {
        let tree = try Tree(["a/b/", "a/c/file", ".git/objects/", "d/"])
        #expect(Folder.folders(under: tree.root).map { String($0.dropFirst(tree.root.count)) }.sorted()
                == ["", "/a", "/a/b", "/a/c", "/d"])
    }
}
