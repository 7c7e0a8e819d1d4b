/// A closed set of values that editors may write either as the id or as its Japanese label.
///
/// `kind: ibasho` and `kind: 居場所` mean the same.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    /// The label printed on the site and in the booklet, also accepted in content.
    var japaneseLabel: String { get }
    /// Further spellings editors write that mean the same (e.g. `祝日` for `祝`).
    var otherSpellings: [String] { get }
    /// Reads a value written as the id or the Japanese label.
    init?(written: String)
}

extension Vocabulary {
    public var otherSpellings: [String] { [] }

    /// Reads a value written as the id or the Japanese label (case-insensitive for ids).
    public init?(written: String) {
        let lowered = written.lowercased()
        for value in Self.allCases
        where value.rawValue == lowered || value.japaneseLabel == written
            || value.otherSpellings.contains(written)
        {
            self = value
            return
        }
        return nil
    }

    /// Every accepted spelling, for did-you-mean hints.
    public static var allSpellings: [String] {
        allCases.flatMap { [$0.rawValue, $0.japaneseLabel] }
    }

    /// `consultation`/相談窓口, … as shown in messages.
    public static var listForMessages: String {
        allCases.map { "\($0.rawValue)（\($0.japaneseLabel)）" }.joined(separator: "、")
    }
}

/// What a resource is.
public enum Kind: String, Vocabulary {
    case consultation, ibasho, online

    public var japaneseLabel: String {
        switch self {
        case .consultation: "相談窓口"
        case .ibasho: "居場所"
        case .online: "オンライン"
        }
    }
}

/// Who a resource is for.
public enum Audience: String, Vocabulary {
    case person, family, supporter, anyone

    public var japaneseLabel: String {
        switch self {
        case .person: "本人"
        case .family: "家族"
        case .supporter: "支援者"
        case .anyone: "どなたでも"
        }
    }
}

public enum Gender: String, Vocabulary {
    case any, women, men

    public var japaneseLabel: String {
        switch self {
        case .any: "どなたでも"
        case .women: "女性"
        case .men: "男性"
        }
    }
    public var otherSpellings: [String] {
        switch self {
        case .any: []
        case .women: ["女性限定"]
        case .men: ["男性限定"]
        }
    }
}

public enum OperatorType: String, Vocabulary {
    case municipality, prefecture, socialWelfareCouncil = "social_welfare_council", npo
    case familyGroup = "family_group", peerGroup = "peer_group", medical, other

    public var japaneseLabel: String {
        switch self {
        case .municipality: "市区町村"
        case .prefecture: "都道府県"
        case .socialWelfareCouncil: "社会福祉協議会"
        case .npo: "NPO"
        case .familyGroup: "家族会"
        case .peerGroup: "当事者会"
        case .medical: "医療機関"
        case .other: "その他"
        }
    }
    public var otherSpellings: [String] { self == .npo ? ["npo", "ＮＰＯ"] : [] }
}

public enum Reservation: String, Vocabulary {
    case required, recommended, notRequired = "not_required"

    public var japaneseLabel: String {
        switch self {
        case .required: "要予約"
        case .recommended: "予約優先"
        case .notRequired: "予約不要"
        }
    }
}

/// How a person can get in touch or take part.
public enum Method: String, Vocabulary {
    case visit, phone, email, line, chat, video, letter
    case homeVisit = "home_visit"

    public var japaneseLabel: String {
        switch self {
        case .visit: "来所"
        case .phone: "電話"
        case .email: "メール"
        case .line: "LINE"
        case .chat: "チャット"
        case .video: "ビデオ通話"
        case .letter: "手紙"
        case .homeVisit: "訪問"
        }
    }
}

public enum Weekday: String, Vocabulary, Comparable {
    case mon, tue, wed, thu, fri, sat, sun, holiday

    public var japaneseLabel: String {
        switch self {
        case .mon: "月"
        case .tue: "火"
        case .wed: "水"
        case .thu: "木"
        case .fri: "金"
        case .sat: "土"
        case .sun: "日"
        case .holiday: "祝"
        }
    }
    public var otherSpellings: [String] {
        switch self {
        case .holiday: ["祝日"]
        default: [japaneseLabel + "曜", japaneseLabel + "曜日"]
        }
    }

    /// As `Vocabulary`'s, with the ids looked up first: the shared reading builds the
    /// spellings `月曜`, `月曜日`, … of every day before the one written, and days are read
    /// for every item of `hours`. Only text that lower-cases to an ASCII id can match an id,
    /// and such text is never one of the kanji labels or spellings, so the answer is the same.
    public init?(written: String) {
        if let day = Weekday(rawValue: written.lowercased()) {
            self = day
            return
        }
        for value in Self.allCases where value.japaneseLabel == written || value.otherSpellings.contains(written) {
            self = value
            return
        }
        return nil
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Finished size of a printed booklet.
public enum Paper: String, Vocabulary {
    case a6 = "A6", b6 = "B6", a5 = "A5", a4 = "A4"

    public var japaneseLabel: String {
        switch self {
        case .a6: "A6判"
        case .b6: "B6判"
        case .a5: "A5判"
        case .a4: "A4判"
        }
    }
    /// Width and height in millimetres. B6 is Japanese JIS B6, not ISO B6.
    public var millimetres: (width: Int, height: Int) {
        switch self {
        case .a6: (105, 148)
        case .b6: (128, 182)
        case .a5: (148, 210)
        case .a4: (210, 297)
        }
    }

    /// The id rawValue is upper case; accept `a6` as well.
    public init?(written: String) {
        let upper = written.uppercased()
        guard let match = Self.allCases.first(where: {
            $0.rawValue == upper || $0.japaneseLabel == written
        }) else { return nil }
        self = match
    }
}
