import Foundation
import ZIPFoundation

/// Writes a one-sheet workbook (Office Open XML, what Excel and LibreOffice save as .xlsx).
///
/// The zip container comes from ZIPFoundation; the XML parts are written here, the fewest
/// that Excel, LibreOffice and openpyxl open without a repair prompt: a bold, shaded header
/// row frozen in place, column widths, and text format (`@`) on the columns whose values a
/// spreadsheet would otherwise turn into numbers or dates (phones, ids, postal codes, ages).
/// The same table gives the same bytes: the parts carry no dates, the zip entries a fixed one.
public enum XLSXWriter {
    /// Cell styles (`cellXfs` in styles.xml, by index).
    enum Style: Int {
        case general = 0
        case text = 1
        case header = 2
        case wrappedText = 3
    }

    static let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    public static func workbook(_ table: SheetTable) throws -> Data {
        var strings = SharedStrings()
        let sheet = worksheet(table, strings: &strings)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheetName: table.sheetName, columns: table.columns.count, rows: table.rows.count + 1)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw SheetFileError("ブックを作れませんでした。") }
        return data
    }

    struct SharedStrings {
        var index: [String: Int] = [:]
        var list: [String] = []
        var uses = 0

        mutating func id(_ text: String) -> Int {
            uses += 1
            if let known = index[text] { return known }
            index[text] = list.count
            list.append(text)
            return list.count - 1
        }

        var xml: String {
            var out = header
            out += "<sst xmlns=\"\(mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
            for text in list {
                let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
                out += "<si><t" + (space ? " xml:space=\"preserve\"" : "") + ">" + escape(text) + "</t></si>"
            }
            return out + "</sst>"
        }
    }

    static func worksheet(_ table: SheetTable, strings: inout SharedStrings) -> String {
        let lastColumn = Sheet.columnLetter(max(table.columns.count - 1, 0))
        let lastRow = table.rows.count + 1
        var out = header
        out += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        out += "<dimension ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        out += "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
        out += "<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomRight\" activeCell=\"B2\" sqref=\"B2\"/>"
        out += "</sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"18\"/>"
        out += "<cols>"
        for (index, column) in table.columns.enumerated() {
            let style = column.isText ? Style.text : Style.general
            out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(format(column.width))\""
                + " style=\"\(style.rawValue)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        out += row(1, table.columns.map(\.header), styles: table.columns.map { _ in .header }, strings: &strings)
        let bodyStyles = table.columns.map { $0.isText ? Style.text : Style.general }
        for (number, values) in table.rows.enumerated() {
            let styles = zip(values, bodyStyles).map { value, style in
                value.contains("\n") ? Style.wrappedText : style
            }
            out += row(number + 2, values, styles: styles, strings: &strings)
        }
        out += "</sheetData>"
        out += "<autoFilter ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return out + "</worksheet>"
    }

    static func row(_ number: Int, _ values: [String], styles: [Style], strings: inout SharedStrings) -> String {
        var out = "<row r=\"\(number)\">"
        for (index, value) in values.enumerated() {
            let reference = Sheet.columnLetter(index) + String(number)
            let style = index < styles.count ? styles[index] : .general
            if value.isEmpty {
                if style != .general { out += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
                continue
            }
            out += "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.id(value))</v></c>"
        }
        return out + "</row>"
    }

    static func format(_ width: Double) -> String {
        width == width.rounded() ? String(Int(width)) : String(width)
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = header
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>"

    static let rootRelationships = header
        + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookXML(sheetName: String, columns: Int, rows: Int) -> String {
        let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        let range = "\(quoted)!$A$1:$\(Sheet.columnLetter(max(columns - 1, 0)))$\(rows)"
        return header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView/></bookViews>"
            + "<sheets><sheet name=\"\(escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
            + "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
            + escape(range) + "</definedName></definedNames>"
            + "</workbook>"
    }

    static let workbookRelationships = header
        + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>"

    /// Fonts: 0 normal, 1 bold. Fills: the two Excel requires, then a pale grey for the header.
    /// Cell styles as `Style`.
    static let styles = header
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"BIZ UDPGothic\"/><family val=\"3\"/><charset val=\"128\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"BIZ UDPGothic\"/><family val=\"3\"/><charset val=\"128\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"><alignment vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"><alignment vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"><alignment vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// XML text: `&`, `<`, `>`, `"` escaped; characters XML 1.0 cannot hold dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
