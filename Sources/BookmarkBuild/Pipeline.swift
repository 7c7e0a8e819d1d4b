import BookmarkBooklet
import BookmarkLoader
import BookmarkModel
import BookmarkOutput
import BookmarkSite
import BookmarkSystem
import BookmarkTemplates
import BookmarkValidator
import Foundation

/// One build of a guide, as a list of named, timed steps over one `Build`:
///
/// ```
/// load    find and read the content files (only edited ones after an edit in serve)
/// check   validate them; report the diagnostics; stop on errors
/// output  make sure the output folder may be replaced (build, booklet)
/// theme   load the theme and the guide's templates once (serve keeps it between edits)
/// pages   name every file of the site and the booklets' print HTML, each made when written
/// …       what a command adds before the write (booklet: the PDFs)
/// write   wait for any other build writing the same output (`OutputLock`), then make and
///         write the files on every core, swap the output into place
/// ```
/// Every command runs it: `check` stops after `check`, `build` runs it whole, `booklet` adds
/// its PDF step, `serve` runs it after each change with a `BuildMemory` and writes into its
/// preview folder. With `--timings` each step prints `timing <step> <seconds>`.
///
/// ```swift
/// var pipeline = Pipeline(settings: settings, report: printDiagnostics)
/// pipeline.output = .replace(outputFolder, force: false)
/// let build = try pipeline.run()
/// ```
public struct Pipeline: Sendable {
    /// One step: a name for `--timings`, and what it does to the build.
    public struct Step: Sendable {
        public let name: String
        let run: @Sendable (Pipeline, inout Build) throws -> Void

        public init(_ name: String, _ run: @escaping @Sendable (inout Build) throws -> Void) {
            self.name = name
            self.run = { _, build in try run(&build) }
        }

        init(name: String, run: @escaping @Sendable (Pipeline, inout Build) throws -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// Where the write step puts the files.
    public enum Output: Sendable {
        /// Nothing is written (`check`).
        case none
        /// A whole new output is swapped in (`build`, `booklet`); `force` replaces a folder that
        /// bookmark did not write.
        case replace(URL, force: Bool)
        /// `bookmark serve`'s preview folder: swapped whole after a full build, and after an
        /// edit only the changed files are written in place.
        case preview(URL)
    }

    /// Why a build stopped.
    public enum Failure: Error, CustomStringConvertible {
        /// The check found errors (or warnings under `--strict`); they were reported.
        case check(GuideValidator.Result)
        /// A step after the check failed: the output was left as it was.
        case step(String, any Error)

        public var description: String {
            switch self {
            case .check: "エラーがあるため、何も書き出しませんでした。"
            case .step(_, let error): "\(error)"
            }
        }
    }

    public var settings: BuildSettings
    public var output: Output = .none
    /// Kept between builds by `bookmark serve`.
    public var memory: BuildMemory?
    /// What changed since the build `memory` remembers; nil for a first or full build.
    public var changes: ChangeSet?
    /// Prints the check's diagnostics; returns false when the guide must not be used
    /// (warnings under `--strict`).
    public var report: @Sendable (GuideValidator.Result) -> Bool
    /// Steps a command adds before the write (the booklet's PDFs).
    public var extraSteps: [Step] = []
    /// Prints each step's time (`timing pages 0.012`) to standard error.
    public var timings = false

    public init(settings: BuildSettings, report: @escaping @Sendable (GuideValidator.Result) -> Bool) {
        self.settings = settings
        self.report = report
    }

    /// The steps, in order, for this pipeline's output.
    public var steps: [Step] {
        switch output {
        case .none: [.load, .check]
        case .replace: [.load, .check, .output, .theme, .pages] + extraSteps + [.write]
        case .preview: [.load, .check, .theme, .pages] + extraSteps + [.write]
        }
    }

    /// Runs every step; throws `Failure` at the first that fails.
    @discardableResult
    public func run() throws -> Build {
        var build = Build(settings: settings)
        for step in steps {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try step.run(self, &build)
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.step(step.name, error)
            }
            if timings {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                FileHandle.standardError.write(Data(String(format: "timing %@ %.3f\n", step.name, seconds).utf8))
            }
        }
        return build
    }
}

/// Where a guide is read from and the day it is judged on.
public struct BuildSettings: Sendable {
    public var contentFolder: URL
    public var themesFolder: URL
    public var today: Day

    public init(contentFolder: URL, themesFolder: URL, today: Day) {
        self.contentFolder = contentFolder
        self.themesFolder = themesFolder
        self.today = today
    }
}

/// What the steps have made so far.
public struct Build: Sendable {
    public let settings: BuildSettings
    /// The content files as read (all of them, or after an edit in serve only the edited
    /// ones), from the load step until the check is done with them.
    public internal(set) var content: LoadedContent?
    public internal(set) var edited: [LoadedFile]?
    public internal(set) var check: GuideValidator.Result?
    public internal(set) var theme: Theme?
    /// Every file to write, in the order they are best made in.
    public var pages: [SitePage] = []
    /// After an edit in serve, the entries that changed (old and new versions); nil when
    /// every file was made.
    public internal(set) var changedEntries: [Entry]?
    /// How many files the write step wrote or checked.
    public internal(set) var written = 0

    init(settings: BuildSettings) {
        self.settings = settings
    }

    /// The checked guide (after the check step).
    public var guide: Guide? { check?.guide }
}

extension Pipeline.Step {
    /// Finds and reads the content files; after an edit of entries only (serve), just those.
    static let load = Pipeline.Step(name: "load") { (pipeline: Pipeline, build: inout Build) throws in
        let settings = pipeline.settings
        if let memory = pipeline.memory, let edited = pipeline.changes?.editedEntriesOnly, memory.lastCheck != nil {
            let files = edited.map { ContentLoader.reload($0, role: .entry, contentFolder: settings.contentFolder) }
            if files.allSatisfy({ $0 != nil }) {
                build.edited = files.compactMap { $0 }
                return
            }
        }
        var known: (@Sendable (String, FileStamp) -> Bool)?
        if let cache = pipeline.memory?.checkCache {
            let today = settings.today
            known = { path, stamp in cache.knows(path, stamp: stamp, today: today) }
        }
        build.content = ContentLoader.load(
            contentFolder: settings.contentFolder, themesFolder: settings.themesFolder, known: known)
    }

    /// Validates what was loaded, reports the diagnostics, and stops on errors.
    static let check = Pipeline.Step(name: "check") { (pipeline: Pipeline, build: inout Build) throws in
        let settings = pipeline.settings
        let memory = pipeline.memory
        var result: GuideValidator.Result?
        if let edited = build.edited, let last = memory?.lastCheck {
            result = edited.isEmpty ? last : GuideValidator.revalidate(last, edited: edited, today: settings.today)
        }
        if result == nil {
            let content = build.content ?? ContentLoader.load(
                contentFolder: settings.contentFolder, themesFolder: settings.themesFolder)
            build.content = nil
            result = GuideValidator.validate(consume content, today: settings.today, cache: memory?.checkCache)
        }
        // The entries hold what the pages need; the files' texts (some 20 MB for 10,000
        // entries) are not kept while the pages are made.
        build.content = nil
        build.edited = nil
        guard let result else { return }
        memory?.lastCheck = result
        build.check = result
        let usable = pipeline.report(result)
        guard result.guide != nil, usable else {
            build.check?.guide = nil
            throw Pipeline.Failure.check(result)
        }
    }

    /// Makes sure the output may be replaced: it is not the content folder, and holds a
    /// previous bookmark output or nothing (unless forced).
    static let output = Pipeline.Step(name: "output") { (pipeline: Pipeline, _: inout Build) throws in
        guard case .replace(let folder, let force) = pipeline.output else { return }
        try OutputFolder(destination: folder).checkDestination(contentFolder: pipeline.settings.contentFolder, force: force)
    }

    /// Loads the theme with the guide's own templates over it, once (serve keeps it).
    static let theme = Pipeline.Step(name: "theme") { (pipeline: Pipeline, build: inout Build) throws in
        if let kept = pipeline.memory?.theme {
            build.theme = kept
            return
        }
        guard let guide = build.guide else { return }
        let theme = try Theme.load(
            themesFolder: pipeline.settings.themesFolder, name: guide.site.theme,
            overrides: pipeline.settings.contentFolder.appendingPathComponent("templates"))
        pipeline.memory?.theme = theme
        build.theme = theme
    }

    /// Names every file of the site and each edition's print HTML (made when written); after
    /// an edit in serve only those the changed entries appear on.
    static let pages = Pipeline.Step(name: "pages") { (pipeline: Pipeline, build: inout Build) throws in
        guard let guide = build.guide, let theme = build.theme else { return }
        let memory = pipeline.memory
        let (site, changed) = try SiteBuilder(guide: guide, theme: theme).pages(memory: memory?.site)
        let booklets = changed.map { BookletBuilder.touchesAnEdition($0, guide: guide) } ?? true
            ? BookletBuilder(guide: guide, theme: theme, memory: memory?.booklet).htmlPages() : []
        build.pages = writingOrder(site + booklets)
        build.changedEntries = changed
    }

    /// Makes and writes every file on every core and swaps the output into place; after an
    /// edit in serve writes only the files whose bytes changed, in place.
    static let write = Pipeline.Step(name: "write") { (pipeline: Pipeline, build: inout Build) throws in
        let pages = build.pages
        // One writer at a time per output folder (see `OutputLock`): held until the files
        // are written and swapped in, released by the kernel if this process is killed.
        var lock: OutputLock?
        switch pipeline.output {
        case .none: break
        case .replace(let folder, _), .preview(let folder):
            lock = try OutputLock.take(for: folder) {
                FileHandle.standardError.write(Data(
                    "別のビルドが \(folder.lastPathComponent)/ に書き込み中です。終わるのを待っています…\n".utf8))
            }
        }
        defer { withExtendedLifetime(lock) {} }
        switch pipeline.output {
        case .none:
            return
        case .replace(let folder, _):
            try OutputFolder(destination: folder).replace(paths: pages.map(\.path)) { try pages[$0].file() }
        case .preview(let folder):
            if build.changedEntries == nil {
                try OutputFolder(destination: folder).replace(paths: pages.map(\.path)) { try pages[$0].file() }
            } else {
                let path = folder.path
                try Parallel.forEach(pages.count) { _ = try OutputFolder.update(try pages[$0].file(), in: path) }
            }
        }
        build.written = pages.count
    }

    /// The files that take longest first (booklets, open data, the lists of every entry), then
    /// the thousands of small ones: the cores then finish together instead of one making a
    /// booklet alone at the end. The order of writing changes nothing in the output.
    static func writingOrder(_ pages: [SitePage]) -> [SitePage] {
        pages.filter { !$0.route.isSmall } + pages.filter(\.route.isSmall)
    }
}
