import BookmarkLoader
import BookmarkModel
import Foundation

extension GuideValidator {
    /// The result `validate` would give after only some entry files changed, from those files
    /// alone (read again by the load step); nil when that cannot be known this way, and
    /// `validate` must run.
    ///
    /// It applies when `last` found no error and every edited file is an entry file `last`
    /// read, still there: an edit, not an addition, removal or rename. The set of files,
    /// site.yml and the pages are then as they were, so the rules across files (unique ids,
    /// known areas) give what they gave, and each edited entry is checked again and put in
    /// place of its old version. `bookmark serve` uses it to check one edited entry of a
    /// 10,000-entry guide in milliseconds.
    public static func revalidate(_ last: Result, edited: [LoadedFile], today: Day) -> Result? {
        guard let guide = last.guide, guide.today == today, !edited.isEmpty else { return nil }
        let positions = Dictionary(uniqueKeysWithValues: guide.entries.enumerated().map { ($1.file, $0) })
        guard edited.allSatisfy({ positions[$0.file.relativePath] != nil && $0.source != nil }) else { return nil }

        let context = ValidationContext(
            areaIDs: Set(guide.site.areas.map(\.id)), today: today, staleAfterDays: guide.site.staleAfterDays)
        let paths = Set(edited.map(\.file.relativePath))
        var entries = guide.entries
        var diagnostics = last.diagnostics.filter { !paths.contains($0.file) }
        for file in edited.sorted(by: { $0.file.relativePath < $1.file.relativePath }) {
            let (entry, entryDiagnostics) = EntryValidator.validate(file, context: context)
            diagnostics += entryDiagnostics
            if let entry, let position = positions[file.file.relativePath] { entries[position] = entry }
        }
        diagnostics.sort()
        guard !diagnostics.hasErrors else { return Result(guide: nil, diagnostics: diagnostics) }
        // The same files give the same ids, so the entries keep their order (by id).
        return Result(guide: Guide(site: guide.site, entries: entries, pages: guide.pages, today: today),
                      diagnostics: diagnostics)
    }
}
