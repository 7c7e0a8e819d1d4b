import BookmarkModel
import BookmarkSystem
import Foundation

/// One content file as the load step read it.
public struct LoadedFile: Sendable {
    public var file: ContentFile
    /// What the file was when it was read; only taken when the caller keeps results between
    /// builds (`bookmark serve`).
    public var stamp: FileStamp?
    /// The decoded text, or why it cannot be read; nil when the caller already knows this
    /// version of the file (its stamp is unchanged) and it was not read again.
    public var source: Result<SourceText, Diagnostic>?

    public init(file: ContentFile, stamp: FileStamp? = nil, source: Result<SourceText, Diagnostic>?) {
        self.file = file
        self.stamp = stamp
        self.source = source
    }

    /// The text, or why there is none: a file the loader did not read (which only happens to
    /// entries whose result the caller keeps) counts as unreadable.
    public var text: Result<SourceText, Diagnostic> {
        source ?? .failure(SourceDecoder.unreadable(file))
    }
}

/// Everything the check step needs from the disk: the content folder's files, read and
/// decoded, and the names of the themes there are.
public struct LoadedContent: Sendable {
    public var site: LoadedFile?
    public var entries: [LoadedFile]
    public var pages: [LoadedFile]
    /// Problems finding the files (no site.yml, links out of the folder, too many files).
    public var diagnostics: [Diagnostic]
    /// The folders of the themes folder, when one was given (site.yml's `theme:` must name one).
    public var themeNames: Set<String>?

    public init(
        site: LoadedFile?, entries: [LoadedFile], pages: [LoadedFile], diagnostics: [Diagnostic],
        themeNames: Set<String>?
    ) {
        self.site = site
        self.entries = entries
        self.pages = pages
        self.diagnostics = diagnostics
        self.themeNames = themeNames
    }
}

/// The load step: finds the content folder's files (`ContentDiscovery`) and reads them on
/// every core. Nothing after it reads content from the disk.
public enum ContentLoader {
    /// - Parameters:
    ///   - themesFolder: when given, its folder names are listed for the check of `theme:`.
    ///   - known: for `bookmark serve`: asked with each entry file's path (relative to the
    ///     content folder) and stamp; true means the caller has this version's result, and the
    ///     file is not read again. Without it no file is `stat`ed for a stamp.
    public static func load(
        contentFolder: URL, themesFolder: URL?, known: (@Sendable (String, FileStamp) -> Bool)? = nil
    ) -> LoadedContent {
        let found = ContentDiscovery.discover(in: contentFolder)
        let entries = (try? Parallel.map(found.entries.count) { index in
            load(found.entries[index], known: known)
        }) ?? []
        return LoadedContent(
            site: found.site.map { load($0) }, entries: entries, pages: found.pages.map { load($0) },
            diagnostics: found.diagnostics, themeNames: themesFolder.map(themeNames))
    }

    /// Reads one file (an edited entry, for `bookmark serve`); nil when it is not there.
    public static func reload(_ relativePath: String, role: ContentFile.Role, contentFolder: URL) -> LoadedFile? {
        let url = contentFolder.standardizedFileURL.appendingPathComponent(relativePath)
        guard FileStamp(path: url.path) != nil else { return nil }
        return reload(ContentFile(role: role, relativePath: relativePath, url: url))
    }

    /// Reads one file again, with its stamp.
    public static func reload(_ file: ContentFile) -> LoadedFile {
        LoadedFile(file: file, stamp: FileStamp(path: file.path), source: SourceDecoder.read(file))
    }

    private static func load(_ file: ContentFile, known: (@Sendable (String, FileStamp) -> Bool)? = nil) -> LoadedFile {
        guard let known else { return LoadedFile(file: file, source: SourceDecoder.read(file)) }
        // The stamp is taken before reading: a save in between makes the next stamp differ.
        let stamp = FileStamp(path: file.path)
        if let stamp, known(file.relativePath, stamp) { return LoadedFile(file: file, stamp: stamp, source: nil) }
        return LoadedFile(file: file, stamp: stamp, source: SourceDecoder.read(file))
    }

    private static func themeNames(in folder: URL) -> Set<String> {
        Folder.withOpen(folder.standardizedFileURL.path) { open, descriptor in
            Set(Folder.items(of: open).filter { Folder.kind(of: $0, in: descriptor) == .folder }.map(\.name))
        } ?? []
    }
}
