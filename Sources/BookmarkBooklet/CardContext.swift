import BookmarkTemplates
import BookmarkModel

/// The template values of one entry card (`print/card.mustache`).
///
/// Values are left out when there is nothing to say, so `{{#access}}…{{/access}}` closes.
struct CardContext {
    let entry: Entry
    let shortener: BodyShortener

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
        values["contacts"] = contacts
        values["hasContacts"] = contacts.isEmpty ? nil : true
        values["url"] = entry.url
        values["hours"] = hoursLines
        values["hasHours"] = hoursLines.isEmpty ? nil : true
        values["hoursNote"] = entry.hoursNote
        values["use"] = use
        values["marks"] = marks.map { ["id": $0.id, "label": $0.label] }
        values["hasMarks"] = marks.isEmpty ? nil : true
        values["body"] = shortener.shorten(entry.bodyText)
        values["verified"] = entry.verified.japaneseText
        values["qr"] = entry.url.flatMap { QRCode(text: $0)?.svg(label: "\(entry.name)のウェブページ") }
        return values.dictionary
    }
}
