import ArgumentParser

/// `bookmark`: checks a content folder and builds the site and booklets of a 地域資源ブックマーク.
@main
struct Bookmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmark",
        abstract: "地域資源ブックマークのサイトと冊子を作ります。",
        subcommands: [
            CheckCommand.self, BuildCommand.self, BookletCommand.self, NewCommand.self, ServeCommand.self,
            ExportCommand.self, ImportCommand.self, ConfirmCommand.self,
        ]
    )

    static func main() async {
        // Before anything else runs on another thread (see AllocatorSettings).
        AllocatorSettings.configure(arguments: CommandLine.arguments)
        await main(nil)
    }
}
