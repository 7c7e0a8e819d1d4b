import BookmarkLoader
import BookmarkValidator
import BookmarkModel
import BookmarkTemplates
import BookmarkTesting
import Foundation
import Testing

@testable import BookmarkSpreadsheet

/// The pieces of a sheet: CSV as spreadsheets save it, workbooks, the hours short form and
/// line-level edits of front matter.
@Suite("Sheet formats")
struct SheetFormatTests {
    @Test func csvFieldsMayHoldCommasQuotesAndLineEnds() {
        let rows = CSVFormat.parse("id,本文\r\na,\"一行目\r\n二行目、\"\"引用\"\"\"\r\nb,\"x,y\"\r\n\r\n")
        #expect(rows == [["id", "本文"], ["a", "一行目\n二行目、\"引用\""], ["b", "x,y"], [""]])
    }

    @Test func csvIsReadAsUTF8WithOrWithoutBOMOrAsCP932() throws {
        // 電話,①～ CRLF as Excel on Japanese Windows saves it (① and ～ exist only in CP932).
        let cp932: [UInt8] = [147, 100, 152, 98, 44, 135, 64, 129, 96, 13, 10]
        #expect(try CSVFormat.read(cp932, name: "s").rows.map { $0.map(\.text) } == [["電話", "①～"]])
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("電話,x\n".utf8)
        #expect(try CSVFormat.read(bom, name: "s").rows.map { $0.map(\.text) } == [["電話", "x"]])
        #expect(throws: SheetFileError.self) { try CSVFormat.read([0xFF, 0xFE, 0x00, 0x81], name: "s") }
    }

    @Test func csvIsWrittenWithBOMAndCRLF() {
        let table = SheetTable(
            sheetName: "s", columns: [.init(header: "id", width: 1, isText: true), .init(header: "本文", width: 1, isText: true)],
            rows: [["a", "一行目\n二行目"]])
        let text = String(decoding: CSVFormat.write(table), as: UTF8.self)
        #expect(text == "\u{FEFF}id,本文\r\na,\"一行目\n二行目\"\r\n")
    }

    @Test func aWorkbookReadsBackAsWritten() throws {
        let table = SheetTable(
            sheetName: "シート1",
            columns: [.init(header: "id", width: 20, isText: true), .init(header: "電話 (phone)", width: 16, isText: true)],
            rows: [["a", "0120-279-889"], ["b"], ["c", "<&>\"\n2行目"]])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try SheetFile.write(table, to: url)
        let first = try Data(contentsOf: url)
        try SheetFile.write(table, to: url)
        #expect(try Data(contentsOf: url) == first, "the same table gives the same bytes")
        let sheet = try XLSXReader.read(url)
        #expect(sheet.name == "シート1")
        // An empty cell is not stored, so a row ends at its last value.
        #expect(sheet.rows.map { $0.map(\.text) } == [["id", "電話 (phone)"], ["a", "0120-279-889"], ["b"], ["c", "<&>\"\n2行目"]])
    }

    @Test func workbooksOverTenMegabytesAreRead() throws {
        // libxml2 refuses a single chunk over 10 MB; the sheet of a 10,000-entry guide is 11 MB.
        let columns = (0..<24).map { SheetTable.Column(header: "c\($0)", width: 8, isText: true) }
        let rows = (0..<14_000).map { row in (0..<24).map { String(($0 * 7 + row) % 50) } }
        let long = (0..<900).map { ["x\($0)" + String(repeating: "あ", count: 4_000)] }
        for (table, name) in [(SheetTable(sheetName: "s", columns: columns, rows: rows), "cells"),
                              (SheetTable(sheetName: "s", columns: [columns[0]], rows: long), "strings")] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(name)-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: url) }
            try SheetFile.write(table, to: url)
            let sheet = try XLSXReader.read(url)
            #expect(sheet.rows.count == table.rows.count + 1, "\(name)")
            #expect(sheet.rows.last?.map(\.text) == table.rows.last, "\(name)")
        }
    }

    @Test func byteExactSearchAndReplace() {
        #expect("月〜金 10:00".has("〜") && !"月～金".has("〜") && "abc".has("") && !"".has("a") && "a: b".has(": "))
        #expect("第2・第4週".replacingAll("第", with: "") == "2・4週")
        #expect("a\r\nb\r\n".replacingAll("\r\n", with: "\n") == "a\nb\n")
        #expect("aaa".replacingAll("aa", with: "b") == "ba" && "xyz".replacingAll("q", with: "r") == "xyz")
        #expect("一\n\n二\n".linesByLF == ["一", "", "二", ""])
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 701, 702].map(Sheet.columnLetter) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
        #expect(["A", "Z", "AA", "AAA"].map { Sheet.columnIndex($0) } == [0, 25, 26, 702])
    }

    @Test func datesFromSerialNumbersDateCellsAndText() {
        #expect(SheetDate.day("46113", kind: .number)?.description == "2026-04-01")
        #expect(SheetDate.day("46113", kind: .date)?.description == "2026-04-01")
        #expect(SheetDate.day("2026/4/1", kind: .text)?.description == "2026-04-01")
        #expect(SheetDate.day("2026年4月1日", kind: .text)?.description == "2026-04-01")
        #expect(SheetDate.day("2026-04-01T00:00:00", kind: .text)?.description == "2026-04-01")
        #expect(SheetDate.day("2026/4/1 0:00:00", kind: .text)?.description == "2026-04-01")
        #expect(SheetDate.day("四月", kind: .text) == nil)
        #expect(SheetDate.day("令和8年4月1日", kind: .text)?.description == "2026-04-01")
        #expect(SheetDate.day("令和元年5月1日", kind: .text)?.description == "2019-05-01")
        #expect(SheetDate.day("平成31年4月30日", kind: .text)?.description == "2019-04-30")
        #expect(SheetDate.day("令和年4月1日", kind: .text) == nil)
    }

    @Test func hoursInTheShortForm() {
        #expect(HoursText.yaml("第2・第4 土 14:00-16:00（定例会）\n月〜金 9:00〜17:00") == [
            "hours:",
            "  - days: [sat]", "    weeks: [2, 4]", "    time: \"14:00-16:00\"", "    note: 定例会",
            "  - days: [mon, tue, wed, thu, fri]", "    time: \"09:00-17:00\"",
        ])
        #expect(HoursText.yaml("月・水・金 24時間") == ["hours:", "  - days: [mon, wed, fri]", "    time: \"24h\""])
        #expect(HoursText.yaml("毎月第3日曜の午後") == ["hours: 毎月第3日曜の午後"], "text when it cannot be structured")
        let item = HoursItem(days: [.sat], weeks: [2, 4], time: .span(opening: 840, closing: 960), note: "定例会")
        #expect(HoursText.line(item) == "第2・第4 土 14:00-16:00（定例会）")
    }

    @Test func editsKeepCommentsKeyOrderAndBody() throws {
        let text = """
            ---
            # 代表の連絡先
            name: さくら家族会
            kind: ibasho
            phone: 050-0000-1201   # 平日のみ
            hours:
              - days: [sun]
                time: "13:30-16:00"

            # 確認した日
            verified: 2026-05-25
            ---
            本文です。

            """
        var editor = try #require(EntryEditor(SourceText(file: "entries/a.md", text: text)))
        editor.set("phone", ["phone: 050-0000-9999"], column: 3, after: ["id", "name", "kind"])
        editor.set("hours", ["hours:", "  - days: [sat]", "    time: \"10:00-12:00\""], column: 4, after: ["name", "kind", "phone"])
        editor.set("email", ["email: a@example.org"], column: 5, after: ["name", "kind", "phone", "fax"])
        editor.set("kind", nil, column: 2, after: ["name"])
        #expect(editor.text == """
            ---
            # 代表の連絡先
            name: さくら家族会
            phone: 050-0000-9999   # 平日のみ
            email: a@example.org
            hours:
              - days: [sat]
                time: "10:00-12:00"

            # 確認した日
            verified: 2026-05-25
            ---
            本文です。

            """)
        #expect(editor.origins[3] == 3 && editor.origins[4] == 5 && editor.origins[6] == 4 && editor.origins[9] == nil)
    }

    @Test func shiftJISAndCP932VariantsCompareEqual() {
        #expect(ShiftJISVariants.fold("月～金 ∥ － ￠￡￢ ―") == "月〜金 ‖ − ¢£¬ —")
        #expect(ShiftJISVariants.fold("さくら") == "さくら")
    }

    @Test func numbersWithHyphensStayPlainOthersAreQuoted() {
        #expect(YAMLText.scalar("0120-279-889", quoteNumbers: true) == "0120-279-889")
        #expect(YAMLText.scalar("999-0106", quoteNumbers: true) == "999-0106")
        #expect(YAMLText.scalar("18-", quoteNumbers: true) == "18-")
        #expect(YAMLText.scalar("0120279889", quoteNumbers: true) == "\"0120279889\"")
        #expect(YAMLText.scalar("2026-04-01", quoteNumbers: true) == "\"2026-04-01\"")
        #expect(YAMLText.scalar("09:00-17:00", quoteNumbers: true) == "\"09:00-17:00\"")
        #expect(YAMLText.scalar("2026-4-1", quoteNumbers: true) == "\"2026-4-1\"")
        #expect(YAMLText.scalar("0120-27-9889", quoteNumbers: true) == "0120-27-9889", "four digits in the last part: not a date")
        #expect(YAMLText.scalar("Yes") == "\"Yes\"" && YAMLText.scalar("yesterday") == "yesterday")
        #expect(SheetColumn.isScientific("1.2E+09") && SheetColumn.isScientific("1.20279889e8"))
        #expect(!SheetColumn.isScientific("0120-279-889") && !SheetColumn.isScientific("E5") && !SheetColumn.isScientific("1e"))
    }

    @Test func dateFormatsAreToldFromOthers() {
        typealias Styles = XLSXReader.DateStyles
        #expect(Styles.isDateFormat(14, code: nil) && Styles.isDateFormat(57, code: nil) && !Styles.isDateFormat(49, code: nil))
        #expect(Styles.isDateFormat(176, code: "yyyy\"年\"m\"月\"d\"日\""))
        #expect(Styles.isDateFormat(177, code: "[$-411]ggge\"年\"m\"月\"d\"日\""))
        for code in ["General", "GENERAL", "@", "0.00E+00", "#,##0\"円\"", "0\\d", "\"day\"0", "[Red]0"] {
            #expect(!Styles.isDateFormat(164, code: code), "\(code)")
        }
    }

    @Test func lettersEscapeWhatEditorsWrote() throws {
        // The letters render through TextTemplate: {{value}} is HTML-escaped, as on the site.
        let html = try TextTemplate("<p>{{name}}</p>{{{css}}}").render(["name": "<b>さくら&</b>", "css": "a>b"])
        #expect(html == "<p>&lt;b&gt;さくら&amp;&lt;/b&gt;</p>a>b")
    }

    @Test func agesInWordsAndWhatSpreadsheetsDoToThem() throws {
        let ages = try #require(SheetColumn.byKey["ages"])
        func yaml(_ text: String, _ kind: Cell.Kind = .text) -> [String]? {
            try? ages.yaml(Cell(text, kind: kind), FixtureSite.config).get()
        }
        #expect(yaml("15〜39歳") == ["ages: 15-39"])
        #expect(yaml("18歳以上") == ["ages: 18-"])
        #expect(yaml("39歳まで") == ["ages: \"-39\""], "a leading - is quoted (YAML would read -39 as a number)")
        #expect(yaml("１８-") == ["ages: 18-"])
        #expect(yaml("全年齢") == ["ages: all"] && yaml("年齢制限なし") == ["ages: all"])
        // LibreOffice reads `18-` in a CSV as -18, Excel reads `1-12` as a date.
        if case .failure(let problem) = ages.yaml(Cell("-18", kind: .number), FixtureSite.config) {
            #expect(problem.code == .agesInvalid && problem.message.contains("18歳以上"))
        } else {
            Issue.record("-18 as a number is an error")
        }
        #expect(throws: CellProblem.self) { try ages.yaml(Cell("45658", kind: .date), FixtureSite.config).get() }
    }
}

@Suite("Confirmation")
struct ConfirmationTests {
    func guide(_ entries: [String: String]) throws -> Guide {
        var files = ["site.yml": FixtureGuide.siteYAML]
        for (path, text) in entries { files[path] = text }
        let fixture = try FixtureGuide(files: files)
        defer { fixture.remove() }
        let result = GuideValidator.validate(contentFolder: fixture.content, themesFolder: nil, today: FixtureGuide.today)
        return try #require(result.guide, "\(result.diagnostics)")
    }

    @Test func oneRequestPerOperatorWrittenAlikeOrAnEntryAlone() throws {
        let guide = try guide([
            "entries/sakura/a.md": FixtureGuide.entry(["operator": "NPO法人 さくら", "kana": "あ"]),
            "entries/sakura/b.md": FixtureGuide.entry(["operator": "NPO法人　さくら ", "kana": "い"]),
            "entries/sakura/c.md": FixtureGuide.entry(["name": "かえで会", "kana": "う"]),
            "entries/sakura/d.md": FixtureGuide.entry(["operator": "ＮＰＯ法人 もみじ", "kana": "え", "verified": "2026-10-01"]),
        ])
        let requests = Confirmation.requests(guide.entries)
        #expect(requests.map(\.operatorName) == ["NPO法人 さくら", "かえで会", "ＮＰＯ法人 もみじ"])
        #expect(requests.map { $0.entries.map(\.id) } == [["a", "b"], ["c"], ["d"]])
        #expect(requests.map(\.fileStem) == ["01_NPO法人_さくら", "02_かえで会", "03_ＮＰＯ法人_もみじ"])
        // Today 2026-11-23; by default, what is stale on 2027-04-01 (verified before 2026-04-01).
        #expect(Confirmation.nextFirstOfApril(after: FixtureGuide.today).description == "2027-04-01")
        #expect(Confirmation.nextFirstOfApril(after: Day(year: 2027, month: 4, day: 1)!).description == "2028-04-01")
        #expect(Confirmation.select(guide, olderThan: nil, all: false).isEmpty)
        #expect(Confirmation.select(guide, olderThan: 200, all: false).map(\.id).sorted() == ["a", "b", "c"])
        #expect(Confirmation.select(guide, olderThan: nil, all: true).count == 4)
    }
}

/// A site with the fixture's areas, for the columns that need one.
enum FixtureSite {
    static var config: SiteConfig {
        let guide = try! FixtureGuide(files: ["site.yml": FixtureGuide.siteYAML])
        defer { guide.remove() }
        let loaded = ContentLoader.load(contentFolder: guide.content, themesFolder: nil)
        return SiteValidator.validate(loaded.site!, themes: ["default"]).0!
    }
}
