import ArgumentParser
import BookmarkBooklet
import BookmarkModel
import BookmarkOutput
import BookmarkSite
import BookmarkTemplates
import Foundation

/// `bookmark build`: check, then write the whole site (and each edition's print HTML).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "確かめてから、サイト全体と各冊子の印刷用 HTML を出力先に書き出します。"
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let guide = runCheck(options).guide else {
            printMessage("エラーがあるため、何も書き出しませんでした。")
            throw ExitCode(1)
        }
        KeptUntilExit.keep(guide)
        let count = try writeSite(guide, options: options, output: output)
        printMessage("\(output.output) に \(count) 個のファイルを書き出しました。")
    }
}

/// Renders the site and swaps it into the output folder; returns the number of files.
func writeSite(_ guide: Guide, options: ContentOptions, output: OutputOptions) throws -> Int {
    let folder = OutputFolder(destination: output.outputURL)
    do {
        try folder.checkDestination(contentFolder: options.contentURL, force: output.force)
        let pages = try StageTimer.measure("render") {
            let theme = try loadTheme(guide, options: options)
            return writingOrder(
                try SiteBuilder(guide: guide, theme: theme).pages() + BookletBuilder(guide: guide, theme: theme).htmlPages())
        }
        // Pages are rendered as they are written, on every core, so the site is never whole in memory.
        KeptUntilExit.keep(pages)
        try StageTimer.measure("write") {
            try folder.replace(paths: pages.map(\.path)) { try pages[$0].file() }
        }
        return pages.count
    } catch {
        printMessage("書き出せませんでした: \(error)")
        throw ExitCode(1)
    }
}

/// The pages that take longest first (booklets, open data, the lists of every entry), then the
/// thousands of small ones: the cores then finish together instead of one rendering a
/// booklet alone at the end. The order of writing changes nothing in the output.
///
/// Entry pages come before area pages: an entry page makes the entry's print-list item
/// on the way (`EntryCards.offerSheet`), which the area print lists then only read.
func writingOrder(_ pages: [SitePage]) -> [SitePage] {
    let isEntry = { (page: SitePage) in if case .entry = page.route { true } else { false } }
    return pages.filter { !$0.route.isSmall } + pages.filter(isEntry) + pages.filter { $0.route.isSmall && !isEntry($0) }
}

/// Every file of the output: the site, then each edition's print HTML.
func renderSite(_ guide: Guide, options: ContentOptions) throws -> [OutputFile] {
    let theme = try loadTheme(guide, options: options)
    return try SiteBuilder(guide: guide, theme: theme).build() + BookletBuilder(guide: guide, theme: theme).htmlFiles()
}

/// The guide's theme with the guide's own templates over it.
func loadTheme(_ guide: Guide, options: ContentOptions) throws -> Theme {
    try Theme.load(
        themesFolder: options.themesURL, name: guide.site.theme,
        overrides: options.contentURL.appendingPathComponent("templates"))
}
