import BookmarkLoader
import BookmarkMarkdown
import BookmarkModel
import Foundation

/// Checks a whole loaded content folder (`ContentLoader`): site.yml, every entry, every
/// page, and the rules that span files (unique ids, known areas). It reads no file itself.
public enum GuideValidator {
    public struct Result: Sendable {
        /// The guide when no error was found; nil otherwise.
        public var guide: Guide?
        /// Every problem in every file, sorted by file, line, column.
        public var diagnostics: [Diagnostic]

        public init(guide: Guide?, diagnostics: [Diagnostic]) {
            self.guide = guide
            self.diagnostics = diagnostics
        }
    }

    /// - Parameters:
    ///   - content: the files of the content folder, as the load step read them (with the
    ///     theme names `theme:` is checked against, when it listed them).
    ///   - today: the day staleness, `until` and future dates are judged against.
    ///   - cache: results of an earlier check of the same folder, reused for unchanged files
    ///     (those the loader left unread because the cache knew them).
    ///
    /// Each entry's text is let go as soon as it is checked (the caller hands the content
    /// over): a 10,000-entry guide's texts are some 20 MB, which would otherwise all be held
    /// until the last entry is checked.
    public static func validate(_ content: consuming LoadedContent, today: Day, cache: EntryCheckCache? = nil) -> Result {
        var loadedEntries: [LoadedFile] = []
        swap(&loadedEntries, &content.entries)
        let discovered = content
        var diagnostics = discovered.diagnostics

        var site: SiteConfig?
        if let siteFile = discovered.site {
            let (config, siteDiagnostics) = SiteValidator.validate(siteFile, themes: discovered.themeNames)
            site = config
            diagnostics += siteDiagnostics
        }
        // Entries are still checked when site.yml is broken, against the areas it names so far.
        let context = ValidationContext(
            areaIDs: Set(site?.areas.map(\.id) ?? areaIDsBestEffort(discovered.site)),
            today: today, staleAfterDays: site?.staleAfterDays ?? 365)

        let files = loadedEntries.map(\.file)
        let checked = checkInParallel(LoadedSlots(consume loadedEntries)) { file in
            cache?.result(for: file, context: context) { EntryValidator.validate($0, context: context) }
                ?? EntryValidator.validate(file, context: context)
        }
        cache?.keepOnly(Set(files.map(\.relativePath)))
        var entries: [Entry] = []
        var firstFileOfID: [String: String] = [:]
        for (index, (entry, entryDiagnostics)) in checked.enumerated() {
            diagnostics += entryDiagnostics
            let file = files[index]
            if let other = firstFileOfID[file.id] {
                diagnostics.append(
                    Diagnostic(file: file.relativePath, line: 1, column: 1, code: .idDuplicate,
                               message: "id「\(file.id)」は \(other) と同じです。ファイル名（id）はガイド全体で1つだけにします。",
                               hint: "どちらかのファイル名を変えてください"))
                continue
            }
            firstFileOfID[file.id] = file.relativePath
            if let entry { entries.append(entry) }
        }

        var pages: [Page] = []
        for file in discovered.pages {
            let (page, pageDiagnostics) = PageValidator.validate(file)
            diagnostics += pageDiagnostics
            if let page, !pages.contains(where: { $0.slug == page.slug }) { pages.append(page) }
        }
        pages.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }

        diagnostics.sort()
        guard let site, !diagnostics.hasErrors else { return Result(guide: nil, diagnostics: diagnostics) }
        entries.sort { $0.id < $1.id }
        return Result(guide: Guide(site: site, entries: entries, pages: pages, today: today), diagnostics: diagnostics)
    }

    /// When site.yml has errors, its area ids are still worth knowing, so that entries are
    /// not all reported as naming unknown areas.
    private static func areaIDsBestEffort(_ file: LoadedFile?) -> [String] {
        guard let file, case .success(let source) = file.text else { return [] }
        let yaml = YAMLReader.read(source.text, file: source.file, lineOffset: 0)
        guard case .mapping(let pairs)? = yaml.root?.value,
            case .sequence(let areas)? = pairs.first(where: { $0.key.name == "areas" })?.value.value
        else { return [] }
        return areas.compactMap { area -> String? in
            guard case .mapping(let fields) = area.value else { return nil }
            return fields.first(where: { $0.key.name == "id" })?.value.scalar.map(Normalizer.text)
        }
    }

    /// Checks files on every core, each taken from `files` (so its text goes once checked);
    /// results keep the files' order.
    static func checkInParallel<T: Sendable>(_ files: LoadedSlots, _ check: @Sendable (LoadedFile) -> T) -> [T] {
        MarkdownRenderer.prepare()
        let results = ResultSlots<T>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, check(files.take(index)))
        }
        return results.values
    }
}

/// Loaded files handed out once each, to the worker that checks them.
final class LoadedSlots: @unchecked Sendable {
    private var files: [LoadedFile?]
    private let lock = NSLock()
    let count: Int

    init(_ files: consuming [LoadedFile]) {
        count = files.count
        self.files = files.map { $0 }
    }

    func take(_ index: Int) -> LoadedFile {
        lock.withLock {
            defer { files[index] = nil }
            return files[index]!
        }
    }
}

/// One slot per file, each written by exactly one worker.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
