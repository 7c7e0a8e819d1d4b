import Foundation

/// The same entries as a Hugo site with minimal single and list templates, for comparison.
struct HugoCorpus {
    let guide: SyntheticGuide

    func write(to folder: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        let entries = folder.appendingPathComponent("content/entries")
        try fm.createDirectory(at: entries, withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
        try """
            baseURL = "https://example.org/bench/"
            languageCode = "ja"
            title = "全国合成ガイド"
            disableKinds = ["taxonomy", "term", "RSS"]
            """.write(to: folder.appendingPathComponent("hugo.toml"), atomically: false, encoding: .utf8)
        try """
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><main><h1>{{ .Title }}</h1><dl><dt>種類</dt><dd>{{ .Params.kind }}</dd><dt>電話</dt>
            <dd><a href="tel:{{ .Params.phone }}">{{ .Params.phone }}</a></dd><dt>住所</dt><dd>{{ .Params.address }}</dd></dl>
            {{ .Content }}</main></body></html>
            """.write(to: folder.appendingPathComponent("layouts/_default/single.html"), atomically: false, encoding: .utf8)
        try """
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
            """.write(to: folder.appendingPathComponent("layouts/_default/list.html"), atomically: false, encoding: .utf8)
        for i in 0..<guide.count {
            // Hugo reads `url` as the page's own address: call it `website` there.
            let text = guide.entry(i).replacingOccurrences(of: "name: ", with: "title: ")
                .replacingOccurrences(of: "\nurl: ", with: "\nwebsite: ")
            try text.write(to: entries.appendingPathComponent("entry-\(i).md"), atomically: false, encoding: .utf8)
        }
    }
}
