import BookmarkBuild
import Testing

/// What each changed path means to `bookmark serve`'s next build, as a table (after Zola's
/// `detect_change_kind` tests).
@Suite struct ChangeKindTests {
    static let folders = ChangeKind.Folders(content: "/g/content", themes: "/g/themes")
    static let known: Set<String> = ["entries/sakura/a.md", "entries/sakura/b.md", "entries/c.md"]

    struct Row: CustomTestStringConvertible, Sendable {
        var path: String
        var now: ChangeKind.Now
        var kind: ChangeKind
        var testDescription: String { "\(path) (\(now))" }
    }

    static let table: [Row] = [
        // Entries
        Row(path: "/g/content/entries/sakura/a.md", now: .file, kind: .entryEdited("entries/sakura/a.md")),
        Row(path: "/g/content/entries/c.md", now: .file, kind: .entryEdited("entries/c.md")),
        Row(path: "/g/content/entries/sakura/new.md", now: .file, kind: .entriesAddedOrRemoved),
        Row(path: "/g/content/entries/sakura/a.md", now: .nothing, kind: .entriesAddedOrRemoved),
        Row(path: "/g/content/entries/sakura/a.md", now: .folder, kind: .entriesAddedOrRemoved),
        Row(path: "/g/content/entries/kaede", now: .folder, kind: .entriesAddedOrRemoved),
        Row(path: "/g/content/entries/sakura", now: .nothing, kind: .entriesAddedOrRemoved),
        Row(path: "/g/content/entries", now: .nothing, kind: .entriesAddedOrRemoved),
        // Editors' temporary and backup files
        Row(path: "/g/content/entries/sakura/a.md.tmp", now: .file, kind: .ignored),
        Row(path: "/g/content/entries/sakura/sedAb12Cd", now: .file, kind: .ignored),
        Row(path: "/g/content/entries/sakura/sedAb12Cd", now: .nothing, kind: .ignored),
        Row(path: "/g/content/entries/sakura/.a.md.swp", now: .file, kind: .ignored),
        Row(path: "/g/content/entries/sakura/a.md~", now: .file, kind: .ignored),
        Row(path: "/g/content/entries/_drafts/x.md", now: .file, kind: .ignored),
        Row(path: "/g/content/.git/index", now: .file, kind: .ignored),
        Row(path: "/g/content/pages/.about.md.swp", now: .file, kind: .ignored),
        Row(path: "/g/content/pages/about.md.tmp", now: .file, kind: .ignored),
        // The rest of the content folder
        Row(path: "/g/content/site.yml", now: .file, kind: .siteConfig),
        Row(path: "/g/content/site.yml", now: .nothing, kind: .siteConfig),
        Row(path: "/g/content/pages/about.md", now: .file, kind: .pages),
        Row(path: "/g/content/pages/about.md", now: .nothing, kind: .pages),
        Row(path: "/g/content/pages/help", now: .folder, kind: .pages),
        Row(path: "/g/content/templates/index.mustache", now: .file, kind: .templates),
        Row(path: "/g/content/README.md", now: .file, kind: .other),
        Row(path: "/g/content/entries.md", now: .file, kind: .other),
        // Themes
        Row(path: "/g/themes/default/templates/entry.mustache", now: .file, kind: .templates),
        Row(path: "/g/themes/default/templates/print/card.mustache", now: .file, kind: .templates),
        Row(path: "/g/themes/default/print/booklet.css", now: .file, kind: .templates),
        Row(path: "/g/themes/default/assets/css/site.css", now: .file, kind: .assets),
        Row(path: "/g/themes/default/assets/.site.css.swp", now: .file, kind: .ignored),
        Row(path: "/g/themes/other", now: .folder, kind: .other),
        Row(path: "/g/themes/default/README.md", now: .file, kind: .other),
        // Elsewhere
        Row(path: "/g/contentless/x.md", now: .file, kind: .other),
    ]

    @Test(arguments: table) func kindOfAChangedPath(_ row: Row) {
        #expect(ChangeKind.of(row.path, in: Self.folders, now: row.now, known: Self.known) == row.kind)
    }

    @Test func editsOnlyAreTheEditedFilesAndIgnoredOnesAddNothing() {
        let set = ChangeSet([.entryEdited("entries/c.md"), .ignored, .entryEdited("entries/sakura/a.md")])
        #expect(set.editedEntriesOnly == ["entries/c.md", "entries/sakura/a.md"])
        #expect(set.keepsWhatWasMadeOfEntries)
        #expect(ChangeSet([.ignored]).editedEntriesOnly == [])
    }

    @Test func anythingButEntriesStartsOver() {
        #expect(ChangeSet([.entryEdited("entries/c.md"), .entriesAddedOrRemoved]).editedEntriesOnly == nil)
        #expect(ChangeSet([.entriesAddedOrRemoved]).keepsWhatWasMadeOfEntries)
        for kind in [ChangeKind.siteConfig, .pages, .templates, .assets, .other] {
            let set = ChangeSet([.entryEdited("entries/c.md"), kind])
            #expect(set.editedEntriesOnly == nil, "\(kind)")
            #expect(!set.keepsWhatWasMadeOfEntries, "\(kind)")
        }
    }
}
