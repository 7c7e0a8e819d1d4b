import Foundation

/// One resource of the guide, read from `entries/**/<id>.md` and checked.
///
/// Its fields (`EntryFields`, read as `entry.name`) sit in one shared, copy-on-write box: an
/// entry is forty fields, and a guide's entries are copied into caches, listings, memos and
/// sorted lists; a copy now costs one reference count instead of forty, and two copies of
/// the same entry compare equal without reading their fields.
@dynamicMemberLookup
public struct Entry: Sendable, Hashable {
    @usableFromInline
    final class Box: @unchecked Sendable {
        // Changed only through `Entry`'s setter, and only while uniquely referenced.
        @usableFromInline var fields: EntryFields

        @usableFromInline init(_ fields: EntryFields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    public init(
        id: String, file: String, name: String, kana: String, kind: Kind, area: AreaReference,
        audiences: [Audience], verified: Day
    ) {
        box = Box(EntryFields(
            id: id, file: file, name: name, kana: kana, kind: kind, area: area, audiences: audiences,
            verified: verified))
    }

    /// All fields at once.
    public var fields: EntryFields { box.fields }

    @inlinable
    public subscript<Value>(dynamicMember field: KeyPath<EntryFields, Value>) -> Value {
        box.fields[keyPath: field]
    }

    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<EntryFields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: field] = newValue
        }
    }

    public static func == (lhs: Entry, rhs: Entry) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public var isWomenOnly: Bool { self.gender == .women }
    public var isFree: Bool { self.cost == .free }
}

/// The fields of an entry, as written and checked; `Entry` keeps them in shared storage.
public struct EntryFields: Sendable, Hashable {
    /// The file name without `.md`; unique in the guide.
    public var id: String
    /// Path relative to the content folder.
    public var file: String

    public var name: String
    /// Reading in kana, used for 五十音順 sorting.
    public var kana: String {
        didSet {
            kanaSortKey = Gojuon.sortKey(kana)
            kanaOrder = Gojuon.orderBytes(kanaSortKey)
        }
    }
    /// `Gojuon.sortKey(kana)`, made once: listings sort the same entries many times.
    public private(set) var kanaSortKey: String
    /// `kanaSortKey` as bytes that sort as it does (`Gojuon.orderBytes`).
    public private(set) var kanaOrder: [UInt8]
    public var kind: Kind
    public var area: AreaReference
    public var `operator`: String?
    public var operatorType: OperatorType?
    public var audiences: [Audience]
    public var ages: AgeRange?
    public var gender: Gender
    public var address: String?
    public var addressUndisclosed: Bool
    public var postalCode: String?
    public var access: String?
    public var geo: Geo?
    public var phones: [PhoneNumber]
    public var fax: PhoneNumber?
    public var email: String?
    public var url: String?
    public var line: String?
    public var hours: OpeningHours?
    public var hoursNote: String?
    public var cost: Cost?
    public var reservation: Reservation?
    public var anonymous: Bool?
    public var outsideResidents: Bool?
    public var methods: [Method]
    public var languages: [String]
    public var tags: [String]
    public var verified: Day
    public var until: Day?
    public var draft: Bool
    public var publish: Publish
    public var notice: String?
    public var verifiedBy: String?
    public var source: String?

    /// The Markdown body as written.
    public var body: String
    /// The body rendered to safe HTML.
    public var bodyHTML: String
    /// The body as plain text, for search data, summaries and print.
    public var bodyText: String

    init(
        id: String, file: String, name: String, kana: String, kind: Kind, area: AreaReference,
        audiences: [Audience], verified: Day
    ) {
        self.id = id
        self.file = file
        self.name = name
        self.kana = kana
        self.kanaSortKey = Gojuon.sortKey(kana)
        self.kanaOrder = Gojuon.orderBytes(kanaSortKey)
        self.kind = kind
        self.area = area
        self.audiences = audiences
        self.gender = .any
        self.addressUndisclosed = false
        self.phones = []
        self.methods = []
        self.languages = ["ja"]
        self.tags = []
        self.verified = verified
        self.draft = false
        self.publish = Publish()
        self.body = ""
        self.bodyHTML = ""
        self.bodyText = ""
    }

}

/// Where an entry belongs: an area of site.yml, or the whole country (online only).
public enum AreaReference: Sendable, Hashable {
    case area(String)
    case nationwide

    public var areaID: String? {
        if case .area(let id) = self { return id }
        return nil
    }
}

/// Who may see an entry: on the site, in the booklet. A small 家族会 may agree to paper only.
public struct Publish: Sendable, Hashable {
    public var web: Bool
    public var booklet: Bool

    public init(web: Bool = true, booklet: Bool = true) {
        self.web = web
        self.booklet = booklet
    }
}

/// `15-39`, `15-`, `-39` or `all`.
public struct AgeRange: Sendable, Hashable {
    public var minimum: Int?
    public var maximum: Int?

    public init(minimum: Int?, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public var isAll: Bool { minimum == nil && maximum == nil }

    /// `15〜39歳`, `15歳以上`, `39歳まで`, `年齢制限なし`.
    public var japaneseText: String {
        switch (minimum, maximum) {
        case let (min?, max?): "\(min)〜\(max)歳"
        case let (min?, nil): "\(min)歳以上"
        case let (nil, max?): "\(max)歳まで"
        case (nil, nil): "年齢制限なし"
        }
    }

    /// Whether a person of `age` is inside the range.
    public func contains(_ age: Int) -> Bool {
        (minimum.map { age >= $0 } ?? true) && (maximum.map { age <= $0 } ?? true)
    }
}

public struct Geo: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A Japanese phone number as written (normalized), and the digits to dial.
public struct PhoneNumber: Sendable, Hashable {
    /// As written after normalization, e.g. `0123-45-6789` or `#7119`.
    public var display: String
    /// For `tel:` links, e.g. `0123456789` or `%237119`.
    public var dial: String

    public init(display: String, dial: String) {
        self.display = display
        self.dial = dial
    }

    /// The `tel:` URL, with `#` percent-encoded.
    public var telURL: String {
        // Asked for on every page that shows the number; Foundation's replacing searched
        // every dial string by grapheme, while `#` is rare (short codes like `#7110`).
        guard dial.utf8.contains(UInt8(ascii: "#")) else { return "tel:" + dial }
        return "tel:" + dial.replacingOccurrences(of: "#", with: "%23")
    }
}

public enum Cost: Sendable, Hashable {
    case free
    case text(String)

    public var japaneseText: String {
        switch self {
        case .free: "無料"
        case .text(let text): text
        }
    }
}

/// Opening hours: structured items, or free text when they cannot be structured.
public enum OpeningHours: Sendable, Hashable {
    case items([HoursItem])
    case text(String)
}

/// `{days: [mon, fri], weeks: [2, 4], time: "13:00-16:00", note: …}`
public struct HoursItem: Sendable, Hashable {
    public var days: [Weekday]
    /// 第N週 (1–5); empty means every week.
    public var weeks: [Int]
    public var time: TimeRange
    public var note: String?

    public init(days: [Weekday], weeks: [Int], time: TimeRange, note: String?) {
        self.days = days
        self.weeks = weeks
        self.time = time
        self.note = note
    }

    /// `第2・第4 土 13:00〜16:00` as shown to readers.
    public var japaneseText: String {
        // Appended in place, not joined from lists: every page, print list, card and export
        // of an entry shows its hours.
        var text = ""
        for (index, week) in weeks.enumerated() {
            text += index == 0 ? "第" : "・第"
            text += String(week)
        }
        if !weeks.isEmpty { text += " " }
        for (index, day) in days.enumerated() {
            if index > 0 { text += "・" }
            text += day.japaneseLabel
        }
        text += " "
        text += time.japaneseText
        if let note { text += "（" + note + "）" }
        return text
    }
}

/// `09:00-17:00` or `24h`. Minutes from midnight; closing may be 24:00.
public enum TimeRange: Sendable, Hashable {
    case allDay
    case span(opening: Int, closing: Int)

    public var japaneseText: String {
        switch self {
        case .allDay: "24時間"
        case let .span(opening, closing):
            "\(Self.clock(opening))〜\(Self.clock(closing))"
        }
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return "\(hours):" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}

extension Entry: Identifiable {
    /// The file name without `.md`, unique in the guide: what memos and links know it by.
    public var id: String {
        get { box.fields.id }
        set { self[dynamicMember: \EntryFields.id] = newValue }
    }
}
