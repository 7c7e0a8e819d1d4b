import BookmarkTesting
import Foundation
import Testing

/// `bookmark export`, `import` and `confirm` with the sheets that real spreadsheet programs
/// write: workbooks edited by openpyxl, files re-saved by LibreOffice (`soffice --headless
/// --convert-to`), CSV in UTF-8 and in Shift_JIS/CP932. Every import that succeeds is
/// followed by `bookmark check`; every import that fails must leave the content folder
/// byte for byte as it was.
@Suite("bookmark export / import / confirm", .serialized)
struct SpreadsheetCommandTests {
    static let repository = CheckCommandTests.repoRoot
    static let venv = repository.appendingPathComponent(".venv-weasyprint/bin")

    // MARK: - The guide, the programs

    /// A copy of the sample guide (content/), with one entry rewritten the way a person
    /// writes by hand: comments (one after a value), keys out of the usual order, a blank line.
    struct Lab {
        let guide: FixtureGuide
        var root: URL { guide.root }
        var content: URL { guide.content }

        init() throws {
            guide = try FixtureGuide(files: [:])
            try FileManager.default.copyItem(
                at: SpreadsheetCommandTests.repository.appendingPathComponent("content"), to: guide.content)
            try guide.write("entries/sakura/sakura-kazokukai.md", Self.handWritten)
        }

        static let handWritten = """
            ---
            # さくら家族会（毎月第3日曜）
            name: さくら家族会
            kana: さくらかぞくかい
            kind: ibasho
            area: sakura
            verified: 2026-05-25   # 電話で確認
            operator: さくら家族会
            operator_type: family_group
            for: [family]
            ages: all
            address: 架空県さくら市中央2-8-1 さくら市民センター 会議室B
            postal_code: 999-0106
            access: さくら駅 東口から徒歩8分

            # 代表の電話（平日の昼）
            phone: 050-0000-1201   # 代表
            email: sakura-kazoku@example.org
            hours:
              - days: [sun]
                weeks: [3]
                time: "13:30-16:00"
                note: 定例会
            hours_note: 8月と12月はお休みです
            cost: 年会費2,000円（初めての方は2回まで無料で参加できます）
            reservation: recommended
            anonymous: true
            outside_residents: true
            methods: [visit, phone]
            tags: [家族会, 親の会, 学習会]
            ---
            ひきこもりの状態にあるお子さんやきょうだいをもつ家族の会です。
            毎月の定例会では同じ立場の家族どうしで近況を話し合い、年に数回は講師を招いた学習会も開いています。

            「うちだけではなかった」と感じられることが、この会のいちばんの役割だと考えています。

            """

        func remove() { guide.remove() }

        func url(_ name: String) -> URL { root.appendingPathComponent(name) }

        func bookmark(_ arguments: [String]) throws -> BookmarkBinary.Run {
            try BookmarkBinary.run(
                arguments + ["--themes", SpreadsheetCommandTests.repository.appendingPathComponent("themes").path], in: root)
        }

        /// Every file under content/, by path.
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let base = content.standardizedFileURL.path
            let walker = FileManager.default.enumerator(atPath: base)
            while let path = walker?.nextObject() as? String {
                var isFolder: ObjCBool = false
                let full = base + "/" + path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = FileManager.default.contents(atPath: full)
                }
            }
            return files
        }

        func text(_ path: String) throws -> String {
            try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        }

        /// `bookmark import`, which must succeed, then `bookmark check`, which must pass.
        @discardableResult
        func importSucceeds(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BookmarkBinary.Run {
            let run = try bookmark(["import", file])
            #expect(run.status == 0, "import: \(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
            let check = try bookmark(["check"])
            #expect(check.status == 0, "check after import: \(check.stdout)", sourceLocation: sourceLocation)
            return run
        }

        /// `bookmark import`, which must fail and write nothing; its standard output.
        func importFails(_ file: String, format: String = "text", extra: [String] = [],
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let before = try snapshot()
            let run = try bookmark(["import", file, "--format", format] + extra)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
            #expect(try snapshot() == before, "a failed import writes nothing", sourceLocation: sourceLocation)
            #expect(run.stderr.contains("何も書き換えませんでした"), "\(run.stderr)", sourceLocation: sourceLocation)
            return run.stdout
        }

        /// Import that must change nothing at all.
        func importChangesNothing(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try snapshot()
            let run = try importSucceeds(file, sourceLocation: sourceLocation)
            #expect(run.stderr.contains("変更はありません"), "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
            let after = try snapshot()
            #expect(after == before, "changed: \(after.keys.filter { after[$0] != before[$0] }.sorted())",
                    sourceLocation: sourceLocation)
        }

        /// Runs Python from WeasyPrint's venv (where install-weasyprint.sh puts openpyxl) with
        /// `workbook` helpers: `ws`, `col(key)`, `row(id)`, `cell(id, key)`, then saves to `output`.
        func openpyxl(_ workbook: String, _ script: String, output: String? = nil) throws {
            let prelude = """
                import sys, datetime, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                ws = wb.active
                head = [c.value for c in ws[1]]
                def col(key):
                    for i, h in enumerate(head):
                        if h == key or (h or '').endswith('(' + key + ')'):
                            return i + 1
                    raise KeyError(key)
                def row(id):
                    for r in range(2, ws.max_row + 1):
                        if ws.cell(r, col('id')).value == id:
                            return r
                    raise KeyError(id)
                def cell(id, key):
                    return ws.cell(row(id), col(key))

                """
            try SpreadsheetCommandTests.python(
                prelude + script + "\nwb.save(sys.argv[2])\n", [url(workbook).path, url(output ?? workbook).path])
        }

        /// `soffice --headless --convert-to FILTER` into `folder`, with a profile of its own so
        /// that runs in parallel do not share one; returns the converted file.
        func soffice(_ file: String, to filter: String, folder: String, infilter: String? = nil) throws -> URL {
            let soffice = try #require(
                ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) },
                "LibreOffice がありません。scripts/install-deps.sh を実行してください（libreoffice-calc-nogui）。")
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bookmark-soffice-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let out = url(folder)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore"]
            if let infilter { arguments.append("--infilter=\(infilter)") }
            arguments += ["--convert-to", filter, "--outdir", out.path, url(file).path]
            let run = try SpreadsheetCommandTests.runProgram(soffice, arguments)
            let name = url(file).deletingPathExtension().lastPathComponent + "."
                + String(filter.prefix { $0 != ":" })
            let made = out.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: made.path), "soffice: \(run)")
            return made
        }
    }

    static func python(_ script: String, _ arguments: [String]) throws {
        let python = venv.appendingPathComponent("python").path
        try #require(FileManager.default.isExecutableFile(atPath: python),
                     "WeasyPrint の venv がありません。scripts/install-weasyprint.sh を実行してください。")
        let output = try runProgram(python, ["-c", script] + arguments)
        try #require(output.status == 0, "python: \(output.text)")
    }

    static func pythonOutput(_ script: String, _ arguments: [String]) throws -> String {
        let output = try runProgram(venv.appendingPathComponent("python").path, ["-c", script] + arguments)
        try #require(output.status == 0, "python: \(output.text)")
        return output.text
    }

    static func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The values of a workbook's first sheet as openpyxl reads them, one row per line.
    static func workbookIDs(_ url: URL) throws -> [String] {
        try pythonOutput(
            "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\n"
                + "[print(r[0]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]",
            [url.path]
        ).split(separator: "\n").map(String.init)
    }

    /// `file` with `line` (found whole) replaced by `new`.
    static func replacing(_ text: String, _ line: String, with new: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let index = lines.firstIndex(of: line)!
        lines[index] = new
        return lines.joined(separator: "\n")
    }

    // MARK: - Round trips that change nothing

    @Test func exportThenImportWithNoEditsWritesNothing() throws {
        let lab = try Lab()
        defer { lab.remove() }
        // Drafts and paper-only entries are exported too.
        try lab.guide.write("entries/sakura/sakura-draft.md", FixtureGuide.entry(
            ["name": "したがき相談", "kana": "したがきそうだん", "draft": "true"]))
        try lab.guide.write("entries/sakura/sakura-paper.md", FixtureGuide.entry(
            ["name": "かみの相談", "kana": "かみのそうだん", "publish": "{web: false, booklet: true}"]))
        for name in ["guide.xlsx", "guide.csv"] {
            let export = try lab.bookmark(["export", name])
            #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
            #expect(export.stderr.contains("37 件"), "\(export.stderr)")
            try lab.importChangesNothing(name)
        }
        #expect(try Self.workbookIDs(lab.url("guide.xlsx")).filter { $0.hasPrefix("sakura-") && $0.count < 14 }
            == ["sakura-draft", "sakura-kokage", "sakura-paper"])
        // The workbook as Excel and LibreOffice show it: the header row frozen (and the id
        // column), widths set, phones and ids formatted as text, the header in Japanese.
        try Self.python("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            assert ws.title == 'シート1', ws.title
            assert ws.freeze_panes == 'B2', ws.freeze_panes
            head = [c.value for c in ws[1]]
            assert head[0] == 'id' and head[-1] == '本文 (body)', head
            phone = openpyxl.utils.get_column_letter(head.index('電話 (phone)') + 1)
            assert ws.column_dimensions[phone].width == 16, ws.column_dimensions[phone].width
            assert ws[phone + '2'].number_format == '@' and ws['A2'].number_format == '@'
            assert ws[phone + '2'].data_type == 's'
            assert all(c.value for c in ws[1]) and len(head) == len(set(head))
            """, [lab.url("guide.xlsx").path])
        // The CSV as written: UTF-8 with a BOM, CRLF, the header in Japanese with its key.
        let csv = try Data(contentsOf: lab.url("guide.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id,名前 (name),よみがな (kana),種類 (kind),"))
        #expect(text.components(separatedBy: "\r\n").first!.hasSuffix(",本文 (body)"))
        // Export is deterministic.
        let first = try Data(contentsOf: lab.url("guide.xlsx"))
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        #expect(try Data(contentsOf: lab.url("guide.xlsx")) == first)
    }

    @Test func workbooksAndCSVResavedByLibreOfficeChangeNothing() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        // Opened and saved again by LibreOffice Calc (its own styles, shared strings, no BOM).
        let resaved = try lab.soffice("guide.xlsx", to: "xlsx", folder: "lo")
        try lab.importChangesNothing(resaved.path)
        // Saved from LibreOffice as CSV in UTF-8 and in Shift_JIS (64), as an editor on a
        // Japanese desktop does with 「テキスト CSV」.
        for (folder, encoding) in [("lo-utf8", "76"), ("lo-sjis", "64")] {
            let csv = try lab.soffice("guide.xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,\(encoding),1", folder: folder)
            try lab.importChangesNothing(csv.path)
        }
        // The CSV opened in LibreOffice (which guesses each cell's kind: dates become date
        // cells, `18-` would become -18) and saved as a workbook.
        #expect(try lab.bookmark(["export", "guide.csv"]).status == 0)
        let fromCSV = try lab.soffice("guide.csv", to: "xlsx", folder: "lo-from-csv", infilter: "CSV:44,34,76,1")
        try lab.importChangesNothing(fromCSV.path)
    }

    @Test func csvSavedAsCP932ChangesNothing() throws {
        let lab = try Lab()
        defer { lab.remove() }
        // One entry with the characters Shift_JIS and CP932 map differently (〜 ‖ − ¢ £ ¬):
        // a tool that writes Shift_JIS and a reader that reads CP932 turn 〜 into ～.
        try lab.guide.write("entries/sakura/sakura-kazokukai.md",
                            Lab.handWritten.replacingOccurrences(of: "hours_note: 8月と12月はお休みです",
                                                                 with: "hours_note: 8月〜9月と12月はお休みです（¢£¬‖−）"))
        #expect(try lab.bookmark(["check"]).status == 0)
        #expect(try lab.bookmark(["export", "guide.csv"]).status == 0)
        try SpreadsheetCommandTests.python(
            "import sys\nt = open(sys.argv[1], encoding='utf-8-sig').read()\n"
                + "open(sys.argv[2], 'w', encoding='shift_jis', newline='').write(t)\n",
            [lab.url("guide.csv").path, lab.url("sjis.csv").path])
        try SpreadsheetCommandTests.python(
            "import sys\nt = open(sys.argv[1], encoding='utf-8-sig').read()\n"
                + "t = t.replace('\\u301c', '\\uff5e').replace('\\u2016', '\\u2225').replace('\\u2212', '\\uff0d')\n"
                + "t = t.replace('\\u00a2', '\\uffe0').replace('\\u00a3', '\\uffe1').replace('\\u00ac', '\\uffe2')\n"
                + "open(sys.argv[2], 'w', encoding='cp932', newline='').write(t)\n",
            [lab.url("guide.csv").path, lab.url("cp932.csv").path])
        try lab.importChangesNothing("sjis.csv")
        try lab.importChangesNothing("cp932.csv")
    }

    // MARK: - Edits

    @Test func anEditedPhoneAndVerifiedRewriteOnlyThoseLines() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        let before = try lab.snapshot()
        // The phone typed as text with full-width digits, the date entered as a date cell.
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-kazokukai', 'phone').value = '０５０－００００－１２９９'
            c = cell('sakura-kazokukai', 'verified')
            c.value = datetime.datetime(2026, 11, 20)
            c.number_format = 'yyyy/m/d'
            """)
        let dry = try lab.bookmark(["import", "guide.xlsx", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        #expect(try lab.snapshot() == before, "--dry-run writes nothing")
        #expect(dry.stdout == """
            --- entries/sakura/sakura-kazokukai.md
            +++ entries/sakura/sakura-kazokukai.md
            @@ 7行目 @@
            -verified: 2026-05-25   # 電話で確認
            +verified: 2026-11-20   # 電話で確認
            @@ 17行目 @@
            -phone: 050-0000-1201   # 代表
            +phone: 050-0000-1299   # 代表

            """, "\(dry.stdout)")
        #expect(dry.stderr.contains("書き換えるファイル 1 個"), "\(dry.stderr)")

        let run = try lab.importSucceeds("guide.xlsx")
        #expect(run.stderr.contains("更新: entries/sakura/sakura-kazokukai.md"), "\(run.stderr)")
        let expected = Self.replacing(
            Self.replacing(Lab.handWritten, "phone: 050-0000-1201   # 代表", with: "phone: 050-0000-1299   # 代表"),
            "verified: 2026-05-25   # 電話で確認", with: "verified: 2026-11-20   # 電話で確認")
        #expect(try lab.text("entries/sakura/sakura-kazokukai.md") == expected)
        let after = try lab.snapshot()
        #expect(after.keys.filter { after[$0] != before[$0] } == ["entries/sakura/sakura-kazokukai.md"])
        // The same sheet again: nothing left to change.
        try lab.importChangesNothing("guide.xlsx")
    }

    @Test func aFieldAddedAndOneClearedKeepTheRestOfTheFile() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.csv"]).status == 0)
        // CSV edited as text: a FAX added (goes after the phone, where the format puts it),
        // the tags cleared, hours rewritten in the short form, the body's last paragraph changed.
        try SpreadsheetCommandTests.python("""
            import sys, csv, io
            rows = list(csv.reader(io.open(sys.argv[1], encoding='utf-8-sig', newline='')))
            head = rows[0]
            c = lambda key: next(i for i, h in enumerate(head) if h.endswith('(' + key + ')'))
            for r in rows[1:]:
                if r[0] == 'sakura-kazokukai':
                    r[c('fax')] = '050-0000-1202'
                    r[c('tags')] = ''
                    r[c('hours')] = '第3 日 13:30-16:30（定例会）'
                    r[c('body')] = r[c('body')].replace('いちばんの役割', '大切な役割')
            w = csv.writer(io.open(sys.argv[2], 'w', encoding='utf-8-sig', newline=''), lineterminator='\\r\\n')
            w.writerows(rows)
            """, [lab.url("guide.csv").path, lab.url("edited.csv").path])
        try lab.importSucceeds("edited.csv")
        let expected = Lab.handWritten
            .replacingOccurrences(of: "phone: 050-0000-1201   # 代表\n", with: "phone: 050-0000-1201   # 代表\nfax: 050-0000-1202\n")
            .replacingOccurrences(of: "tags: [家族会, 親の会, 学習会]\n", with: "")
            .replacingOccurrences(of: "time: \"13:30-16:00\"", with: "time: \"13:30-16:30\"")
            .replacingOccurrences(of: "いちばんの役割", with: "大切な役割")
        #expect(try lab.text("entries/sakura/sakura-kazokukai.md") == expected)
    }

    @Test func aFileSavedOnWindowsKeepsItsBOMAndCRLF() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let windows = { (text: String) in Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)) }
        try lab.guide.write("entries/sakura/sakura-kazokukai.md", bytes: windows(Lab.handWritten))
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        try lab.importChangesNothing("guide.xlsx")
        try lab.openpyxl("guide.xlsx", "cell('sakura-kazokukai', 'hours_note').value = '8月はお休みです'")
        try lab.importSucceeds("guide.xlsx")
        let written = try Data(contentsOf: lab.content.appendingPathComponent("entries/sakura/sakura-kazokukai.md"))
        #expect(written == windows(Lab.handWritten.replacingOccurrences(of: "8月と12月はお休みです", with: "8月はお休みです")))
    }

    @Test func aNewRowBecomesANewFileInItsArea() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        // Written with Japanese labels, as a person fills in a row.
        try lab.openpyxl("guide.xlsx", """
            r = ws.max_row + 1
            values = {
                'id': 'kaede-hidamari', 'name': 'かえで ひだまりの会', 'kana': 'かえで ひだまりのかい',
                'kind': '居場所', 'area': 'かえで町', 'for': '本人・家族', 'ages': '15〜39歳',
                'address': '架空県かえで町本町3-1 公民館', 'phone': '0999-12-3499',
                'hours': '第2・第4 土 14:00-16:00', 'cost': '無料', 'reservation': '予約不要',
                'methods': '来所', 'verified': datetime.date(2026, 11, 1),
                'body': 'だれでも来られる集まりです。\\n話さなくてもかまいません。',
            }
            for key, value in values.items():
                ws.cell(r, col(key)).value = value
            ws.cell(r, col('verified')).number_format = 'yyyy-mm-dd'
            """)
        let run = try lab.importSucceeds("guide.xlsx")
        #expect(run.stderr.contains("新規: entries/kaede/kaede-hidamari.md"), "\(run.stderr)")
        #expect(try lab.text("entries/kaede/kaede-hidamari.md") == """
            ---
            name: かえで ひだまりの会
            kana: かえで ひだまりのかい
            kind: ibasho
            area: kaede
            for: [person, family]
            ages: 15-39
            address: 架空県かえで町本町3-1 公民館
            phone: 0999-12-3499
            hours:
              - days: [sat]
                weeks: [2, 4]
                time: "14:00-16:00"
            cost: free
            reservation: not_required
            methods: [visit]
            verified: 2026-11-01
            ---
            だれでも来られる集まりです。
            話さなくてもかまいません。

            """)
        // A row missing from the sheet is not deleted.
        try lab.openpyxl("guide.xlsx", "ws.delete_rows(row('sakura-kazokukai'))")
        try lab.importChangesNothing("guide.xlsx")
        #expect(FileManager.default.fileExists(atPath: lab.content.appendingPathComponent("entries/sakura/sakura-kazokukai.md").path))
    }

    // MARK: - The excuses spreadsheets make

    @Test func phonesThatBecameNumbersAreErrorsWithAHint() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-kazokukai', 'phone').value = 501234567
            cell('sakura-kazokukai', 'name').value = 'さくら家族会（新）'
            print(row('sakura-kazokukai'), col('phone'))
            """)
        let place = try Self.place(lab, "sakura-kazokukai", "phone")
        let out = try lab.importFails("guide.xlsx")
        #expect(out.contains("guide.xlsx:シート1!\(place.letter)\(place.row): エラー[phone-invalid] 電話（phone）が数値「501234567」になっています。"), "\(out)")
        #expect(out.contains("もとは 0501234567 だったのかもしれません"), "\(out)")
        #expect(out.contains("ヒント: 列の書式を「文字列」にしてから"), "\(out)")
        // The same in JSON: the sheet file as given, the row, the column number (A = 1).
        let json = try lab.importFails("guide.xlsx", format: "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(object["file"] as? String == "guide.xlsx")
        #expect(object["line"] as? Int == place.row && object["column"] as? Int == place.column)
        #expect(object["code"] as? String == "phone-invalid" && object["severity"] as? String == "error")

        // As GitHub annotations: the sheet file, the row and column, the cell in the message.
        let github = try lab.importFails("guide.xlsx", format: "github")
        #expect(github.hasPrefix(
            "::error file=guide.xlsx,line=\(place.row),col=\(place.column),title=phone-invalid::シート1!\(place.letter)\(place.row) 電話（phone）が数値"),
            "\(github)")

        // Several bad cells in one row are all reported, each once.
        try lab.openpyxl("guide.xlsx", "cell('sakura-kazokukai', 'kind').value = 'いばしょ'")
        let kind = try Self.place(lab, "sakura-kazokukai", "kind")
        let both = try lab.importFails("guide.xlsx")
        #expect(both.contains("シート1!\(kind.letter)\(kind.row): エラー[enum-invalid]"), "\(both)")
        #expect(both.components(separatedBy: "エラー[").count == 3, "two errors: \(both)")

        // Excel's numbers in a CSV: the same, from the digits alone (CSV keeps no kinds).
        #expect(try lab.bookmark(["export", "guide.csv"]).status == 0)
        let csv = try String(contentsOf: lab.url("guide.csv"), encoding: .utf8)
            .replacingOccurrences(of: ",050-0000-1201,", with: ",501234567,")
        try Data(csv.utf8).write(to: lab.url("numbers.csv"))
        let csvOut = try lab.importFails("numbers.csv")
        #expect(csvOut.contains("numbers!\(place.letter)\(place.row): エラー[phone-invalid]"), "\(csvOut)")
    }

    /// The row and column of an entry's field in the exported sheet.
    static func place(_ lab: Lab, _ id: String, _ key: String) throws -> (row: Int, column: Int, letter: String) {
        let out = try pythonOutput("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            head = [c.value for c in ws[1]]
            c = next(i for i, h in enumerate(head) if h == sys.argv[3] or (h or '').endswith('(' + sys.argv[3] + ')'))
            r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == sys.argv[2])
            print(r, c + 1, openpyxl.utils.get_column_letter(c + 1))
            """, [lab.url("guide.xlsx").path, id, key])
        let parts = out.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Int(parts[0])!, Int(parts[1])!, parts[2])
    }

    @Test func datesAsSerialNumbersAndDateCellsAreDates() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        // Three ways a date comes back: a serial number in a plain number cell (46168 is
        // 2026-05-26: 46113 is 2026-04-01), a date cell with a Japanese format, and text.
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-kazokukai', 'verified').value = 46168
            c = cell('sakura-joshikai', 'verified')
            c.value = datetime.datetime(2026, 10, 1)
            c.number_format = 'yyyy"年"m"月"d"日"'
            cell('aoba-engawa', 'verified').value = '2026/9/3'
            """)
        let before = try lab.snapshot()
        try lab.importSucceeds("guide.xlsx")
        let after = try lab.snapshot()
        #expect(Set(after.keys.filter { after[$0] != before[$0] })
            == ["entries/sakura/sakura-kazokukai.md", "entries/sakura/sakura-joshikai.md", "entries/aoba/aoba-engawa.md"])
        #expect(try lab.text("entries/sakura/sakura-kazokukai.md") == Self.replacing(
            Lab.handWritten, "verified: 2026-05-25   # 電話で確認", with: "verified: 2026-05-26   # 電話で確認"))
        #expect(try lab.text("entries/sakura/sakura-joshikai.md").contains("\nverified: 2026-10-01\n"))
        #expect(try lab.text("entries/aoba/aoba-engawa.md").contains("\nverified: 2026-09-03\n"))
        // The same workbook again, now that the files say so: nothing to change.
        try lab.importChangesNothing("guide.xlsx")
    }

    @Test func fullWidthDigitsStraySpacesAndLineBreaksAreTheSameValue() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-kazokukai', 'name').value = '　さくら家族会 '
            cell('sakura-kazokukai', 'phone').value = '０５０ー００００ー１２０１'
            cell('sakura-kazokukai', 'postal_code').value = '〒９９９－０１０６'
            cell('sakura-kazokukai', 'address').value = '架空県さくら市中央2-8-1\\nさくら市民センター 会議室B'
            cell('sakura-kazokukai', 'kind').value = ' 居場所 '
            cell('sakura-kazokukai', 'for').value = '家族\\n'
            cell('sakura-kazokukai', 'email').value = 'ｓａｋｕｒａ-kazoku@example.org'
            """)
        try lab.importChangesNothing("guide.xlsx")
    }

    @Test func mergedCellsAndEmptyTrailingRowsAreWhatTheyShow() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        // Two neighbouring rows with the same operator, merged as people do; then formatted
        // but empty rows and a merged empty block below the data.
        try lab.openpyxl("guide.xlsx", """
            a, b = row('kaede-minna-hatake'), row('kaede-online-heya')
            assert b == a + 1, (a, b)
            k = col('operator')
            assert ws.cell(a, k).value == ws.cell(b, k).value
            ws.cell(b, k).value = None
            ws.merge_cells(start_row=a, start_column=k, end_row=b, end_column=k)
            last = ws.max_row
            for r in range(last + 1, last + 30):
                ws.cell(r, 2).number_format = '@'
                ws.cell(r, 3).value = None
            ws.cell(last + 5, 4).value = '   '
            ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 4, end_column=5)
            """)
        try lab.importChangesNothing("guide.xlsx")
    }

    @Test func reorderedRenamedColumnsAndJapaneseLabels() throws {
        let lab = try Lab()
        defer { lab.remove() }
        // A sheet made by hand: a few columns, in another order, headers in Japanese only or
        // by key, enumerations as Japanese labels or keys; the rest of each entry stays.
        try SpreadsheetCommandTests.python("""
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = '一覧'
            ws.append(['電話', '種類', 'ID', 'name', '対象', '予約', '最終確認日'])
            ws.append(['050-0000-1201', 'ibasho', 'sakura-kazokukai', 'さくら家族会', '家族', '予約優先', '2026-05-25'])
            wb.save(sys.argv[1])
            """, [lab.url("hand.xlsx").path])
        try lab.importChangesNothing("hand.xlsx")

        // The same layout with a change in a reordered column is applied to that field.
        try lab.openpyxl("hand.xlsx", "ws.cell(2, 6).value = '要予約'")
        try lab.importSucceeds("hand.xlsx")
        #expect(try lab.text("entries/sakura/sakura-kazokukai.md")
            == Lab.handWritten.replacingOccurrences(of: "reservation: recommended", with: "reservation: required"))
    }

    // MARK: - Errors

    @Test func oneBadCellStopsTheWholeImport() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        // Good edits in other rows, and one phone with a digit missing.
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-joshikai', 'name').value = 'さくら女子会（改）'
            cell('aoba-engawa', 'phone').value = '0999-12-340'
            r = ws.max_row + 1
            ws.cell(r, col('id')).value = 'brand-new'
            ws.cell(r, col('name')).value = '新しい会'
            """)
        let place = try Self.place(lab, "aoba-engawa", "phone")
        let out = try lab.importFails("guide.xlsx")
        // The same code and words as check gives for the same phone in a file.
        #expect(out.contains("guide.xlsx:シート1!\(place.letter)\(place.row): エラー[phone-invalid]"), "\(out)")
        #expect(out.contains("  \(place.letter)\(place.row) | 0999-12-340"), "\(out)")
        // The new row lacks what every entry needs: reported at its row.
        let newRow = try Self.pythonOutput(
            "import sys, openpyxl\nprint(openpyxl.load_workbook(sys.argv[1]).active.max_row)", [lab.url("guide.xlsx").path])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(out.range(of: "guide.xlsx:シート1![A-Z]+\(newRow): エラー\\[field-missing\\]", options: .regularExpression) != nil,
                "\(out)")
        #expect(!FileManager.default.fileExists(atPath: lab.content.appendingPathComponent("entries/new/brand-new.md").path))

        // check on a file with that phone gives the same code and message.
        let file = try lab.text("entries/aoba/aoba-engawa.md")
        let phoneLine = try #require(file.components(separatedBy: "\n").first { $0.hasPrefix("phone:") })
        try lab.guide.write("entries/aoba/aoba-engawa.md", Self.replacing(file, phoneLine, with: "phone: 0999-12-340"))
        let check = try lab.bookmark(["check"])
        let message = try #require(check.stdout.components(separatedBy: "\n").first { $0.contains("[phone-invalid]") })
        let words = String(message[message.range(of: "[phone-invalid]")!.upperBound...])
        #expect(out.contains(words), "check says \(words)")
    }

    @Test func unknownHeadersGetADidYouMean() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try SpreadsheetCommandTests.python("""
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(['id', 'phnoe', '最終確認', '名前 (name)'])
            ws.append(['sakura-kazokukai', '050-0000-1201', '2026-05-25', 'さくら家族会'])
            wb.save(sys.argv[1])
            """, [lab.url("typo.xlsx").path])
        let out = try lab.importFails("typo.xlsx")
        #expect(out.contains("Sheet!B1: エラー[field-unknown] 見出し「phnoe」に当たる項目がありません。"), "\(out)")
        #expect(out.contains("もしかして: 電話 (phone)"), "\(out)")
        #expect(out.contains("Sheet!C1: エラー[field-unknown] 見出し「最終確認」"), "\(out)")
        #expect(out.contains("もしかして: 最終確認日 (verified)"), "\(out)")
    }

    @Test func filesThatAreNotSheetsAreRefused() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try Data("これは表ではありません".utf8).write(to: lab.url("not.xlsx"))
        try Data([0x82, 0xA0, 0xFF, 0xFF, 0x00, 0x81]).write(to: lab.url("binary.csv"))
        try Data("id\n".utf8).write(to: lab.url("list.txt"))
        for (file, words) in [("not.xlsx", "ブックとして開けませんでした"), ("binary.csv", "文字コードが読めません"),
                              ("list.txt", ".xlsx か .csv のファイルではありません"), ("missing.xlsx", "開けませんでした")] {
            let before = try lab.snapshot()
            let run = try lab.bookmark(["import", file])
            #expect(run.status == 1, "\(file)")
            #expect(run.stderr.contains(words), "\(file): \(run.stderr)")
            #expect(try lab.snapshot() == before)
        }
        #expect(try lab.bookmark(["export", "list.txt"]).status == 1)
    }

    @Test func missingCostAndReservationAreWarnedAtTheirCells() throws {
        let lab = try Lab()
        defer { lab.remove() }
        #expect(try lab.bookmark(["export", "guide.xlsx"]).status == 0)
        try lab.openpyxl("guide.xlsx", """
            cell('sakura-kazokukai', 'cost').value = None
            cell('sakura-kazokukai', 'reservation').value = None
            """)
        // With --strict the warnings stop the import.
        _ = try lab.importFails("guide.xlsx", extra: ["--strict"])
        let cost = try Self.place(lab, "sakura-kazokukai", "cost")
        let reservation = try Self.place(lab, "sakura-kazokukai", "reservation")
        let run = try lab.importSucceeds("guide.xlsx")
        #expect(run.stdout.contains("guide.xlsx:シート1!\(cost.letter)\(cost.row): 警告[cost-missing]"), "\(run.stdout)")
        #expect(run.stdout.contains("guide.xlsx:シート1!\(reservation.letter)\(reservation.row): 警告[reservation-missing]"),
                "\(run.stdout)")
        #expect(!(try lab.text("entries/sakura/sakura-kazokukai.md")).contains("cost:"))
    }

    // MARK: - confirm

    /// The sample's entries by operator (the entry's name when it has none), with `verified`.
    static func sampleOperators() throws -> [String: [(id: String, verified: String)]] {
        var out: [String: [(id: String, verified: String)]] = [:]
        let folder = repository.appendingPathComponent("content/entries")
        for area in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(area).path) {
                let text = try String(contentsOf: folder.appendingPathComponent(area).appendingPathComponent(file), encoding: .utf8)
                let lines = text.components(separatedBy: "\n")
                func value(_ key: String) -> String? {
                    lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
                }
                try #require(value("draft") == nil && value("until") == nil, "the test assumes every sample entry is live")
                let name = try #require(value("operator") ?? value("name"))
                out[name, default: []].append((String(file.dropLast(3)), try #require(value("verified"))))
            }
        }
        return out
    }

    /// Runs confirm into `letters/`; each PDF's entries (by the `（整理番号 ID）` each entry
    /// block prints) and the ids in the return sheet beside it, by file stem.
    func confirm(_ lab: Lab, _ options: [String]) throws -> (run: BookmarkBinary.Run, letters: [String: (ids: [String], text: String)]) {
        let weasyprint = try BookletCommandTests().weasyprint()
        let run = try BookmarkBinary.run(
            ["confirm", "--output", "letters", "--themes", Self.repository.appendingPathComponent("themes").path] + options,
            in: lab.root, environment: ["BOOKMARK_WEASYPRINT": weasyprint])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        var letters: [String: (ids: [String], text: String)] = [:]
        let folder = lab.url("letters")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        let sheet = options.contains("csv") ? "csv" : "xlsx"
        for pdf in files where pdf.hasSuffix(".pdf") {
            let stem = String(pdf.dropLast(4))
            let text = try Self.runProgram("/usr/bin/pdftotext", ["-enc", "UTF-8", folder.appendingPathComponent(pdf).path, "-"]).text
            let squeezed = text.filter { !$0.isWhitespace }
            let ids = squeezed.components(separatedBy: "（整理番号").dropFirst().map { String($0.prefix { $0 != "）" }) }
            #expect(files.contains(stem + "." + sheet), "the return sheet beside \(pdf)")
            let sheetIDs = sheet == "xlsx"
                ? try Self.workbookIDs(folder.appendingPathComponent(stem + ".xlsx"))
                : try Self.pythonOutput(
                    "import sys, csv\n[print(r[0]) for r in list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))[1:] if r and r[0]]",
                    [folder.appendingPathComponent(stem + ".csv").path]).split(separator: "\n").map(String.init)
            #expect(sheetIDs.sorted() == ids.sorted(), "\(stem): the sheet holds the letter's entries")
            letters[stem] = (ids, squeezed)
        }
        #expect(files.filter { $0.hasSuffix(".pdf") }.count * 2 == files.count, "\(files)")
        if let pdf = files.sorted().first(where: { $0.hasSuffix(".pdf") }) {
            let info = try Self.runProgram("/usr/bin/pdfinfo", [folder.appendingPathComponent(pdf).path]).text
            #expect(info.contains("(A4)"), "\(info)")
        }
        return (run, letters)
    }

    /// Each letter is one operator's, holding exactly that operator's selected entries.
    func expectOnePerOperator(_ letters: [String: (ids: [String], text: String)], selected: [String: [String]],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(letters.count == selected.count, "\(letters.keys.sorted())", sourceLocation: sourceLocation)
        for (name, ids) in selected {
            let matching = letters.filter { $0.value.ids.sorted() == ids.sorted() }
            #expect(matching.count == 1, "\(name): \(ids)", sourceLocation: sourceLocation)
            if let letter = matching.first {
                #expect(letter.value.text.contains(name.filter { !$0.isWhitespace } + "御中"), "\(name)",
                        sourceLocation: sourceLocation)
                #expect(letter.value.text.contains("変更なし") && letter.value.text.contains("変更あり"),
                        sourceLocation: sourceLocation)
                #expect(letter.value.text.contains("https://example.org/bookmark/corrections"), sourceLocation: sourceLocation)
                #expect(letter.value.text.contains("この情報が今も正しいか、ご確認ください"), sourceLocation: sourceLocation)
            }
        }
    }

    @Test func confirmByDefaultAsksAboutWhatWillBeStaleNextApril() throws {
        let lab = try Lab()
        defer { lab.remove() }
        // Today is 2026-11-23; the next 1 April is 2027-04-01; stale_after_days is 365: the
        // entries verified before 2026-04-01 (those of that very day are still fresh then).
        let operators = try Self.sampleOperators()
        var selected: [String: [String]] = [:]
        for (name, entries) in operators {
            let ids = entries.filter { $0.verified < "2026-04-01" }.map(\.id)
            if !ids.isEmpty { selected[name] = ids }
        }
        try #require(selected.count >= 3)
        let (run, letters) = try confirm(lab, [])
        expectOnePerOperator(letters, selected: selected)
        // The summary table: operators, entries, the oldest verified.
        let oldest = operators.values.flatMap { $0 }.map(\.verified).min()!
        let total = selected.values.reduce(0) { $0 + $1.count }
        #expect(run.stdout.contains("運営"), "\(run.stdout)")
        #expect(run.stdout.contains("合計: 運営者 \(selected.count)、項目 \(total)、いちばん古い確認日 \(oldest)"), "\(run.stdout)")
        for name in selected.keys { #expect(run.stdout.contains(name), "\(name)") }
    }

    @Test func confirmOlderThanAndAll() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let operators = try Self.sampleOperators()
        // --older-than 200: verified more than 200 days before 2026-11-23, so before 2026-05-07.
        var selected: [String: [String]] = [:]
        for (name, entries) in operators {
            let ids = entries.filter { $0.verified < "2026-05-07" }.map(\.id)
            if !ids.isEmpty { selected[name] = ids }
        }
        let older = try confirm(lab, ["--older-than", "200", "--sheet", "csv"])
        expectOnePerOperator(older.letters, selected: selected)

        let all = try confirm(lab, ["--all"])
        expectOnePerOperator(all.letters, selected: operators.mapValues { $0.map(\.id) })
        #expect(all.run.stdout.contains("合計: 運営者 \(operators.count)、項目 35"), "\(all.run.stdout)")
        // The return sheet goes back through import unchanged.
        let anyStem = try #require(all.letters.keys.sorted().first)
        try lab.importChangesNothing("letters/\(anyStem).xlsx")
    }

    @Test func confirmWithoutWeasyPrintExitsThreeAndWritesNothing() throws {
        let lab = try Lab()
        defer { lab.remove() }
        let run = try BookmarkBinary.run(
            ["confirm", "--output", "letters", "--themes", Self.repository.appendingPathComponent("themes").path],
            in: lab.root, environment: ["BOOKMARK_WEASYPRINT": "/nonexistent/weasyprint"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("scripts/install-weasyprint.sh"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lab.url("letters").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: lab.root.path).sorted() == ["content"])
    }

    @Test func exportRefusesAGuideWithErrors() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try lab.guide.write("entries/sakura/broken.md", FixtureGuide.entry(["kind": "soudan"]))
        let run = try lab.bookmark(["export", "guide.xlsx"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("entries/sakura/broken.md:4:7: エラー[enum-invalid]"), "\(run.stdout)")
        #expect(run.stderr.contains("シートを書き出しませんでした"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lab.url("guide.xlsx").path))
    }

    @Test func confirmRefusesAFolderItDidNotMake() throws {
        let lab = try Lab()
        defer { lab.remove() }
        try FileManager.default.createDirectory(at: lab.url("letters"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: lab.url("letters/mine.txt"))
        let run = try lab.bookmark(["confirm", "--output", "letters"])
        #expect(run.status == 1)
        #expect(try String(contentsOf: lab.url("letters/mine.txt"), encoding: .utf8) == "keep")
    }
}
