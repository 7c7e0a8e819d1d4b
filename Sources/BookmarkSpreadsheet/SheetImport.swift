import BookmarkLoader
import BookmarkModel
import BookmarkValidator
import Foundation

/// A diagnostic of an import: at a cell of the sheet, or (for problems the sheet did not
/// cause) at its place in a content file, as `check` reports it.
public struct ImportDiagnostic: Sendable {
    /// For a cell: `file` is the sheet file as given, `line` the row, `column` the column (A = 1).
    public var diagnostic: Diagnostic
    /// `シート1!C12`, nil when the diagnostic is at a content file.
    public var cell: String?
    /// The cell's text as read, for showing under the message.
    public var cellText: String?
}

/// What an import would write.
public struct ImportPlan: Sendable {
    public struct Write: Sendable {
        /// Relative to the content folder.
        public var path: String
        public var isNew: Bool
        public var bytes: Data
        /// `-`/`+` lines of each change and the line (1-based, in the new text) where it is,
        /// in the order of the file, for `--dry-run`.
        public var changes: [(line: Int, removed: [String], added: [String])]
    }

    public var writes: [Write] = []
    public var diagnostics: [ImportDiagnostic] = []
    public var rowsRead = 0

    public var hasErrors: Bool { diagnostics.contains { $0.diagnostic.severity == .error } }
}

/// Applies a sheet to a content folder (cli.md, "Spreadsheets and re-confirmation"): changed
/// cells rewrite only their fields, new ids become new files, and the result is checked as
/// `check` checks a guide before anything is written.
public struct SheetImport {
    public let sheet: Sheet
    /// The sheet file as the user named it (diagnostics show it).
    public let sheetFile: String
    public let contentFolder: URL
    public let themesFolder: URL?
    public let today: Day

    public init(sheet: Sheet, sheetFile: String, contentFolder: URL, themesFolder: URL?, today: Day) {
        self.sheet = sheet
        self.sheetFile = sheetFile
        self.contentFolder = contentFolder
        self.themesFolder = themesFolder
        self.today = today
    }

    struct Existing {
        var loaded: LoadedFile
        var source: SourceText
        var entry: Entry?
    }

    public func plan() -> ImportPlan {
        var plan = ImportPlan()
        var content = ContentLoader.load(contentFolder: contentFolder, themesFolder: themesFolder)
        guard let siteFile = content.site, case (let site?, _) = SiteValidator.validate(siteFile, themes: content.themeNames)
        else {
            // site.yml is broken or missing: report what check reports, write nothing.
            plan.diagnostics = GuideValidator.validate(content, today: today).diagnostics.map {
                ImportDiagnostic(diagnostic: $0, cell: nil, cellText: nil)
            }
            return plan
        }
        let context = ValidationContext(areaIDs: Set(site.areas.map(\.id)), today: today, staleAfterDays: site.staleAfterDays)
        var existing: [String: Existing] = [:]
        for loaded in content.entries {
            guard case .success(let source) = loaded.text, existing[loaded.file.id] == nil else { continue }
            existing[loaded.file.id] = Existing(
                loaded: loaded, source: source, entry: EntryValidator.validate(loaded, context: context).0)
        }

        // The header.
        let header = sheet.rows.first ?? []
        var columns: [(index: Int, column: SheetColumn)] = []
        for (index, cell) in header.enumerated() {
            let written = Normalizer.text(oneLine(cell.text))
            if written.isEmpty { continue }
            guard let column = Self.column(forHeader: written) else {
                let keys = SheetColumn.all.map(\.key) + SheetColumn.all.map(\.japanese)
                let suggestion = Self.suggestion(forHeader: written, among: keys)
                    .flatMap { found in SheetColumn.all.first { $0.key == found || $0.japanese == found } }
                report(&plan, .fieldUnknown, row: 1, column: index,
                       "見出し「\(written)」に当たる項目がありません。",
                       hint: suggestion.map { "もしかして: \($0.header)" } ?? "見出しは「電話 (phone)」のように書きます（日本語か英語の名前のどちらかでも読めます）",
                       text: cell.text)
                continue
            }
            if let first = columns.first(where: { $0.column.key == column.key }) {
                report(&plan, .yamlDuplicateKey, row: 1, column: index,
                       "見出し「\(column.header)」が2回あります（\(Sheet.columnLetter(first.index))列と同じ項目です）。",
                       hint: "どちらかの列を消してください", text: cell.text)
                continue
            }
            columns.append((index, column))
        }
        guard let idColumn = columns.first(where: { $0.column.isID })?.index else {
            report(&plan, .fieldMissing, row: 1, column: 0, "id の列がありません。1行目の見出しに id の列が必要です。",
                   hint: "書き出したシートの A 列（id）を消さずに残してください", text: header.first?.text)
            return plan
        }

        // The rows.
        var seen: [String: Int] = [:]
        var spoiled: Set<CellPlace> = []
        var overlay: [String: (source: SourceText, origins: [Int?], row: Int, write: ImportPlan.Write)] = [:]
        let order = SheetColumn.all.map(\.key)
        for rowIndex in sheet.rows.indices.dropFirst() {
            let row = sheet.rows[rowIndex]
            let rowNumber = rowIndex + 1
            func cell(_ index: Int) -> Cell { index < row.count ? row[index] : .empty }
            // Empty rows (also the empty trailing rows spreadsheets leave) are not entries.
            if columns.allSatisfy({ Normalizer.text(cell($0.index).text).isEmpty }) { continue }
            plan.rowsRead += 1
            let id = Normalizer.text(cell(idColumn).text)
            guard !id.isEmpty else {
                report(&plan, .fieldMissing, row: rowNumber, column: idColumn, "id が空です。どの項目の行か分かりません。",
                       hint: "新しい項目なら、ファイル名にする id（半角英小文字・数字・ハイフン）を書いてください", text: "")
                continue
            }
            if let first = seen[id] {
                report(&plan, .idDuplicate, row: rowNumber, column: idColumn, "id「\(id)」の行が2つあります（\(first)行目と同じです）。",
                       hint: "1つの項目は1行にまとめてください", text: cell(idColumn).text)
                continue
            }
            seen[id] = rowNumber
            guard Self.isValidID(id) else {
                report(&plan, .idInvalid, row: rowNumber, column: idColumn,
                       "id「\(id)」は使えません。半角英小文字・数字・ハイフンで、英小文字か数字で始め、64文字までにします。",
                       hint: "例: sakura-soudan", text: cell(idColumn).text)
                continue
            }

            // Each cell's YAML; a cell a spreadsheet spoiled is reported here.
            // The row is still checked with those fields as they were, so that every other bad
            // cell of it is reported too (the import stops either way).
            var fields: [(index: Int, column: SheetColumn, lines: [String]?)] = []
            for (index, column) in columns where !column.isID {
                switch column.yaml(cell(index), site) {
                case .success(let lines): fields.append((index, column, lines))
                case .failure(let problem):
                    spoiled.insert(CellPlace(row: rowNumber, column: index))
                    report(&plan, problem.code, row: rowNumber, column: index, problem.message, hint: problem.hint,
                           text: cell(index).text)
                }
            }

            if let current = existing[id] {
                // The fields that changed, found from the entry as check read it (the file is
                // read for its lines only when something is to be rewritten in it).
                var editor: EntryEditor? = current.entry == nil ? EntryEditor(current.source) : nil
                if current.entry == nil, editor == nil { continue }  // not editable line by line; check says why
                var edits: [(index: Int, column: SheetColumn, lines: [String]?, body: String?)] = []
                for field in fields {
                    if field.column.isBody {
                        let old = Body.cell(current.entry?.body ?? "")
                        let new = Body.cell(cell(field.index).text)
                        if ShiftJISVariants.fold(old) != ShiftJISVariants.fold(new) { edits.append((field.index, field.column, nil, new)) }
                        continue
                    }
                    let before: [String]?
                    if let entry = current.entry {
                        before = (try? field.column.yaml(Cell(field.column.export(entry, site)), site).get()) ?? nil
                    } else {
                        before = editor?.currentLines(field.column.key)
                    }
                    guard before?.map(ShiftJISVariants.fold) != field.lines?.map(ShiftJISVariants.fold) else { continue }
                    edits.append((field.index, field.column, field.lines, nil))
                }
                guard !edits.isEmpty else { continue }
                if editor == nil { editor = EntryEditor(current.source) }
                guard var editor else { continue }
                for edit in edits {
                    if let body = edit.body {
                        editor.setBody(body, column: edit.index)
                    } else {
                        let preceding = Array(order.prefix { $0 != edit.column.key })
                        editor.set(edit.column.key, edit.lines, column: edit.index, after: preceding)
                    }
                }
                guard !editor.changes.isEmpty else { continue }
                let path = current.loaded.file.relativePath
                let bytes = Self.bytes(editor.text, like: current.loaded.file.path)
                overlay[path] = (
                    SourceText(file: path, text: editor.text), editor.origins, rowNumber,
                    ImportPlan.Write(path: path, isNew: false, bytes: bytes,
                                     changes: editor.changes.sorted { $0.line < $1.line }.map { ($0.line + 1, $0.removed, $0.added) }))
            } else {
                // A new entry, under entries/<area>/.
                var made: [(column: Int, lines: [String])] = []
                var body: (column: Int, text: String)?
                var area = "new"
                for key in order {
                    guard let field = fields.first(where: { $0.column.key == key }), let lines = field.lines else { continue }
                    if field.column.isBody {
                        body = (field.index, Body.cell(cell(field.index).text))
                        continue
                    }
                    if key == "area", let value = lines.first?.dropFirst("area: ".count) {
                        let id = String(value).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                        if Self.isValidID(id) { area = id }
                    }
                    made.append((field.index, lines))
                }
                let (text, origins) = NewEntryText.make(fields: made, body: body)
                let path = "entries/\(area)/\(id).md"
                overlay[path] = (
                    SourceText(file: path, text: text), origins, rowNumber,
                    ImportPlan.Write(path: path, isNew: true, bytes: Data(text.utf8),
                                     changes: [(line: 1, removed: [], added: Array(text.linesByLF.dropLast()))]))
                if FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent(path).path) {
                    report(&plan, .idDuplicate, row: rowNumber, column: idColumn,
                           "\(path) はすでにありますが、entries の中の項目として読めませんでした。", hint: nil, text: id)
                }
            }
        }

        // The result, checked as `check` checks the guide.
        for index in content.entries.indices {
            if let changed = overlay[content.entries[index].file.relativePath] {
                content.entries[index].source = .success(changed.source)
            }
        }
        for (path, changed) in overlay.sorted(by: { $0.key < $1.key }) where changed.write.isNew {
            content.entries.append(LoadedFile(
                file: ContentFile(role: .entry, relativePath: path, url: contentFolder.appendingPathComponent(path)),
                source: .success(changed.source)))
        }
        let checked = GuideValidator.validate(content, today: today)
        for diagnostic in checked.diagnostics {
            guard let changed = overlay[diagnostic.file] else {
                // Unchanged files: their errors still stop the import, as they stop check.
                if diagnostic.severity == .error { plan.diagnostics.append(ImportDiagnostic(diagnostic: diagnostic)) }
                continue
            }
            let line = diagnostic.line - 1
            var columnIndex = line >= 0 && line < changed.origins.count ? changed.origins[line] : nil
            if Self.missingCodes.contains(diagnostic.code) {
                let key = Self.keyNamed(in: diagnostic)
                columnIndex = columns.first { $0.column.key == key }?.index ?? idColumn
            }
            if diagnostic.code == .idDuplicate { columnIndex = idColumn }
            guard let columnIndex else {
                plan.diagnostics.append(ImportDiagnostic(diagnostic: diagnostic))
                continue
            }
            // A cell already reported as spoiled: what check says about the field left as it
            // was (a missing contact, say) would only repeat it.
            if spoiled.contains(CellPlace(row: changed.row, column: columnIndex)) { continue }
            let row = changed.row - 1
            let text = columnIndex < sheet.rows[row].count ? sheet.rows[row][columnIndex].text : ""
            report(&plan, diagnostic.code, row: changed.row, column: columnIndex, diagnostic.message,
                   hint: diagnostic.hint, text: text, severity: diagnostic.severity)
        }
        plan.writes = overlay.values.map(\.write).sorted { $0.path < $1.path }
        // The sheet's cells in the order of the sheet (row, then column), then the content
        // files' problems as check orders them.
        let atCells = plan.diagnostics.enumerated().filter { $0.element.cell != nil }
            .sorted { ($0.element.diagnostic.line, $0.element.diagnostic.column, $0.offset)
                < ($1.element.diagnostic.line, $1.element.diagnostic.column, $1.offset) }.map(\.element)
        plan.diagnostics = atCells + plan.diagnostics.filter { $0.cell == nil }
        return plan
    }

    /// Codes of "this field is not written": reported at the field's column (the id's when
    /// the sheet has no such column). The rest are found by the line they are about.
    struct CellPlace: Hashable {
        var row: Int
        var column: Int
    }

    static let missingCodes: Set<DiagnosticCode> = [
        .fieldMissing, .contactMissing, .addressMissing, .hoursMissing, .listEmpty, .costMissing, .reservationMissing,
    ]

    /// The key a "must be written" message is about: `name（名前）は…`, or by its code.
    static func keyNamed(in diagnostic: Diagnostic) -> String {
        switch diagnostic.code {
        case .contactMissing: return "phone"
        case .addressMissing: return "address"
        case .hoursMissing: return "hours"
        default:
            return String(diagnostic.message.prefix { $0 != "（" && $0 != " " && $0 != "(" })
        }
    }

    func report(
        _ plan: inout ImportPlan, _ code: DiagnosticCode, row: Int, column: Int, _ message: String, hint: String?,
        text: String?, severity: Severity? = nil
    ) {
        plan.diagnostics.append(ImportDiagnostic(
            diagnostic: Diagnostic(file: sheetFile, line: row, column: column + 1, severity: severity, code: code,
                                   message: message, hint: hint),
            cell: "\(sheet.name)!\(Sheet.columnLetter(column))\(row)", cellText: text))
    }

    /// What an unknown header may have meant: check's did-you-mean for either half of it, else
    /// a key with two neighbouring letters swapped (`phnoe`), the commonest typing slip.
    static func suggestion(forHeader written: String, among keys: [String]) -> String? {
        let parts = headerParts(written)
        for part in parts.reversed() {
            if let found = DidYouMean.suggestion(for: part, among: keys) { return found }
        }
        for part in parts.reversed() {
            let typed = Array(part.lowercased())
            for key in keys where key.count == typed.count {
                let wanted = Array(key)
                let differ = typed.indices.filter { typed[$0] != wanted[$0] }
                if differ.count == 2, differ[1] == differ[0] + 1, typed[differ[0]] == wanted[differ[1]],
                    typed[differ[1]] == wanted[differ[0]]
                {
                    return key
                }
            }
        }
        return nil
    }

    /// `電話 (phone)`, `電話（phone）`, `電話`, `phone`, `Phone`.
    static func column(forHeader written: String) -> SheetColumn? {
        for part in headerParts(written).reversed() {
            if let column = SheetColumn.byKey[part.lowercased()] { return column }
            if let column = SheetColumn.all.first(where: { $0.japanese == part }) { return column }
        }
        if let column = SheetColumn.all.first(where: { $0.header == written }) { return column }
        return nil
    }

    /// `電話 (phone)` → [`電話`, `phone`] (NFKC has made the brackets ASCII).
    static func headerParts(_ written: String) -> [String] {
        guard let open = written.lastIndex(of: "("), written.hasSuffix(")") else { return [written] }
        let japanese = Normalizer.text(String(written[..<open]))
        let key = Normalizer.text(String(written[written.index(after: open)..<written.index(before: written.endIndex)]))
        return [japanese, key].filter { !$0.isEmpty }
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }

    /// The new text with the old file's BOM and line ends (CRLF stays CRLF).
    static func bytes(_ text: String, like path: String) -> Data {
        let old = FileManager.default.contents(atPath: path) ?? Data()
        var out = text
        if old.range(of: Data("\r\n".utf8)) != nil { out = out.replacingAll("\n", with: "\r\n") }
        var data = Data(out.utf8)
        if old.starts(with: [0xEF, 0xBB, 0xBF]) { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return data
    }
}

extension ImportDiagnostic {
    init(diagnostic: Diagnostic) {
        self.init(diagnostic: diagnostic, cell: nil, cellText: nil)
    }
}

extension ImportPlan {
    /// Writes every file or none: each to a temporary file beside it, then all renamed into place.
    public func apply(contentFolder: URL) throws {
        var temporaries: [(URL, URL)] = []
        do {
            for write in writes {
                let target = contentFolder.appendingPathComponent(write.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = target.deletingLastPathComponent()
                    .appendingPathComponent(".\(target.lastPathComponent).import-\(getpid()).tmp")
                try write.bytes.write(to: temporary)
                temporaries.append((temporary, target))
            }
        } catch {
            for (temporary, _) in temporaries { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        for (temporary, target) in temporaries {
            guard rename(temporary.path, target.path) == 0 else {
                throw SheetFileError("\(target.path) を書き換えられませんでした（errno \(errno)）。")
            }
        }
    }
}
