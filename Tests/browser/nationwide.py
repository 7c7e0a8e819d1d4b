"""Search quality on a guide shaped like the real nationwide programmes.

Sixteen entries shaped like the nationwide services a guide lists (short numbers #7119, 188
and 189, free dials, LINE, chat, mail, letters, online family meetings), each with only the
fields it needs, so what a reader sees on it is known exactly. A fixed set of realistic
queries is typed into the real search page in Chromium, and each query's results are
compared with an oracle: the entries whose visible text and facts (電話 for a phone number,
メール, LINE, チャット, 24時間, 無料, 匿名, 予約不要, the kind and area names) hold every word of
the query, as plain substrings after folding. Nothing missed, nothing extra; and for the
queries that are a name, that entry comes first.
"""

import os
import subprocess
import unicodedata

# id, name, kana, fields (YAML lines), body, facts a reader sees (beyond name/kana/body/kind/area)
ENTRIES = [
    ("kyukyu-7119", "救急安心センター（#7119）", "きゅうきゅうあんしんせんたー",
     ['phone: "#7119"', "hours: [{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]", "cost: free",
      "for: [anyone]"],
     "急な病気やけがで、救急車を呼ぶか迷ったときの窓口です。看護師が答えます。",
     ["電話", "24時間", "無料"]),
    ("shohisha-188", "消費者ホットライン", "しょうひしゃほっとらいん",
     ['phone: "188"', "for: [anyone]"],
     "契約や悪質商法のトラブルを、近くの消費生活センターの相談窓口につなぎます。",
     ["電話"]),
    ("jido-189", "児童相談所虐待対応ダイヤル「189」", "じどうそうだんじょぎゃくたいたいおうだいやる",
     ['phone: "189"', "hours: [{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]", "cost: free",
      "anonymous: true", "for: [anyone]"],
     "虐待かもしれないと思ったら、ためらわずに知らせてください。知らせた人の秘密は守られます。",
     ["電話", "24時間", "無料", "匿名"]),
    ("yorisoi", "よりそいホットライン", "よりそいほっとらいん",
     ["phone: 0120-279-338", "hours: [{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]", "cost: free",
      "anonymous: true", "methods: [phone, chat]", "for: [anyone]"],
     "どんなひとの、どんな悩みにもよりそって、一緒に解決する方法を探します。",
     ["電話", "24時間", "無料", "匿名", "チャット"]),
    ("kokoro-dial", "こころの健康相談統一ダイヤル", "こころのけんこうそうだんとういつだいやる",
     ["phone: 0570-064-556", "cost: 通話料がかかります", "for: [person, family]"],
     "電話をかけた所在地の都道府県・政令指定都市が実施している相談窓口につながります。",
     ["電話", "通話料がかかります"]),
    ("anata-ibasho", "あなたのいばしょチャット相談", "あなたのいばしょちゃっとそうだん",
     ["url: https://example.org/anata", "methods: [chat]",
      "hours: [{days: [mon, tue, wed, thu, fri, sat, sun], time: 24h}]", "cost: free", "anonymous: true",
      "for: [person]"],
     "年齢や性別を問わず、だれでも無償で使えるチャット窓口です。名前を言わずに話せます。",
     ["チャット", "24時間", "無料", "匿名"]),
    ("ikizurabit", "生きづらびっと", "いきづらびっと",
     ['line: "@ikizurabit-example"', "methods: [line]", "cost: free", "anonymous: true", "for: [person]"],
     "生きづらさを感じている人の話を、友だち登録して聞きます。",
     ["LINE", "無料", "匿名"]),
    ("kazokukai-reikai", "ひきこもり家族会 オンライン例会", "ひきこもりかぞくかい おんらいんれいかい",
     ["url: https://example.org/reikai", "methods: [video]", "reservation: required", "for: [family]"],
     "家族会の月例会を、ビデオ通話で開いています。同じ立場の家族と話せます。",
     ["ビデオ通話"]),
    ("kazoku-denwa", "ひきこもり家族電話相談", "ひきこもりかぞくでんわそうだん",
     ["phone: 0120-000-111", "reservation: not_required", "for: [family]"],
     "ひきこもりの状態にある方のご家族から、電話で話を聞きます。予約はいりません。",
     ["電話", "予約不要"]),
    ("tojisha-mail", "当事者によるメール相談", "とうじしゃによるめーるそうだん",
     ["email: mail@example.org", "methods: [email]", "cost: free", "anonymous: true", "for: [person]"],
     "経験者が、あなたのペースでやりとりします。返事は三日以内にします。",
     ["メール", "無料", "匿名"]),
    ("childline", "チャイルドライン", "ちゃいるどらいん",
     ["phone: 0120-99-7777", "methods: [phone, chat]", "cost: free", "anonymous: true", "ages: -18",
      "for: [person]"],
     "18歳までの子どもがかける、子ども専用の窓口です。",
     ["電話", "チャット", "無料", "匿名"]),
    ("josei-jinken", "女性の人権ホットライン", "じょせいのじんけんほっとらいん",
     ["phone: 0570-070-810", "gender: women", "for: [person]"],
     "家庭内の暴力やセクハラなど、女性の人権問題を受け付けます。",
     ["電話", "女性限定"]),
    ("judai-mail", "10代のためのメール・チャット相談", "じゅうだいのためのめーるちゃっとそうだん",
     ["email: teen@example.org", "methods: [email, chat]", "ages: 10-19", "for: [person]"],
     "学校や家のことを、文字で相談できます。",
     ["メール", "チャット"]),
    ("kokoro-mimi", "働く人の「こころの耳」電話相談", "はたらくひとのこころのみみでんわそうだん",
     ["phone: 0120-565-455", "cost: free", "reservation: not_required", "for: [person]"],
     "仕事の悩みや職場の人間関係について、産業カウンセラーが話を聞きます。",
     ["電話", "無料", "予約不要"]),
    ("tegami", "手紙でつながる相談室", "てがみでつながるそうだんしつ",
     ["url: https://example.org/tegami", "methods: [letter]", "for: [person, family]"],
     "外に出るのがつらいときも、ゆっくり書いて送ってください。必ず返事を書きます。",
     ["手紙"]),
    ("yururiba", "オンライン居場所「ゆるりば」", "おんらいんいばしょゆるりば",
     ["url: https://example.org/yururiba", "methods: [video, chat]", "reservation: not_required", "cost: free",
      "for: [person]"],
     "顔を出さずに参加できる、夜のオンラインの集まりです。聞いているだけでもかまいません。",
     ["ビデオ通話", "チャット", "予約不要", "無料"]),
]

AUDIENCE = {"person": "本人", "family": "家族", "supporter": "支援者", "anyone": "どなたでも"}

# Query, the words an entry must hold (as a reader means them), and the entry (or entries, in
# any order) that must come first: names holding the words.
QUERIES = [
    ("電話", ["電話"], None),
    ("24時間", ["24時間"], None),
    ("無料", ["無料"], None),
    ("匿名", ["匿名"], None),
    ("予約不要", ["予約不要"], None),
    ("LINE", ["line"], "生きづらびっと"),
    ("チャット", ["チャット"], "あなたのいばしょチャット相談"),
    ("メール", ["メール"], None),
    ("電話相談", ["電話", "相談"], ["ひきこもり家族電話相談", "働く人の「こころの耳」電話相談"]),
    ("電話 相談", ["電話", "相談"], ["ひきこもり家族電話相談", "働く人の「こころの耳」電話相談"]),
    ("家族会オンライン", ["家族会", "オンライン"], "ひきこもり家族会 オンライン例会"),
    ("ソウダン", ["そうだん"], None),
    ("ｿｳﾀﾞﾝ", ["そうだん"], None),
    ("都内", ["都内"], None),
    ("チャイルドライン", ["チャイルドライン"], "チャイルドライン"),
    ("こころ", ["こころ"], None),
    ("手紙", ["手紙"], "手紙でつながる相談室"),
    ("#7119", ["7119"], None),
    ("0120", ["0120"], None),
]


def fold(text):
    out = []
    for ch in unicodedata.normalize("NFKC", text).lower():
        code = ord(ch)
        out.append(chr(code - 0x60) if 0x30A1 <= code <= 0x30F6 or code in (0x30FD, 0x30FE) else ch)
    return "".join(out)


def visible_text(entry):
    _id, name, kana, fields, body, facts = entry
    audiences = next(line for line in fields if line.startswith("for:"))[len("for: ["):-1].split(", ")
    methods = {"phone": "電話", "email": "メール", "line": "LINE", "chat": "チャット", "video": "ビデオ通話",
               "letter": "手紙"}
    method_words = []
    for line in fields:
        if line.startswith("methods:"):
            method_words = [methods[m] for m in line[len("methods: ["):-1].split(", ")]
    phones = [line.split(": ", 1)[1].strip('"') for line in fields if line.startswith("phone:")]
    parts = [name, kana, body, "オンライン", "全国", "日本語"] + [AUDIENCE[a] for a in audiences] + method_words + facts + phones
    return fold("\n".join(parts))


def expected(words):
    return sorted(entry[1] for entry in ENTRIES if all(fold(word) in visible_text(entry) for word in words))


def build(binary, folder, themes):
    content = os.path.join(folder, "content")
    os.makedirs(os.path.join(content, "entries", "nationwide"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: 全国の窓口\nbase_url: https://example.org/zenkoku/\nareas:\n"
                     "  - id: sakura\n    name: さくら市\n    kana: さくらし\n")
    for entry_id, name, kana, fields, body, _facts in ENTRIES:
        lines = [f"name: {name}", f"kana: {kana}", "kind: online", "area: nationwide", "verified: 2026-06-01"] + fields
        if not any(line.startswith("reservation:") for line in fields):
            lines.append("reservation: recommended")
        with open(os.path.join(content, "entries", "nationwide", entry_id + ".md"), "w", encoding="utf-8") as handle:
            handle.write("---\n" + "\n".join(lines) + "\n---\n" + body + "\n")
    output = os.path.join(folder, "bookmark")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795402800")
    subprocess.run([binary, "build", "--content", content, "--output", output, "--themes", themes],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return output


def check(results, driver, base, search):
    for query, words, first in QUERIES:
        names = search(driver, base, {"q": query})
        want = expected(words)
        missed = sorted(set(want) - set(names))
        noise = sorted(set(names) - set(want))
        results.check(f"nationwide: {query} finds exactly the entries holding {'・'.join(words)} ({len(want)})",
                      not missed and not noise and len(names) == len(set(names)),
                      f"missed {missed}, noise {noise}")
        if first:
            firsts = first if isinstance(first, list) else [first]
            results.check(f"nationwide: {query} ranks {' / '.join(firsts)} first",
                          sorted(names[:len(firsts)]) == sorted(firsts), str(names[:3]))
    # Without Intl.Segmenter, words typed together are split by script (and four-kanji
    # compounds in halves): the same results.
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete Intl.Segmenter;"})
    try:
        for query, words, _first in QUERIES:
            if query not in ("電話相談", "家族会オンライン", "チャイルドライン"):
                continue
            names = search(driver, base, {"q": query})
            results.check(f"nationwide without Intl.Segmenter: {query} finds the same",
                          sorted(names) == expected(words), str(names))
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
