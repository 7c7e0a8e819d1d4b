import BookmarkModel
import BookmarkValidator
import Foundation

/// A problem with one cell found before the entry is checked: what a spreadsheet did to it.
public struct CellProblem: Error, Sendable, Hashable {
    public var code: DiagnosticCode
    public var message: String
    public var hint: String?
}

/// One column of the editors' sheet: a field of the front matter, how it is shown in a cell,
/// and how a cell becomes the field's YAML again.
///
/// Import compares fields by their YAML: a cell is unchanged when it gives the same YAML
/// lines as the cell that export would write for the entry as it is now. So `本人、家族`,
/// `person、family` and `本人,家族` are all the same `for: [person, family]`, a phone typed
/// with full-width digits is the same phone, and a round trip writes nothing.
public struct SheetColumn: Sendable {
    public let key: String
    /// The Japanese half of the header, `電話` in `電話 (phone)`.
    public let japanese: String
    let width: Double
    let isText: Bool
    let export: @Sendable (Entry, SiteConfig) -> String
    /// The YAML lines of the field (`["phone: 0123-45-6789"]`), nil when the cell is empty.
    let yaml: @Sendable (Cell, SiteConfig) -> Result<[String]?, CellProblem>

    /// `電話 (phone)`; `id` alone.
    public var header: String { key == "id" ? "id" : "\(japanese) (\(key))" }

    public var isBody: Bool { key == "body" }
    public var isID: Bool { key == "id" }
}

extension SheetColumn {
    /// Every column, in the order export writes them: `id` first, the body last, the rest in
    /// the order of the fields in content-format.md.
    public static let all: [SheetColumn] = [
        SheetColumn(key: "id", japanese: "id", width: 28, isText: true, export: { e, _ in e.id }, yaml: { cell, _ in
            let id = Normalizer.text(cell.text)
            return .success(id.isEmpty ? nil : [id])
        }),
        text("name", "名前", width: 30) { $0.name },
        text("kana", "よみがな", width: 30) { $0.kana },
        vocabulary("kind", "種類", Kind.self, width: 12) { $0.kind },
        SheetColumn(key: "area", japanese: "エリア", width: 12, isText: true,
                    export: { entry, site in
                        switch entry.area {
                        case .nationwide: "全国"
                        case .area(let id): site.area(id: id)?.name ?? id
                        }
                    },
                    yaml: { cell, site in
                        let written = Normalizer.text(oneLine(cell.text))
                        if written.isEmpty { return .success(nil) }
                        if written == "全国" || written == "nationwide" { return .success(["area: nationwide"]) }
                        let id = site.areas.first { $0.name == written || $0.id == written.lowercased() }?.id ?? written
                        return .success(["area: " + YAMLText.scalar(id)])
                    }),
        text("operator", "運営", width: 24) { $0.operator },
        vocabulary("operator_type", "運営の種類", OperatorType.self, width: 14) { $0.operatorType },
        vocabularyList("for", "対象", Audience.self, width: 16) { $0.audiences },
        // In words (`15〜39歳`, `18歳以上`, `39歳まで`), as the booklet prints them: `18-` in a
        // CSV is read by LibreOffice as the number -18, and `1-12` by Excel as a date.
        SheetColumn(key: "ages", japanese: "対象年齢", width: 10, isText: true,
                    export: { entry, _ in
                        guard let ages = entry.ages else { return "" }
                        return ages.isAll ? "全年齢" : ages.japaneseText
                    },
                    yaml: { cell, _ in
                        var written = Normalizer.numeric(oneLine(cell.text))
                        if written.isEmpty { return .success(nil) }
                        let hint = "列の書式を「文字列」にしてから 18歳以上、15〜39歳、39歳まで のように入力し直してください"
                        if cell.kind == .number, written.hasPrefix("-") {
                            return .failure(CellProblem(
                                code: .agesInvalid,
                                message: "対象年齢（ages）が数値「\(written)」になっています。表計算ソフトが「\(written.dropFirst())-」（\(written.dropFirst())歳以上）を負の数として読んだようです。",
                                hint: hint))
                        }
                        if cell.kind == .date {
                            return .failure(CellProblem(
                                code: .agesInvalid,
                                message: "対象年齢（ages）が日付のセルになっています。表計算ソフトが「1-12」のような書き方を日付として読んだようです。",
                                hint: hint))
                        }
                        for wave in ["〜", "~", "～"] { written = written.replacingAll(wave, with: "-") }
                        written = written.replacingAll("歳", with: "").replacingAll(" ", with: "")
                        if written == "全年齢" || written == "年齢制限なし" || written.lowercased() == "all" {
                            return .success(["ages: all"])
                        }
                        for (word, range) in [("以上", "%@-"), ("から", "%@-"), ("まで", "-%@"), ("以下", "-%@")]
                        where written.hasSuffix(word) {
                            let number = String(written.dropLast(word.count))
                            if !number.isEmpty, number.allSatisfy(\.isASCIIDigit) {
                                written = range.replacingAll("%@", with: number)
                            }
                        }
                        return .success(["ages: " + YAMLText.scalar(written, quoteNumbers: true)])
                    }),
        SheetColumn(key: "gender", japanese: "性別", width: 10, isText: false,
                    export: { entry, _ in entry.gender == .any ? "" : entry.gender.japaneseLabel },
                    yaml: vocabularyYAML("gender", Gender.self)),
        text("address", "住所", width: 40) { $0.address },
        boolean("address_undisclosed", "場所は申込時に案内") { $0.addressUndisclosed ? true : nil },
        SheetColumn(key: "postal_code", japanese: "郵便番号", width: 11, isText: true,
                    export: { entry, _ in entry.postalCode ?? "" },
                    yaml: { cell, _ in
                        var written = Normalizer.numeric(oneLine(cell.text))
                        if written.hasPrefix("〒") { written = Normalizer.text(String(written.dropFirst())) }
                        if written.isEmpty { return .success(nil) }
                        if cell.kind == .number, written.allSatisfy(\.isASCIIDigit) {
                            if written.count == 7 { written = written.prefix(3) + "-" + written.suffix(4) } else {
                                return .failure(CellProblem(
                                    code: .postalCodeInvalid,
                                    message: "郵便番号（postal_code）が数値「\(written)」になっています。先頭の 0 が消えたようです。",
                                    hint: "列の書式を「文字列」にしてから 012-3456 のように入力し直してください"))
                            }
                        }
                        return .success(["postal_code: " + YAMLText.scalar(written, quoteNumbers: true)])
                    }),
        text("access", "アクセス", width: 30) { $0.access },
        SheetColumn(key: "geo", japanese: "緯度・経度", width: 20, isText: true,
                    export: { entry, _ in
                        entry.geo.map { "\(YAMLText.number($0.latitude)), \(YAMLText.number($0.longitude))" } ?? ""
                    },
                    yaml: { cell, _ in
                        let written = Normalizer.text(oneLine(cell.text))
                        if written.isEmpty { return .success(nil) }
                        let parts = written.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == " " }).map(String.init)
                        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else {
                            return .failure(CellProblem(
                                code: .geoInvalid, message: "緯度・経度（geo）「\(written)」が読めません。",
                                hint: "例: 35.6812, 139.7671（緯度, 経度）"))
                        }
                        return .success(["geo: {lat: \(YAMLText.number(lat)), lon: \(YAMLText.number(lon))}"])
                    }),
        SheetColumn(key: "phone", japanese: "電話", width: 16, isText: true,
                    export: { entry, _ in entry.phones.map(\.display).joined(separator: "、") },
                    yaml: { cell, _ in phoneYAML("phone", "電話", cell, list: true) }),
        SheetColumn(key: "fax", japanese: "FAX", width: 16, isText: true,
                    export: { entry, _ in entry.fax?.display ?? "" },
                    yaml: { cell, _ in phoneYAML("fax", "FAX", cell, list: false) }),
        text("email", "メール", width: 26, numeric: true) { $0.email },
        text("url", "ホームページ", width: 30, numeric: true) { $0.url },
        text("line", "LINE", width: 16, numeric: true) { $0.line },
        SheetColumn(key: "hours", japanese: "日時", width: 30, isText: true,
                    export: { entry, _ in HoursText.cell(entry.hours) },
                    yaml: { cell, _ in .success(HoursText.yaml(cell.text)) }),
        text("hours_note", "時間の補足", width: 24) { $0.hoursNote },
        SheetColumn(key: "cost", japanese: "費用", width: 16, isText: true,
                    export: { entry, _ in entry.cost?.japaneseText ?? "" },
                    yaml: { cell, _ in
                        let written = Normalizer.display(oneLine(cell.text))
                        if written.isEmpty { return .success(nil) }
                        return .success(["cost: " + (written == "無料" || written == "free" ? "free" : YAMLText.scalar(written))])
                    }),
        vocabulary("reservation", "予約", Reservation.self, width: 10) { $0.reservation },
        boolean("anonymous", "匿名可") { $0.anonymous },
        boolean("outside_residents", "市外可") { $0.outsideResidents },
        vocabularyList("methods", "利用方法", Method.self, width: 20) { $0.methods },
        SheetColumn(key: "languages", japanese: "言語", width: 8, isText: true,
                    export: { entry, _ in entry.languages == ["ja"] ? "" : entry.languages.joined(separator: "、") },
                    yaml: { cell, _ in
                        let items = splitList(Normalizer.text(oneLine(cell.text)))
                        if items.isEmpty || items == ["ja"] { return .success(nil) }
                        return .success(["languages: " + YAMLText.flowList(items)])
                    }),
        SheetColumn(key: "tags", japanese: "タグ", width: 20, isText: true,
                    export: { entry, _ in entry.tags.joined(separator: "、") },
                    yaml: { cell, _ in
                        let items = splitList(Normalizer.text(oneLine(cell.text)))
                        return .success(items.isEmpty ? nil : ["tags: " + YAMLText.flowList(items)])
                    }),
        date("verified", "最終確認日") { $0.verified },
        date("until", "掲載期限") { $0.until },
        boolean("draft", "下書き") { $0.draft ? true : nil },
        SheetColumn(key: "publish", japanese: "掲載先", width: 12, isText: false,
                    export: { entry, _ in
                        switch (entry.publish.web, entry.publish.booklet) {
                        case (true, true): ""
                        case (false, true): "冊子のみ"
                        case (true, false): "サイトのみ"
                        case (false, false): "掲載しない"
                        }
                    },
                    yaml: { cell, _ in
                        let written = Normalizer.text(oneLine(cell.text))
                        switch written {
                        case "", "両方", "サイトと冊子", "サイト・冊子": return .success(nil)
                        case "冊子のみ", "冊子だけ": return .success(["publish: {web: false, booklet: true}"])
                        case "サイトのみ", "サイトだけ": return .success(["publish: {web: true, booklet: false}"])
                        case "掲載しない": return .success(["publish: {web: false, booklet: false}"])
                        default:
                            return .failure(CellProblem(
                                code: .enumInvalid, message: "掲載先（publish）に「\(written)」は使えません。",
                                hint: "空欄（サイトと冊子の両方）、冊子のみ、サイトのみ、掲載しない のどれかを書きます"))
                        }
                    }),
        text("notice", "お知らせ", width: 24) { $0.notice },
        text("verified_by", "確認した人", width: 16) { $0.verifiedBy },
        text("source", "情報源", width: 20) { $0.source },
        SheetColumn(key: "body", japanese: "本文", width: 60, isText: true,
                    export: { entry, _ in Body.cell(entry.body) },
                    yaml: { cell, _ in
                        let body = Body.cell(cell.text)
                        return .success(body.isEmpty ? nil : body.linesByLF)
                    }),
    ]

    public static let byKey: [String: SheetColumn] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The header row as export writes it and the column looks.
    public static func tableColumns(_ columns: [SheetColumn]) -> [SheetTable.Column] {
        columns.map { SheetTable.Column(header: $0.header, width: $0.width, isText: $0.isText) }
    }

    // MARK: - Kinds of column

    /// Free text; `numeric` for addresses that take NFKC (mail, URL, LINE id).
    static func text(_ key: String, _ japanese: String, width: Double, numeric: Bool = false,
                     _ value: @escaping @Sendable (Entry) -> String?) -> SheetColumn {
        SheetColumn(key: key, japanese: japanese, width: width, isText: true,
                    export: { entry, _ in value(entry) ?? "" },
                    yaml: { cell, _ in
                        let line = oneLine(cell.text)
                        let written = numeric ? Normalizer.text(line) : Normalizer.display(line)
                        return .success(written.isEmpty ? nil : ["\(key): " + YAMLText.scalar(written)])
                    })
    }

    static func vocabulary<T: Vocabulary>(_ key: String, _ japanese: String, _ type: T.Type, width: Double,
                                          _ value: @escaping @Sendable (Entry) -> T?) -> SheetColumn {
        SheetColumn(key: key, japanese: japanese, width: width, isText: false,
                    export: { entry, _ in value(entry)?.japaneseLabel ?? "" },
                    yaml: vocabularyYAML(key, type))
    }

    static func vocabularyYAML<T: Vocabulary>(_ key: String, _ type: T.Type) -> @Sendable (Cell, SiteConfig) -> Result<[String]?, CellProblem> {
        { cell, _ in
            let written = Normalizer.text(oneLine(cell.text))
            if written.isEmpty { return .success(nil) }
            return .success(["\(key): " + YAMLText.scalar(T(written: written)?.rawValue ?? written)])
        }
    }

    static func vocabularyList<T: Vocabulary>(_ key: String, _ japanese: String, _ type: T.Type, width: Double,
                                              _ value: @escaping @Sendable (Entry) -> [T]) -> SheetColumn {
        SheetColumn(key: key, japanese: japanese, width: width, isText: false,
                    export: { entry, _ in value(entry).map(\.japaneseLabel).joined(separator: "、") },
                    yaml: { cell, _ in
                        let items = splitList(Normalizer.text(oneLine(cell.text)), dots: true)
                        if items.isEmpty { return .success(nil) }
                        return .success(["\(key): " + YAMLText.flowList(items.map { T(written: $0)?.rawValue ?? $0 })])
                    })
    }

    /// はい/いいえ in the sheet; also TRUE/FALSE cells, true/false, 可/不可, ○/×, あり/なし.
    static func boolean(_ key: String, _ japanese: String, _ value: @escaping @Sendable (Entry) -> Bool?) -> SheetColumn {
        SheetColumn(key: key, japanese: japanese, width: 10, isText: false,
                    export: { entry, _ in value(entry).map { $0 ? "はい" : "いいえ" } ?? "" },
                    yaml: { cell, _ in
                        let written = Normalizer.text(oneLine(cell.text))
                        switch written.lowercased() {
                        case "": return .success(nil)
                        case "true", "yes", "はい", "可", "○", "◯", "あり", "1": return .success(["\(key): true"])
                        case "false", "no", "いいえ", "不可", "×", "なし", "0": return .success(["\(key): false"])
                        default: return .success(["\(key): " + YAMLText.scalar(written)])
                        }
                    })
    }

    /// A date cell, an Excel serial number, `YYYY-MM-DD`, `YYYY/M/D`, `YYYY年M月D日` or `令和8年4月1日`.
    static func date(_ key: String, _ japanese: String, _ value: @escaping @Sendable (Entry) -> Day?) -> SheetColumn {
        SheetColumn(key: key, japanese: japanese, width: 12, isText: false,
                    export: { entry, _ in value(entry)?.description ?? "" },
                    yaml: { cell, _ in
                        let written = Normalizer.numeric(oneLine(cell.text))
                        if written.isEmpty { return .success(nil) }
                        guard let day = SheetDate.day(written, kind: cell.kind) else {
                            return .success(["\(key): " + YAMLText.scalar(written, quoteNumbers: true)])
                        }
                        return .success(["\(key): \(day)"])
                    })
    }

    /// Phones: an error with a hint when the spreadsheet made the number a number.
    static func phoneYAML(_ key: String, _ japanese: String, _ cell: Cell, list: Bool) -> Result<[String]?, CellProblem> {
        let written = Normalizer.numeric(oneLine(cell.text))
        if written.isEmpty { return .success(nil) }
        let items = list ? splitList(written) : [written]
        for item in items {
            let digits = item.filter { $0 != "-" && $0 != " " }
            let scientific = Self.isScientific(item)
            let lostZero = digits.count >= 9 && digits.allSatisfy(\.isASCIIDigit) && !digits.hasPrefix("0")
            if cell.kind == .number || scientific || lostZero {
                let guess = lostZero ? "（もとは 0\(digits) だったのかもしれません）" : ""
                return .failure(CellProblem(
                    code: .phoneInvalid,
                    message: "\(japanese)（\(key)）が数値「\(item)」になっています。表計算ソフトが電話番号を数として読み、先頭の 0 が消えたようです\(guess)。",
                    hint: "列の書式を「文字列」にしてから 0120-279-889 のようにハイフン付きで入力し直してください"))
            }
        }
        if items.count == 1 { return .success(["\(key): " + YAMLText.scalar(items[0], quoteNumbers: true)]) }
        return .success(["\(key): " + YAMLText.flowList(items)])
    }

    /// `1.2E+09`, `1.20279889e8`: how spreadsheets show a long number.
    static func isScientific(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return false }
        let exponent = parts[1].hasPrefix("+") ? parts[1].dropFirst() : parts[1]
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    /// `本人、家族`; also `,` `，` and line breaks; `・` and `/` too for enumerations.
    static func splitList(_ text: String, dots: Bool = false) -> [String] {
        text.split(whereSeparator: {
            $0 == "、" || $0 == "," || $0 == "，" || $0 == "\n" || (dots && ($0 == "・" || $0 == "/" || $0 == "／"))
        })
            .map { Normalizer.text(String($0)) }.filter { !$0.isEmpty }
    }
}

/// A cell's stray line breaks joined: nothing between two Japanese characters, else a space.
func oneLine(_ text: String) -> String {
    guard text.contains(where: \.isNewline) else { return text }
    var out = ""
    for part in text.split(whereSeparator: \.isNewline) {
        let piece = Normalizer.display(String(part))
        if piece.isEmpty { continue }
        if let last = out.last, let first = piece.first, !(isWide(last) && isWide(first)) { out += " " }
        out += piece
    }
    return out
}

private func isWide(_ character: Character) -> Bool {
    character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The body cell: line ends made LF, trailing spaces and blank lines dropped.
enum Body {
    static func cell(_ text: String) -> String {
        var body = text.has("\r") ? text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n") : text
        while let last = body.last, last.isWhitespace { body.removeLast() }
        while body.first == "\n" { body.removeFirst() }
        return body
    }
}

/// Dates as spreadsheets save them.
public enum SheetDate {
    /// Excel's serial day 25569 is 1970-01-01 (day 60, the 29 February 1900 that never was,
    /// is why serials count from 1899-12-30). Text may also be 和暦: `令和8年4月1日`,
    /// `平成31年4月30日` (full-width digits were made ASCII before).
    public static func day(_ written: String, kind: Cell.Kind) -> Day? {
        if let serial = Double(written), serial >= 1, serial < 2_958_466, !written.has("-") {
            return Day(daysSinceEpoch: Int(serial.rounded(.down)) - 25569)
        }
        if kind == .date { return nil }
        if let day = Day(iso: String(written.prefix(10))), written.count == 10 || written.dropFirst(10).first == "T" {
            return day
        }
        var text = written
        // 和暦 as municipal offices write it: `令和8年4月1日`, `令和元年5月1日`, `平成31年4月1日`.
        for (era, first) in [("令和", 2019), ("平成", 1989)] where text.hasPrefix(era) {
            let rest = text.dropFirst(era.count)
            let digits = rest.prefix { $0.isASCIIDigit }
            let year = rest.hasPrefix("元") ? 1 : Int(digits)
            guard let year, year >= 1 else { return nil }
            text = String(first + year - 1) + String(rest.dropFirst(rest.hasPrefix("元") ? 1 : digits.count))
        }
        for mark in ["年", "月", "/", "."] { text = text.replacingAll(mark, with: "-") }
        text = text.replacingAll("日", with: "")
        // `2026/4/1 0:00:00`, as some programs save a date cell to CSV.
        if let space = text.firstIndex(of: " ") { text = String(text[..<space]) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...2).contains(parts[1].count), (1...2).contains(parts[2].count)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
