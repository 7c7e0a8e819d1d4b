import Foundation

/// Writes a large, realistic guide: many areas, every field, Japanese bodies of a few
/// paragraphs. The same `count` always gives the same files.
struct SyntheticGuide {
    let count: Int
    let areaCount: Int

    /// `areas` gives the national shape (about 1,700 municipalities in 47 prefectures);
    /// without it, one area per 50 entries, at most 200, all in one prefecture.
    init(count: Int, areas: Int? = nil) {
        self.count = count
        self.areaCount = max(3, areas ?? min(200, count / 50))
    }

    /// Areas are spread over 47 prefectures when there are more than 200 of them.
    func prefecture(_ area: Int) -> String {
        areaCount > 200 ? "架空\(area % 47)県" : "架空県"
    }

    static let syllables = Array("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ")
    static let sentences = [
        "ひきこもりの状態にあるご本人やご家族からの相談を、電話や来所で受け付けています。",
        "相談は無料で、秘密は守られます。話がまとまっていなくても大丈夫です。",
        "同じような経験をした人たちが集まり、お茶を飲みながらゆっくり過ごしています。",
        "何もしなくても、ただその場にいるだけで構いません。途中で帰っても大丈夫です。",
        "ご家族だけの相談も歓迎しています。まずはお電話でお気軽にお問い合わせください。",
        "必要に応じて、就労や生活、医療などの専門機関と一緒に考えていきます。",
        "オンラインでの参加もできます。カメラやマイクはオフのままでも参加できます。",
        "初めての方には、スタッフが会場の入口でお待ちしています。",
    ]

    func reading(_ n: Int) -> String {
        var x = n &* 2_654_435_761 &+ 12345
        var text = ""
        for _ in 0..<6 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(Self.syllables[Int(UInt(bitPattern: x) >> 33) % Self.syllables.count])
        }
        return text
    }

    func siteYAML() -> String {
        var lines = ["title: 全国合成ガイド", "base_url: https://example.org/bench/", "areas:"]
        for a in 0..<areaCount {
            lines += [
                "  - id: area-\(a)", "    name: 合成市\(a)", "    kana: ごうせいし\(a)", "    prefecture: \(prefecture(a))",
                "    neighbors: [area-\((a + 1) % areaCount), area-\((a + areaCount - 1) % areaCount)]",
            ]
        }
        lines += ["editions:", "  - id: e0", "    areas: [area-0]", "    paper: A6", "    issued: 2026-04-01"]
        return lines.joined(separator: "\n") + "\n"
    }

    struct Fields {
        var name: String
        var kana: String
        var kind: String
        var area: String
        var body: String
    }

    func fields(_ i: Int) -> Fields {
        let kind = ["consultation", "ibasho", "online"][i % 3]
        let area = kind == "online" && i % 7 == 0 ? "nationwide" : "area-\(i % areaCount)"
        let name = ["ひきこもり相談窓口", "居場所カフェ", "オンライン当事者会"][i % 3] + " \(i)号"
        let body = (0..<4).map { p in
            (0..<3).map { Self.sentences[(i + p * 3 + $0) % Self.sentences.count] }.joined()
        }.joined(separator: "\n\n")
        return Fields(name: name, kana: reading(i) + " \(i)", kind: kind, area: area, body: body)
    }

    func entry(_ i: Int) -> String {
        let f = fields(i)
        let place = f.kind == "online" ? "" : """
            address: 架空県合成市中央\(i % 9 + 1)-\(i % 20 + 1)-\(i % 30 + 1)
            postal_code: 〒999-\(String(format: "%04d", i % 10000))
            access: 合成駅から徒歩\(i % 15 + 1)分
            geo: {lat: 35.\(i % 1000), lon: 139.\(i % 1000)}

            """
        return """
            ---
            name: \(f.name)
            kana: \(f.kana)
            kind: \(f.kind)
            area: \(f.area)
            operator: NPO法人 合成の会 \(i % 97)
            operator_type: npo
            for: [person, family]
            ages: \(i % 2 == 0 ? "15-39" : "all")
            gender: \(i % 11 == 0 ? "women" : "any")
            \(place)phone: 0999-\(String(format: "%02d", i % 100))-\(String(format: "%04d", i % 10000))
            email: info\(i)@example.org
            url: https://example.org/bench/\(i)
            hours:
              - days: [mon, wed, fri]
                time: "10:00-16:00"
              - days: [sat]
                weeks: [2, 4]
                time: "13:00-16:00"
                note: 家族の日
            hours_note: 祝日・年末年始を除く
            cost: \(i % 5 == 0 ? "1回300円（お茶代）" : "free")
            reservation: \(["required", "recommended", "not_required"][i % 3])
            anonymous: \(i % 2 == 0)
            outside_residents: true
            methods: [visit, phone, email]
            tags: [就労, 家族相談, 居場所]
            verified: 2026-0\(i % 9 + 1)-01
            ---
            \(f.body)

            """
    }

    /// Writes `content/` under `folder`.
    func write(to folder: URL) throws {
        let fm = FileManager.default
        let content = folder.appendingPathComponent("content")
        try? fm.removeItem(at: content)
        try fm.createDirectory(at: content.appendingPathComponent("entries"), withIntermediateDirectories: true)
        try siteYAML().write(to: content.appendingPathComponent("site.yml"), atomically: false, encoding: .utf8)
        for a in 0..<areaCount {
            try fm.createDirectory(at: content.appendingPathComponent("entries/area-\(a)"), withIntermediateDirectories: true)
        }
        for i in 0..<count {
            let path = "entries/area-\(i % areaCount)/entry-\(i).md"
            try entry(i).write(to: content.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }
    }
}
