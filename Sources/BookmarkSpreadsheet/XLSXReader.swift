import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first sheet of a workbook as Excel, LibreOffice and openpyxl save it.
///
/// Shared strings (with Japanese Excel's furigana runs `<rPh>` left out), inline strings,
/// numbers, booleans, formulas' cached values, ISO date cells (`t="d"`), and number cells
/// whose number format is a date (kept as `.date` with the serial number). Merged cells take
/// the value of their top-left cell, as they look on screen.
public enum XLSXReader {
    public static func read(_ url: URL) throws -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SheetFileError("\(url.lastPathComponent) を .xlsx のブックとして開けませんでした（壊れているか、別の形式です）。")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            return data
        }
        func required(_ path: String) throws -> Data {
            guard let data = try part(path) else {
                throw SheetFileError("\(url.lastPathComponent) に \(path) がありません。.xlsx のブックではないようです。")
            }
            return data
        }

        let rootRelations = try part("_rels/.rels").map(Relationships.read) ?? [:]
        let workbookPath = rootRelations.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        let workbookFolder = (workbookPath as NSString).deletingLastPathComponent
        let workbook = try XMLElements.read(try required(workbookPath))
        guard let firstSheet = workbook.first(where: { $0.name == "sheet" }) else {
            throw SheetFileError("\(url.lastPathComponent) にシートがありません。")
        }
        let sheetName = firstSheet.attributes["name"] ?? "Sheet1"
        let relationPath = workbookFolder + "/_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        let relations = try part(relationPath).map(Relationships.read) ?? [:]
        func resolve(_ target: String) -> String {
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            return ((workbookFolder + "/" + target) as NSString).standardizingPath
        }
        let sheetID = firstSheet.attributes["r:id"] ?? firstSheet.attributes.first { $0.key.hasSuffix(":id") }?.value
        let sheetPath = sheetID.flatMap { relations[$0] }.map { resolve($0.target) } ?? "xl/worksheets/sheet1.xml"
        let strings = try relations.values.first { $0.type.hasSuffix("/sharedStrings") }
            .flatMap { try part(resolve($0.target)) }.map(SharedStringsReader.read) ?? []
        let dateStyles = try relations.values.first { $0.type.hasSuffix("/styles") }
            .flatMap { try part(resolve($0.target)) }.map(DateStyles.read) ?? []

        let rows = try SheetDataReader.read(try required(sheetPath), strings: strings, dateStyles: dateStyles)
        return Sheet(name: sheetName, rows: rows)
    }

    // MARK: - Parts

    struct Relationship {
        var type: String
        var target: String
    }

    enum Relationships {
        static func read(_ data: Data) throws -> [String: Relationship] {
            var out: [String: Relationship] = [:]
            for element in try XMLElements.read(data) where element.name == "Relationship" {
                if let id = element.attributes["Id"], let target = element.attributes["Target"] {
                    out[id] = Relationship(type: element.attributes["Type"] ?? "", target: target)
                }
            }
            return out
        }
    }

    /// Every element's name (without prefix, except for attributes) and attributes, in order.
    struct XMLElements {
        struct Element {
            var name: String
            var attributes: [String: String]
        }

        static func read(_ data: Data) throws -> [Element] {
            let collector = Collector()
            let parser = XMLElements.parser(data)
            parser.delegate = collector
            guard parser.parse() else { throw SheetFileError("ブックの中の XML が読めません（\(XMLElements.reason(parser))）。") }
            return collector.elements
        }

        /// A parser that reads `data` as a stream, a chunk at a time. Given the data whole,
        /// Foundation hands libxml2 one chunk, and libxml2 refuses a chunk over 10 MB ("huge
        /// input lookup"): a sheet of 10,000 entries is 11 MB.
        static func parser(_ data: Data) -> XMLParser {
            XMLParser(stream: InputStream(data: data))
        }

        /// The parser's own words for what went wrong, with the line.
        static func reason(_ parser: XMLParser) -> String {
            let error = parser.parserError.map { "\($0.localizedDescription)" } ?? "不明"
            return "\(parser.lineNumber) 行目: \(error)"
        }

        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            func parser(
                _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]
            ) {
                elements.append(Element(name: localName(elementName), attributes: attributes))
            }
        }
    }

    /// The shared strings: the text of each `<si>`, its runs joined, furigana (`<rPh>`) left out.
    final class SharedStringsReader: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current: String?
        var inText = false
        var phoneticDepth = 0

        static func read(_ data: Data) throws -> [String] {
            let reader = SharedStringsReader()
            let parser = XMLElements.parser(data)
            parser.delegate = reader
            guard parser.parse() else { throw SheetFileError("ブックの文字列（sharedStrings.xml）が読めません（\(XMLElements.reason(parser))）。") }
            return reader.strings
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            switch localName(elementName) {
            case "si": current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = phoneticDepth == 0
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch localName(elementName) {
            case "si":
                strings.append(current ?? "")
                current = nil
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current? += string }
        }
    }

    /// Which cell styles (`cellXfs` indexes) show numbers as dates.
    enum DateStyles {
        static func read(_ data: Data) throws -> [Bool] {
            let elements = try XMLElements.read(data)
            var customFormats: [Int: String] = [:]
            var styles: [Bool] = []
            var inCellXfs = false
            // `xf` appears under cellStyleXfs and cellXfs; only the latter are cell styles.
            for element in elements {
                switch element.name {
                case "numFmt":
                    if let id = element.attributes["numFmtId"].flatMap(Int.init) {
                        customFormats[id] = element.attributes["formatCode"] ?? ""
                    }
                case "cellXfs": inCellXfs = true
                case "cellStyles", "dxfs", "cellStyleXfs": inCellXfs = false
                case "xf" where inCellXfs:
                    let id = element.attributes["numFmtId"].flatMap(Int.init) ?? 0
                    styles.append(isDateFormat(id, code: customFormats[id]))
                default: break
                }
            }
            return styles
        }

        /// Excel's built-in date formats (14–22, 27–36 and 50–58 in Japanese locales, 45–47
        /// for times) and custom codes with year, month or day letters outside quotes and brackets.
        static func isDateFormat(_ id: Int, code: String?) -> Bool {
            if let code {
                // LibreOffice writes its default format as a custom `General`.
                if code.lowercased() == "general" { return false }
                var inQuote = false
                var inBracket = false
                var escaped = false
                for character in code {
                    if escaped {
                        escaped = false
                    } else if character == "\"" {
                        inQuote.toggle()
                    } else if inQuote {
                        continue
                    } else if character == "\\" || character == "_" || character == "*" {
                        escaped = true  // `\x`, `_x` and `*x` show x itself
                    } else if character == "[" {
                        inBracket = true
                    } else if character == "]" {
                        inBracket = false
                    } else if !inBracket, "yYdDegmM".contains(character) {
                        return true
                    }
                }
                return false
            }
            return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
        }
    }

    /// The cells of `<sheetData>`, placed by their references, and the merged ranges.
    final class SheetDataReader: NSObject, XMLParserDelegate {
        let strings: [String]
        let dateStyles: [Bool]
        var rows: [Int: [Int: Cell]] = [:]
        var merges: [(first: (row: Int, column: Int), last: (row: Int, column: Int))] = []
        var rowNumber = 0
        var nextColumn = 0
        var cell: (row: Int, column: Int, type: String, style: Int)?
        var value = ""
        var inline = ""
        var collecting: String?
        var phoneticDepth = 0
        var failure: SheetFileError?

        init(strings: [String], dateStyles: [Bool]) {
            self.strings = strings
            self.dateStyles = dateStyles
        }

        static func read(_ data: Data, strings: [String], dateStyles: [Bool]) throws -> [[Cell]] {
            let reader = SheetDataReader(strings: strings, dateStyles: dateStyles)
            let parser = XMLElements.parser(data)
            parser.delegate = reader
            guard parser.parse() else { throw SheetFileError("シートの XML が読めません（\(XMLElements.reason(parser))）。") }
            if let failure = reader.failure { throw failure }
            return reader.table()
        }

        func table() -> [[Cell]] {
            for merge in merges {
                guard let top = rows[merge.first.row]?[merge.first.column] else { continue }
                for row in merge.first.row...merge.last.row {
                    for column in merge.first.column...merge.last.column where rows[row]?[column] == nil {
                        rows[row, default: [:]][column] = top
                    }
                }
            }
            guard let lastRow = rows.keys.max() else { return [] }
            return (1...lastRow).map { number in
                guard let cells = rows[number], let lastColumn = cells.keys.max() else { return [] }
                return (0...lastColumn).map { cells[$0] ?? .empty }
            }
        }

        /// `C12` → (12, 2).
        static func reference(_ text: String) -> (row: Int, column: Int)? {
            let letters = text.prefix { $0.isLetter }
            guard let column = Sheet.columnIndex(letters.uppercased()), let row = Int(text.dropFirst(letters.count)) else {
                return nil
            }
            return (row, column)
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes: [String: String] = [:]
        ) {
            switch localName(elementName) {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                nextColumn = 0
            case "c":
                let place = attributes["r"].flatMap(Self.reference)
                let column = place?.column ?? nextColumn
                nextColumn = column + 1
                cell = (place?.row ?? rowNumber, column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                value = ""
                inline = ""
            case "v": collecting = "v"
            case "rPh": phoneticDepth += 1
            case "t" where cell != nil && phoneticDepth == 0: collecting = "t"
            case "mergeCell":
                let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
                if parts.count == 2, let first = Self.reference(parts[0]), let last = Self.reference(parts[1]),
                    first.row <= last.row, first.column <= last.column,
                    (last.row - first.row + 1) * (last.column - first.column + 1) <= 1_000_000
                {
                    merges.append((first, last))
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch localName(elementName) {
            case "v", "t": collecting = nil
            case "rPh": phoneticDepth -= 1
            case "c":
                guard let current = cell else { return }
                cell = nil
                guard current.row >= 1, current.row <= 1_048_576, current.column < 16_384 else { return }
                if let made = make(current) { rows[current.row, default: [:]][current.column] = made }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            switch collecting {
            case "v": value += string
            case "t": inline += string
            default: break
            }
        }

        func make(_ current: (row: Int, column: Int, type: String, style: Int)) -> Cell? {
            switch current.type {
            case "s":
                guard let index = Int(value), strings.indices.contains(index) else { return nil }
                return Cell(strings[index])
            case "inlineStr": return Cell(inline)
            case "str", "e": return Cell(value)
            case "b": return Cell(value == "1" ? "true" : "false", kind: .bool)
            case "d": return Cell(value, kind: .text)
            default:
                guard !value.isEmpty else { return nil }
                let isDate = current.style < dateStyles.count && dateStyles[current.style]
                return Cell(value, kind: isDate ? .date : .number)
            }
        }
    }
}

/// `x:row` → `row`.
private func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
