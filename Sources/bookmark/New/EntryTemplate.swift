import BookmarkModel
import BookmarkTemplates
import Foundation

/// The commented entry `bookmark new` writes: `Resources/new-entry.md.mustache`, filled in.
///
/// The template is a text file rather than a Swift string so that the people who write the
/// Japanese comments can read and edit it as the editor will see it. It is compiled into
/// the binary (`embedInCode`), so `bookmark new` works from any folder.
struct EntryTemplate {
    /// The values the template needs: `kind: ibasho`, `area: sakura`, `verified: 2026-04-01`.
    var kind: Kind
    var area: String
    var verified: Day

    func render() throws -> String {
        let source = String(decoding: PackageResources.new_entry_md_mustache, as: UTF8.self)
        let template = try TextTemplate(source)
        let values: [String: Any] = [
            "kind": kind.rawValue,
            "kindLabel": kind.japaneseLabel,
            "area": area,
            "verified": verified.description,
            // Places you go to need an address and opening hours; online services need neither.
            "place": kind != .online,
        ]
        return template.render(values)
    }
}
