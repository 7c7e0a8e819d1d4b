import BookmarkLoader
import BookmarkModel

/// Field-by-field reading of an entry's front matter, every rule of the spec in order.
enum EntryBuilder {
    static func build(id: String, file: String, reader r: inout FieldReader, context: ValidationContext) -> Entry? {
        let name = r.text("name", "名前", required: true, maxLength: 120)
        let kana = readKana(&r)
        let kind = r.vocabulary("kind", "種類", as: Kind.self, required: true)
        let area = readArea(&r, kind: kind, context: context)
        let audiences = r.vocabularyList("for", "対象", as: Audience.self, required: true)
        let verified = readVerified(&r, context: context)

        var partial = Entry(
            id: id, file: file, name: name ?? "", kana: kana ?? "", kind: kind ?? .consultation,
            area: area ?? .nationwide, audiences: audiences ?? [], verified: verified ?? context.today)

        partial.operator = r.text("operator", "運営")
        partial.operatorType = r.vocabulary("operator_type", "運営の種類", as: OperatorType.self)
        if let (raw, node) = r.scalar("ages", "対象年齢") {
            if let ages = ValueRules.ages(raw) {
                partial.ages = ages
            } else {
                r.report(.agesInvalid, at: node.position,
                         "ages（対象年齢）「\(raw)」が読めません。15-39、15-、-39、all のように書き、0〜120歳、下限は上限以下にします。",
                         hint: "例: ages: 15-39（15歳から39歳）")
            }
        }
        partial.gender = r.vocabulary("gender", "性別", as: Gender.self) ?? .any
        partial.addressUndisclosed = r.bool("address_undisclosed", "場所は申込時に案内") ?? false
        partial.address = r.text("address", "住所", maxLength: 200)
        if let (raw, node) = r.scalar("postal_code", "郵便番号") {
            if let code = Normalizer.postalCode(raw) {
                partial.postalCode = code
            } else {
                r.report(.postalCodeInvalid, at: node.position, "郵便番号「\(raw)」は7桁（123-4567 の形）で書きます。")
            }
        }
        partial.access = r.text("access", "アクセス", maxLength: 300)
        partial.geo = readGeo(&r)
        partial.phones = readPhones(&r)
        if let (raw, node) = r.scalar("fax", "FAX") {
            switch PhoneRules.parse(raw) {
            case .success(let number): partial.fax = number
            case .failure(let problem):
                r.report(.phoneInvalid, at: node.position, PhoneRules.message(for: problem, written: raw))
            }
        }
        if let (raw, node) = r.scalar("email", "メール") {
            let email = Normalizer.text(raw)
            if ValueRules.isEmail(email) { partial.email = email } else {
                r.report(.emailInvalid, at: node.position, "メールアドレス「\(raw)」の形が正しくありません。", hint: "例: soudan@example.org")
            }
        }
        if let (raw, node) = r.scalar("url", "ホームページ") {
            let url = Normalizer.text(raw)
            if ValueRules.isWebURL(url) { partial.url = url } else {
                r.report(.urlInvalid, at: node.position, "URL「\(raw)」は https:// か http:// で始まる完全な形で書きます。",
                         hint: "例: https://example.org/soudan")
            }
        }
        if let (raw, node) = r.scalar("line", "LINE") {
            let line = Normalizer.text(raw)
            if ValueRules.isLineID(line) { partial.line = line } else {
                r.report(.lineInvalid, at: node.position, "LINE「\(raw)」は LINE ID（@abc1234）か https:// で始まる URL で書きます。")
            }
        }
        let contactKeys = ["phone", "email", "url", "line"]
        if !contactKeys.contains(where: r.has) {
            r.report(.contactMissing, at: r.position,
                     "連絡先がありません。phone（電話）、email（メール）、url（ホームページ）、line（LINE）のどれか1つは必ず書きます。")
        }

        partial.hours = readHours(&r)
        partial.hoursNote = r.text("hours_note", "時間の補足", maxLength: 300)
        if let kind, kind != .online {
            if partial.hours == nil, !r.has("hours") {
                r.report(.hoursMissing, at: r.position, "\(kind.japaneseLabel)には hours（開いている日時）を必ず書きます。",
                         hint: "例: hours: [{days: [mon, wed], time: \"10:00-16:00\"}]")
            }
            if !partial.addressUndisclosed, !r.has("address") {
                r.report(.addressMissing, at: r.position, "\(kind.japaneseLabel)には address（住所）を必ず書きます。",
                         hint: "場所を申込時に伝える場合は address_undisclosed: true と書きます")
            }
        }

        if let (raw, _) = r.scalar("cost", "費用") {
            if ["free", "無料"].contains(Normalizer.text(raw).lowercased()) {
                partial.cost = .free
            } else if !Normalizer.display(raw).isEmpty {
                partial.cost = .text(Normalizer.display(raw))
            }
        } else if !r.has("cost") {
            r.report(.costMissing, at: r.position, "cost（費用）が書かれていません。読む人が安心できるよう、無料なら cost: free と書きましょう。")
        }
        partial.reservation = r.vocabulary("reservation", "予約", as: Reservation.self)
        if !r.has("reservation") {
            r.report(.reservationMissing, at: r.position,
                     "reservation（予約）が書かれていません。required（要予約）、recommended（予約優先）、not_required（予約不要）のどれかを書きましょう。")
        }
        partial.anonymous = r.bool("anonymous", "匿名可")
        partial.outsideResidents = r.bool("outside_residents", "市外可")
        partial.methods = r.vocabularyList("methods", "利用方法", as: Method.self) ?? []
        if let languages = r.textList("languages", "言語") {
            var tags: [String] = []
            for (tag, node) in languages {
                if ValueRules.isLanguageTag(tag) { tags.append(tag) } else {
                    r.report(.languageInvalid, at: node.position, "言語「\(tag)」は ja、en、zh-Hans のような言語タグで書きます。")
                }
            }
            if !tags.isEmpty { partial.languages = tags }
        }
        partial.tags = (r.textList("tags", "タグ", asWritten: true) ?? []).map(\.0).filter { $0.count <= 40 }
        if let (until, node) = r.day("until", "掲載期限") {
            partial.until = until
            if until < context.today {
                r.report(.untilPast, at: node.position,
                         "掲載期限（until: \(until)）を過ぎているため、サイトと冊子に載せません。",
                         hint: "続いているなら until を延ばすか消し、もう終わったならファイルを削除してください")
            }
        }
        partial.draft = r.bool("draft", "下書き") ?? false
        if var publish = r.nested("publish", allowedKeys: ["web", "booklet"], context: "publish（公開先）") {
            partial.publish = Publish(web: publish.bool("web", "サイトに載せる") ?? true,
                                      booklet: publish.bool("booklet", "冊子に載せる") ?? true)
            r.absorb(publish)
        }
        partial.notice = r.text("notice", "お知らせ", maxLength: 200)
        partial.verifiedBy = r.text("verified_by", "確認した人")
        partial.source = r.text("source", "情報源")

        guard name != nil, kana != nil, kind != nil, area != nil, audiences != nil, verified != nil else { return nil }
        return partial
    }

    private static func readKana(_ r: inout FieldReader) -> String? {
        guard let (raw, node) = r.scalar("kana", "よみがな", required: true) else { return nil }
        let kana = Normalizer.text(raw)
        if kana.isEmpty {
            r.report(.textEmpty, at: node.position, "kana（よみがな）が空です。")
            return nil
        }
        if let (offset, character) = ValueRules.firstNonKana(kana) {
            let leading = raw.prefix { $0 == " " || $0 == "\u{3000}" }.count
            r.report(.kanaInvalid, at: node.position(ofCharacter: offset + leading),
                     "kana（よみがな）に「\(character)」は使えません。ひらがな・カタカナ・ー・スペース・英数字で書きます。",
                     hint: "漢字や記号は読みをひらがなで書いてください")
            return nil
        }
        return kana
    }

    private static func readArea(_ r: inout FieldReader, kind: Kind?, context: ValidationContext) -> AreaReference? {
        guard let (raw, node) = r.scalar("area", "エリア", required: true) else { return nil }
        let id = Normalizer.text(raw)
        if id == "nationwide" || id == "全国" {
            if let kind, kind != .online {
                r.report(.nationwideNotOnline, at: node.position,
                         "area: nationwide（全国）は kind: online（オンライン）の項目だけに使えます。",
                         hint: "\(kind.japaneseLabel)なら、場所のあるエリアの id を書いてください")
                return nil
            }
            return .nationwide
        }
        guard context.areaIDs.contains(id) else {
            let known = context.areaIDs.sorted()
            r.report(.areaUnknown, at: node.position,
                     "エリア「\(id)」は site.yml の areas にありません。",
                     hint: DidYouMean.hint(for: id, among: known + ["nationwide"])
                         ?? "使えるエリア: " + (known + ["nationwide"]).joined(separator: ", "))
            return nil
        }
        return .area(id)
    }

    private static func readVerified(_ r: inout FieldReader, context: ValidationContext) -> Day? {
        guard let (day, node) = r.day("verified", "最終確認日", required: true) else { return nil }
        if day > context.today {
            r.report(.verifiedFuture, at: node.position,
                     "最終確認日（verified: \(day)）が未来の日付です。確認した日を書きます。")
            return nil
        }
        let age = context.today.daysSinceEpoch - day.daysSinceEpoch
        if age > context.staleAfterDays {
            r.report(.verifiedStale, at: node.position,
                     "最終確認日（\(day)）から\(age)日たっています。電話番号や日時が変わっていないか確かめて、verified を更新してください。")
        }
        return day
    }

    private static func readGeo(_ r: inout FieldReader) -> Geo? {
        guard var geo = r.nested("geo", allowedKeys: ["lat", "lon"], context: "geo（位置）") else { return nil }
        defer { r.absorb(geo) }
        func number(_ key: String, _ what: String) -> Double? {
            guard let (raw, node) = geo.scalar(key, what, required: true) else { return nil }
            guard let value = Double(Normalizer.text(raw)), value.isFinite else {
                geo.report(.geoInvalid, at: node.position, "geo の \(key)（\(what)）は数で書きます（「\(raw)」になっています）。")
                return nil
            }
            return value
        }
        guard let lat = number("lat", "緯度"), let lon = number("lon", "経度") else { return nil }
        if !(20...46).contains(lat) || !(122...154).contains(lon) {
            geo.report(.geoOutsideJapan, at: geo.position, "geo（位置 \(lat), \(lon)）が日本の外を指しています。緯度と経度が逆になっていませんか。")
        }
        return Geo(latitude: lat, longitude: lon)
    }

    private static func readPhones(_ r: inout FieldReader) -> [PhoneNumber] {
        guard let items = r.items("phone", "電話番号") else { return [] }
        var phones: [PhoneNumber] = []
        for item in items {
            guard let raw = item.scalar else {
                r.report(.fieldType, at: item.position, "phone（電話番号）は番号を1つずつ書きます。")
                continue
            }
            switch PhoneRules.parse(raw) {
            case .success(let number): phones.append(number)
            case .failure(let problem):
                r.report(.phoneInvalid, at: item.position, PhoneRules.message(for: problem, written: raw),
                         hint: "例: 0123-45-6789、090-1234-5678、0120-123-456、#7119")
            }
        }
        return phones
    }

    /// `第2週` → `2`. Plain ASCII (the usual `2`) holds neither 第 nor 週, so Foundation's
    /// replacing, which is slow, is skipped for it.
    private static func weekDigits(_ raw: String) -> String {
        let text = Normalizer.text(raw)
        if Normalizer.isASCII(text) { return text }
        return text.replacingOccurrences(of: "第", with: "").replacingOccurrences(of: "週", with: "")
    }

    private static func readHours(_ r: inout FieldReader) -> OpeningHours? {
        guard let node = r.node("hours") else { return nil }
        switch node.value {
        case .scalar(let raw, _):
            let text = Normalizer.display(raw)
            return text.isEmpty ? nil : .text(text)
        case .mapping:
            r.report(.fieldType, at: node.position, "hours（日時）はリストで書きます（各行を「- 」で始めます）。",
                     hint: "例: hours: [{days: [mon], time: \"10:00-16:00\"}]")
            return nil
        case .sequence(let items):
            var result: [HoursItem] = []
            for item in items {
                var h = FieldReader(item, file: r.file, allowedKeys: ["days", "weeks", "time", "note"], context: "hours の項目")
                let days = h.vocabularyList("days", "曜日", as: Weekday.self, required: true)
                var weeks: [Int] = []
                if let weekNodes = h.items("weeks", "第何週") {
                    for weekNode in weekNodes {
                        let raw = weekNode.scalar ?? ""
                        let digits = Self.weekDigits(raw)
                        if let week = Int(digits), (1...5).contains(week), !weeks.contains(week) {
                            weeks.append(week)
                        } else {
                            h.report(.weeksInvalid, at: weekNode.position, "weeks（第何週）には 1 から 5 の数を重ならないように書きます（「\(raw)」になっています）。",
                                     hint: "例: 第2・第4週なら weeks: [2, 4]")
                        }
                    }
                }
                var time: TimeRange?
                if let (raw, timeNode) = h.scalar("time", "時間", required: true) {
                    time = ValueRules.timeRange(raw)
                    if time == nil {
                        h.report(.timeInvalid, at: timeNode.position,
                                 "time（時間）「\(raw)」が読めません。\"09:00-17:00\" のように開始と終了を書き（開始が先）、終日なら 24h と書きます。",
                                 hint: "時刻は必ず \"…\" で囲みます")
                    }
                }
                let note = h.text("note", "補足", maxLength: 100)
                r.absorb(h)
                if let days, let time { result.append(HoursItem(days: days, weeks: weeks.sorted(), time: time, note: note)) }
            }
            return result.isEmpty ? nil : .items(result)
        }
    }
}
