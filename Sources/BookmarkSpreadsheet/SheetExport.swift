import BookmarkModel

/// The editors' sheet of a guide: one row per entry, drafts and paper-only entries included.
public enum SheetExport {
    /// The name of the sheet in a workbook, as a new sheet is called in Japanese Excel.
    public static let sheetName = "シート1"

    public static func table(_ entries: [Entry], site: SiteConfig) -> SheetTable {
        let columns = SheetColumn.all
        return SheetTable(
            sheetName: sheetName, columns: SheetColumn.tableColumns(columns),
            rows: entries.sorted { $0.id < $1.id }.map { entry in columns.map { $0.export(entry, site) } })
    }
}
