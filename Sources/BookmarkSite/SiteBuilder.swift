import BookmarkModel
import BookmarkOutput
import Foundation

/// Turns a checked guide into the files of the browsable site.
///
/// Only `guide.webEntries` ever reach a page: drafts, expired entries and `publish.web:
/// false` entries appear in no file of the site.
public struct SiteBuilder {
    public let guide: Guide
    public let theme: Theme

    public init(guide: Guide, theme: Theme) {
        self.guide = guide
        self.theme = theme
    }

    public func build() throws -> [OutputFile] {
        let entries = Gojuon.sorted(guide.webEntries)
        var files: [OutputFile] = []
        files.append(try page("index", path: "index.html", [
            "kinds": Kind.allCases.map { kind in
                [
                    "label": kind.japaneseLabel,
                    "entries": entries.filter { $0.kind == kind }.map { EntryContext.summary($0, root: "", guide: guide) },
                ] as [String: Any]
            },
        ]))
        for entry in entries {
            files.append(try page("entry", path: "entries/\(entry.id)/index.html", [
                "entry": EntryContext.full(entry, root: "../../", guide: guide),
            ], root: "../../", title: entry.name))
        }
        files += try theme.assets()
        return files
    }

    /// Renders a page template with the values every page shares.
    func page(_ template: String, path: String, _ values: [String: Any], root: String = "", title: String? = nil) throws -> OutputFile {
        var context = values
        context["root"] = root
        context["siteTitle"] = guide.site.title
        context["pageTitle"] = title.map { "\($0) | \(guide.site.title)" } ?? guide.site.title
        context["language"] = guide.site.language
        return OutputFile(path: path, text: try theme.render(template, context))
    }
}
