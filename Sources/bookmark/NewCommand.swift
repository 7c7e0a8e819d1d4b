import ArgumentParser
import BookmarkLoader
import BookmarkModel
import BookmarkValidator
import Foundation

/// `bookmark new KIND ID --area AREA`: writes a commented template entry to start from.
///
/// `bookmark new ibasho sakura-salon --area sakura` writes `content/entries/sakura/sakura-salon.md`.
/// The file passes `bookmark check` as written, with `draft: true` so that its placeholder
/// values can never reach the site or the booklet before an editor has replaced them.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "説明つきの新しい項目のひな形を書き出します。",
        discussion: "例: bookmark new ibasho sakura-salon --area sakura"
    )

    @Argument(help: "種類: consultation（相談窓口）、ibasho（居場所）、online（オンライン）。日本語でも書けます。")
    var kind: String

    @Argument(help: "項目の id（ファイル名になります）。半角英小文字・数字・ハイフン、64文字まで。例: sakura-salon")
    var id: String

    @Option(name: .long, help: "エリアの id（site.yml の areas）。全国向けのオンラインの窓口は nationwide。")
    var area: String

    @OptionGroup var options: ContentOptions

    func run() throws {
        guard let kind = Kind(written: Normalizer.text(kind)) else {
            printMessage("種類「\(self.kind)」は使えません。使えるのは \(Kind.listForMessages) です。")
            throw ExitCode(1)
        }
        guard Self.isValidID(id) else {
            printMessage("id「\(id)」は使えません。半角英小文字・数字・ハイフンで、英小文字か数字で始め、64文字までにします（例: sakura-salon）。")
            throw ExitCode(1)
        }
        let discovered = ContentDiscovery.discover(in: options.contentURL)
        guard let siteFile = discovered.site else {
            printMessage("\(options.content)/site.yml が見つかりません。--content でコンテンツフォルダを指定してください。")
            throw ExitCode(1)
        }
        if let existing = discovered.entries.first(where: { $0.id == id }) {
            printMessage("id「\(id)」はすでに \(options.content)/\(existing.relativePath) で使われています。別の id にしてください。")
            throw ExitCode(1)
        }
        let areaID = try resolveArea(kind: kind, siteFile: siteFile)

        let relative = "entries/\(areaID)/\(id).md"
        let url = options.contentURL.appendingPathComponent(relative)
        let text = try EntryTemplate(kind: kind, area: areaID, verified: options.today).render()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Never over a file: one that discovery ignores (`_draft.md`) or one made meanwhile is kept.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            printMessage("\(options.content)/\(relative) を書けませんでした: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print(options.content + "/" + relative)
        printMessage("""
            \(options.content)/\(relative) を作りました（\(kind.japaneseLabel)、エリア \(areaID)）。
            仮の値を本当の情報に書き換え、最後に draft: true の行を消してください。
            書き終えたら bookmark check で確かめられます。
            """)
    }

    /// The area id from `--area`: an id or a name from site.yml, or `nationwide`/全国 for online.
    private func resolveArea(kind: Kind, siteFile: ContentFile) throws -> String {
        let written = Normalizer.text(area)
        if written == "nationwide" || written == "全国" {
            guard kind == .online else {
                printMessage("エリア nationwide（全国）はオンラインの項目だけに使えます。\(kind.japaneseLabel)には場所のあるエリアの id を書いてください。")
                throw ExitCode(1)
            }
            return "nationwide"
        }
        let (site, diagnostics) = SiteValidator.validate(ContentLoader.reload(siteFile), themes: nil)
        guard let site else {
            DiagnosticPrinter(format: options.format, contentPath: options.content, contentURL: options.contentURL)
                .print(diagnostics)
            printMessage("site.yml にエラーがあるため、エリアを確かめられません。先に site.yml を直してください。")
            throw ExitCode(1)
        }
        if let match = site.areas.first(where: { $0.id == written || $0.name == written }) {
            return match.id
        }
        let known = site.areas.map { "\($0.id)（\($0.name)）" } + (kind == .online ? ["nationwide（全国）"] : [])
        printMessage("エリア「\(area)」は site.yml の areas にありません。使えるエリア: \(known.joined(separator: "、"))")
        throw ExitCode(1)
    }

    /// The id rule of content-format.md: `^[a-z0-9][a-z0-9-]{0,63}$`.
    static func isValidID(_ id: String) -> Bool {
        id.wholeMatch(of: /[a-z0-9][a-z0-9-]{0,63}/) != nil
    }
}
