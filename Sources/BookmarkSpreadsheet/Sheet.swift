import Foundation

/// One cell as a spreadsheet program saved it: its text, and what kind of value it was.
///
/// The kind matters for the excuses spreadsheets make: a phone number saved as a number lost
/// its leading 0, and a date cell is a serial number underneath.
public struct Cell: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Text, or a CSV field (CSV keeps no kinds).
        case text
        /// A number cell; the text is the number as stored (`120279889`, `46113`).
        case number
        /// A number cell formatted as a date; the text is the serial number.
        case date
        /// TRUE/FALSE; the text is `true` or `false`.
        case bool
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .text) {
        self.text = text
        self.kind = kind
    }

    public static let empty = Cell("")
}

/// A sheet as read: rows of cells (row 1 the header), its name, and where it came from.
public struct Sheet: Sendable {
    /// `シート1` in an xlsx file; the file's name without extension for a CSV (as Excel shows it).
    public var name: String
    /// `rows[0]` is spreadsheet row 1.
    public var rows: [[Cell]]

    public init(name: String, rows: [[Cell]]) {
        self.name = name
        self.rows = rows
    }

    /// `A`, `B`, …, `Z`, `AA` for the 0-based column `index`.
    public static func columnLetter(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let rest = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rest))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The 0-based column of `AB` (letters only), nil when it is not one.
    public static func columnIndex(_ letters: some StringProtocol) -> Int? {
        var number = 0
        for scalar in letters.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            number = number * 26 + Int(scalar.value - 64)
        }
        return number > 0 ? number - 1 : nil
    }
}

/// Why a sheet file could not be read at all.
public struct SheetFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads and writes sheets by the file name's ending.
public enum SheetFile {
    public enum Format: Sendable {
        case xlsx, csv
    }

    public static func format(of url: URL) -> Format? {
        switch url.pathExtension.lowercased() {
        case "xlsx": .xlsx
        case "csv": .csv
        default: nil
        }
    }

    public static func read(_ url: URL) throws -> Sheet {
        switch format(of: url) {
        case .xlsx: return try XLSXReader.read(url)
        case .csv:
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SheetFileError("\(url.path) を読めませんでした。")
            }
            return try CSVFormat.read(Array(data), name: url.deletingPathExtension().lastPathComponent)
        case nil:
            throw SheetFileError("\(url.lastPathComponent) は .xlsx か .csv のファイルではありません。")
        }
    }

    /// The bytes of `table` as the file's format; deterministic.
    public static func bytes(_ table: SheetTable, format: Format) throws -> Data {
        switch format {
        case .xlsx: try XLSXWriter.workbook(table)
        case .csv: CSVFormat.write(table)
        }
    }

    /// Writes atomically (a temporary file beside it, renamed into place).
    public static func write(_ table: SheetTable, to url: URL) throws {
        guard let format = format(of: url) else {
            throw SheetFileError("書き出すファイルの名前は .xlsx か .csv で終わるようにしてください（\(url.lastPathComponent)）。")
        }
        let data = try bytes(table, format: format)
        try data.write(to: url, options: .atomic)
    }
}

/// What is written: a header of columns and rows of text, with how each column looks.
public struct SheetTable: Sendable {
    public struct Column: Sendable {
        public var header: String
        /// Width in characters (Excel's unit).
        public var width: Double
        /// Cells formatted as text (`@`): phones, ids and postal codes must stay text when edited.
        public var isText: Bool
    }

    public var sheetName: String
    public var columns: [Column]
    public var rows: [[String]]
}
