import BookmarkModel

/// Words the site shows to readers that the model does not hold: short explanations and the
/// plain forms used on entry pages (予約: 必要 rather than the editor's 要予約).
enum Wording {
    /// One calm sentence per kind, shown where a reader chooses a way in.
    static func description(of kind: Kind) -> String {
        switch kind {
        case .consultation: "話を聞いてもらい、一緒に考えたり、ほかの支援につないでもらったりできるところです。"
        case .ibasho: "目的がなくても、ただそこにいてよい場所や集まりです。"
        case .online: "電話、チャット、LINE、メールなど、家から使えるサービスです。"
        }
    }

    /// The heading of an audience page.
    static func title(of audience: Audience) -> String {
        switch audience {
        case .person: "ご本人の方へ"
        case .family: "ご家族の方へ"
        case .supporter: "支援者の方へ"
        case .anyone: "どなたでも"
        }
    }

    static func description(of audience: Audience) -> String {
        switch audience {
        case .person: "ご本人が使える相談先や居場所です。「どなたでも」のところも含みます。"
        case .family: "ご家族が相談したり、同じ立場の人と話したりできるところです。ご本人が来られなくても使えます。"
        case .supporter: "支援に関わる方が相談したり、情報を得たりできるところです。"
        case .anyone: "どなたでも使えるところです。"
        }
    }

    /// 予約: 必要 / 予約優先 / 不要
    static func reservation(_ reservation: Reservation) -> String {
        switch reservation {
        case .required: "必要"
        case .recommended: "予約優先"
        case .notRequired: "不要"
        }
    }

    /// Names of the languages guides list most often; other tags are shown as written.
    static func language(_ tag: String) -> String {
        switch tag.lowercased() {
        case "ja": "日本語"
        case "en": "英語"
        case "zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw": "中国語"
        case "ko": "韓国語"
        case "vi": "ベトナム語"
        case "pt", "pt-br": "ポルトガル語"
        case "es": "スペイン語"
        case "tl", "fil": "タガログ語"
        case "ne": "ネパール語"
        case "id": "インドネシア語"
        case "th": "タイ語"
        case "my": "ミャンマー語"
        case "jsl": "日本手話"
        default: tag
        }
    }
}
