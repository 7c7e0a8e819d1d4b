import BookmarkTemplates
import BookmarkModel

/// The template values of one entry card (`print/card.mustache`).
///
/// Values are left out when there is nothing to say, so `{{#access}}…{{/access}}` closes.
struct CardContext {
    let entry: Entry
    let shortener: BodyShortener
    /// About how many characters of body text (em) a card's line holds on this paper.
    let lineEms: Double

    /// What the QR code (12 mm and its 1.5 mm gap, booklet.css) takes from the lines beside
    /// it, the name's, the phone's and the audience's, in em; 0 without a code.
    let qrEms: Double

    init(entry: Entry, paper: Paper) {
        self.entry = entry
        shortener = BodyShortener(paper: paper)
        lineEms = Self.lineEms(paper)
        qrEms = entry.url == nil ? 0 : 13.5 / Self.emMillimetres(paper)
    }

    /// The body font size of booklet.css in millimetres: A6 7.5 pt, B6 8.5 pt, A5 9.5 pt, A4 10.5 pt.
    static func emMillimetres(_ paper: Paper) -> Double {
        let points: Double = switch paper {
        case .a6: 7.5
        case .b6: 8.5
        case .a5: 9.5
        case .a4: 10.5
        }
        return points * 25.4 / 72
    }

    /// The text width of booklet.css (the paper less 6 mm margins each side) in em.
    static func lineEms(_ paper: Paper) -> Double {
        (Double(paper.millimetres.width) - 12) / emMillimetres(paper)
    }

    /// The width of `text` in em, from the advance widths of BIZ UDPGothic (proportional),
    /// rounded up by character class: kanji and 〜 1 em, kana 0.93 (ー 0.96), Japanese
    /// punctuation (、。「」（）・) 0.6, the ideographic space 0.67, digits 0.76, Latin letters
    /// 0.67 (capitals 0.8; M, W, m, w and @ 0.96; i, j, l 0.36; f, r, t 0.5), `-` and `/`
    /// 0.5, `.`, `:` and space 0.34.
    static func ems(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            sum + ems(scalar)
        }
    }

    static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x3000: 0.67
        case 0x3001...0x3003, 0x3008...0x3011, 0x30FB, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E: 0.6
        case 0x30FC: 0.96
        case 0x3040...0x30FF: 0.93
        case 0x2E80...: 1
        case 0x30...0x39: 0.76
        case 0x4D, 0x57, 0x6D, 0x77, 0x40: 0.96  // M W m w @
        case 0x69, 0x6A, 0x6C, 0x49: 0.36  // i j l I
        case 0x66, 0x72, 0x74: 0.5  // f r t
        case 0x41...0x5A: 0.8
        case 0x61...0x7A: 0.67
        case 0x2D, 0x2F: 0.5
        case 0x20, 0x2E, 0x3A: 0.34
        default: 0.7
        }
    }

    /// Whether things of these widths (em) fit on one line, with 7 % to spare: the
    /// estimate decides what shares a line, so that WeasyPrint lays out plain blocks and
    /// inline text only (inline blocks, measured twice, made a booklet 70 % slower). When
    /// it errs, the second thing wraps onto the next line; nothing is lost.
    func fitsOnALine(_ widths: [Double]) -> Bool {
        widths.reduce(0, +) <= lineEms * 0.93
    }

    /// A label and its text in the facts (`場所`, `交通`, `利用`).
    struct Fact {
        let label: String
        let text: String
        /// The label with its gap (2.3 em, booklet.css `.fact`), the text and the gap before
        /// the next label.
        var ems: Double { CardContext.labelEms + CardContext.ems(text) + 1.2 }
    }

    /// The width of a fact's label and the gap after it: the text of every fact starts there.
    static let labelEms = 2.3

    /// Place, access and use, one row each, or short ones side by side on a row.
    var factRows: [[Fact]] {
        let facts = [("場所", place), ("交通", entry.access), ("利用", use.isEmpty || useBesideFor ? nil : use)]
            .compactMap { label, text in text.map { Fact(label: label, text: $0) } }
        var rows: [[Fact]] = []
        for fact in facts {
            if let last = rows.last, fitsOnALine(last.map(\.ems) + [fact.ems]) {
                rows[rows.count - 1].append(fact)
            } else {
                rows.append([fact])
            }
        }
        return rows
    }

    /// The marks at 0.9 of the size, each with its border and the space before it.
    var marksEms: Double { marks.map { 0.9 * Self.ems($0.label) + 1 }.reduce(0, +) }

    /// Whether the audience line fits beside the (one) phone number, which is 1.75 em.
    var forBesidePhone: Bool {
        guard entry.phones.count == 1, let phone = entry.phones.first?.display else { return false }
        // At 1.75 em, 0.02 em apart, with its label (0.5 of that size) and the gap after it (2 mm).
        let phoneEms = 1.75 * (1.2 + Self.ems(phone) + 0.02 * Double(phone.count)) + 1
        return fitsOnALine([phoneEms, Self.ems(forText), marksEms, qrEms])
    }

    /// Whether how to use it (`利用 来所・電話　要予約`) goes after the audience and the marks,
    /// on their line, rather than among the facts: when the audience has a line of its own
    /// (not beside the phone) and there is room.
    var useBesideFor: Bool {
        guard !use.isEmpty, !forBesidePhone else { return false }
        return fitsOnALine([Self.ems(forText), marksEms, Fact(label: "利用", text: use).ems, qrEms])
    }

    /// The printed lines of the hours: an item starts a line, unless it fits after the one
    /// before (`月・水 10:00〜16:00、土 13:00〜17:00`).
    var hoursRows: [String] {
        var rows: [String] = []
        for line in hoursLines {
            if let last = rows.last, fitsOnALine([Self.labelEms, Self.ems(last), 1, Self.ems(line)]) {
                rows[rows.count - 1] = last + "、" + line
            } else {
                rows.append(line)
            }
        }
        return rows
    }

    /// Whether the hours note (`祝日は休み`, at 0.9 of the size) fits after the last line of hours.
    var hoursNoteBeside: Bool {
        guard let note = entry.hoursNote, let last = hoursRows.last else { return false }
        return fitsOnALine([Self.labelEms, Self.ems(last), 1, 0.9 * Self.ems(note)])
    }

    /// A mark of a low threshold, printed as a small label and explained in the legend.
    struct Mark {
        let id: String
        let label: String
    }

    /// Every mark a card may carry, in legend order.
    static let legend: [(id: String, label: String, meaning: String)] = [
        ("free", "無料", "費用はかかりません"),
        ("walk-in", "予約不要", "予約なしで行けます"),
        ("anonymous", "匿名可", "名前を言わずに相談・参加できます"),
        ("women", "女性限定", "女性のための場です"),
        ("outside", "市外可", "ほかの市町村の人も利用できます"),
        ("online", "オンライン", "家から電話・チャット・LINE・ビデオなどで使えます"),
    ]

    var marks: [Mark] {
        var ids: [String] = []
        if entry.isFree { ids.append("free") }
        if entry.reservation == .notRequired { ids.append("walk-in") }
        if entry.anonymous == true { ids.append("anonymous") }
        if entry.isWomenOnly { ids.append("women") }
        if entry.outsideResidents == true { ids.append("outside") }
        if Self.isOnline(entry) { ids.append("online") }
        return Self.legend.filter { ids.contains($0.id) }.map { Mark(id: $0.id, label: $0.label) }
    }

    /// Online when it is an online service, or can be used by LINE, chat or video from home.
    static func isOnline(_ entry: Entry) -> Bool {
        entry.kind == .online || entry.methods.contains { [.line, .chat, .video].contains($0) }
    }

    /// `本人・家族　15歳以上　男性`
    var forText: String {
        var parts = [entry.audiences.map(\.japaneseLabel).joined(separator: "・")]
        if let ages = entry.ages { parts.append(ages.japaneseText) }
        if entry.gender == .men { parts.append("男性") }
        return parts.joined(separator: "　")
    }

    var hoursLines: [String] {
        switch entry.hours {
        case .items(let items)?: items.map(\.japaneseText)
        case .text(let text)?: [text]
        case nil: []
        }
    }

    var place: String? {
        if entry.addressUndisclosed { return "申し込みのときにお知らせします" }
        guard let address = entry.address else { return nil }
        return entry.postalCode.map { "〒\($0) \(address)" } ?? address
    }

    /// Cost and reservation when they are not already said by a mark.
    var conditions: String? {
        var parts: [String] = []
        if case .text(let text)? = entry.cost { parts.append(text) }
        if let reservation = entry.reservation, reservation != .notRequired { parts.append(reservation.japaneseLabel) }
        return parts.isEmpty ? nil : parts.joined(separator: "　")
    }

    /// How to use it and on what terms, in one row: `来所・電話　要予約　1回500円`.
    var use: String {
        let methods = entry.methods.map(\.japaneseLabel).joined(separator: "・")
        return [methods, conditions ?? ""].filter { !$0.isEmpty }.joined(separator: "　")
    }

    /// E-mail, LINE and fax on one line: the phone number stands out above them.
    var contacts: [[String: String]] {
        var contacts: [[String: String]] = []
        // Addresses may break anywhere; a number must stay whole on one line.
        if let email = entry.email { contacts.append(["label": "メール", "value": email, "class": "card-address"]) }
        if let line = entry.line { contacts.append(["label": "LINE", "value": line, "class": "card-address"]) }
        if let fax = entry.fax { contacts.append(["label": "FAX", "value": fax.display, "class": "card-number"]) }
        return contacts
    }

    /// An address as printed under a card: without `https://` (or `http://`) and a last `/`,
    /// which nobody types; the QR code holds the whole address.
    static func printedAddress(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        if text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// The QR code's alternative text: what it opens and the address, for a reader who
    /// hears the web copy instead of scanning it.
    static func qrAlt(opens what: String, url: String) -> String {
        "QRコード: \(what)を開きます（\(url)）"
    }

    /// A list item's values, with `next` when it is not the first.
    static func item(_ values: [String: String], next: Bool) -> [String: Any] {
        var item: [String: Any] = values
        if next { item["next"] = true }
        return item
    }

    var values: [String: Any] {
        var values = TemplateValues()
        values["anchor"] = "entry-\(entry.id)"
        values["name"] = entry.name
        values["notice"] = entry.notice
        values["for"] = forText
        values["operator"] = entry.operator
        values["place"] = place
        values["access"] = entry.access
        values["phones"] = entry.phones.map(\.display)
        values["contacts"] = contacts.enumerated().map { index, contact in Self.item(contact, next: index > 0) }
        values["hasContacts"] = contacts.isEmpty ? nil : true
        values["url"] = entry.url
        values["urlText"] = entry.url.map(Self.printedAddress)
        values["hours"] = hoursLines
        values["hasHours"] = hoursLines.isEmpty ? nil : true
        values["hoursNote"] = entry.hoursNote
        values["hoursNoteBeside"] = hoursNoteBeside ? true : nil
        // `next` marks what follows another on its line (a gap) or a line before it (`<br>`).
        values["hoursRows"] = hoursRows.enumerated().map { index, text in Self.item(["text": text], next: index > 0) }
        values["factRows"] = factRows.map { row in
            ["facts": row.enumerated().map { index, fact in Self.item(["label": fact.label, "text": fact.text], next: index > 0) }]
        }
        values["forBeside"] = forBesidePhone ? true : nil
        values["use"] = use
        values["useBeside"] = useBesideFor ? true : nil
        values["marks"] = marks.map { ["id": $0.id, "label": $0.label] }
        values["hasMarks"] = marks.isEmpty ? nil : true
        let body = shortener.pieces(entry.bodyText)
        values["body"] = body.shown.isEmpty ? nil : body.shown
        values["bodyMore"] = body.more.isEmpty ? nil : body.more
        values["bodyCut"] = body.more.isEmpty ? nil : true
        values["bodyWhole"] = body.whole ? true : nil
        values["verified"] = entry.verified.japaneseText
        values["qr"] = entry.url.flatMap { url in
            QRCode(text: url)?.image(alt: Self.qrAlt(opens: "\(entry.name)のウェブページ", url: url))
        }
        return values.dictionary
    }
}
