/// libyaml's English problems, told in Japanese with what to do.
enum YAMLMessages {
    static func japanese(for problem: String) -> (message: String, hint: String) {
        let table: [(String, String, String)] = [
            ("mapping values are not allowed",
             "ここに「:」は書けません。値に「:」を含めるときは全体を \"…\" で囲みます。",
             "例: time: \"09:00-17:00\""),
            ("could not find expected ':'",
             "「キー: 値」の「:」が見つかりません。",
             "キーのあとに「: 」（コロンと半角スペース）を書いてください"),
            ("did not find expected key",
             "字下げ（行頭のスペース）がそろっていません。",
             "同じ階層の項目は同じ数のスペースで始めてください"),
            ("did not find expected '-' indicator",
             "リストの字下げがそろっていません。",
             "「- 」で始まる行の字下げをそろえてください"),
            ("found character that cannot start any token",
             "値の最初に使えない文字（@ や ` など）があります。",
             "値全体を \"…\" で囲んでください"),
            ("found unexpected end of stream",
             "引用符（\" や '）が閉じていません。",
             "値の終わりにも同じ引用符を書いてください"),
            ("did not find expected ',' or ']'",
             "[ ] のかっこが閉じていないか、区切りの「,」が足りません。",
             "例: for: [person, family]"),
            ("did not find expected ',' or '}'",
             "{ } のかっこが閉じていないか、区切りの「,」が足りません。",
             "例: publish: {web: true, booklet: true}"),
            ("found a tab character",
             "タブ文字は使えません。",
             "タブをスペースに置き換えてください"),
            ("found undefined alias",
             "「*」で始まる値は使えません。",
             "値全体を \"…\" で囲んでください"),
            ("found unknown escape character",
             "\"…\" の中の「\\」の使い方が正しくありません。",
             "「\\」を消すか、'…'（一重引用符）で囲んでください"),
            ("block sequence entries are not allowed",
             "ここに「- 」のリストは書けません。",
             "字下げを確かめてください"),
            ("found unexpected ':'",
             "「:」の位置が正しくありません。",
             "値に「:」を含めるときは全体を \"…\" で囲みます"),
            ("did not find the expected '>'",
             "「<」で始まる書き方は使えません。",
             "値全体を \"…\" で囲んでください"),
        ]
        for (english, message, hint) in table where problem.contains(english) {
            return (message, hint)
        }
        return ("YAML の書き方に誤りがあります（\(problem)）。", "直前の行の字下げ、「:」、引用符を確かめてください")
    }
}
