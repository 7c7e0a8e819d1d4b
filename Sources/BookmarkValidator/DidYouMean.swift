/// Suggestions for misspelt keys and values: `もしかして: phone`.
public enum DidYouMean {
    /// Japanese words editors write as keys, and the key they mean.
    static let japaneseKeys: [String: String] = [
        "名前": "name", "名称": "name", "よみがな": "kana", "ふりがな": "kana", "読み": "kana",
        "種類": "kind", "種別": "kind", "地域": "area", "エリア": "area", "運営": "operator",
        "対象": "for", "年齢": "ages", "対象年齢": "ages", "性別": "gender", "住所": "address",
        "郵便番号": "postal_code", "アクセス": "access", "交通": "access", "電話": "phone",
        "電話番号": "phone", "メール": "email", "ホームページ": "url", "URL": "url",
        "時間": "hours", "開所時間": "hours", "受付時間": "hours", "日時": "hours",
        "費用": "cost", "料金": "cost", "予約": "reservation", "匿名": "anonymous",
        "市外": "outside_residents", "方法": "methods", "相談方法": "methods", "タグ": "tags",
        "確認日": "verified", "最終確認日": "verified", "お知らせ": "notice", "下書き": "draft",
        "phone_number": "phone", "tel": "phone", "mail": "email", "website": "url",
        "neighbours": "neighbors", "audience": "for", "age": "ages", "type": "kind",
    ]

    /// The closest candidate, if one is close enough to be what was meant.
    public static func suggestion(for written: String, among candidates: [String]) -> String? {
        if let mapped = japaneseKeys[written], candidates.contains(mapped) { return mapped }
        let lowered = written.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = levenshtein(lowered, candidate.lowercased())
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, candidate.count / 3))
        return distance <= allowed ? candidate : nil
    }

    public static func hint(for written: String, among candidates: [String]) -> String? {
        suggestion(for: written, among: candidates).map { "もしかして: \($0)" }
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 64 || b.count > 64 { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
