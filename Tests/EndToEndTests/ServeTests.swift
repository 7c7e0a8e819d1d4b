import BookmarkTesting
import Foundation
import Testing

/// `bookmark serve` as an editor uses it: start, open, edit, see the change, stop.
@Suite("bookmark serve", .serialized)
struct ServeTests {
    static let themes = CheckCommandTests.repoRoot.appendingPathComponent("themes").path
    /// The page of the fixture's one entry.
    static let entryPage = "/entries/sakura-soudan/"

    /// A guide with one entry, served on a free port; the test gets the port.
    func withServer(_ body: (FixtureGuide, RunningBookmark, Int) throws -> Void) throws {
        let guide = try FixtureGuide(files: [
            "site.yml": FixtureGuide.siteYAML,
            "entries/sakura/sakura-soudan.md": FixtureGuide.entry(["name": "ひだまり相談室"]),
        ])
        defer { guide.remove() }
        let serve = try RunningBookmark(["serve", "--port", "0", "--themes", Self.themes], in: guide.root)
        defer { serve.stop() }
        let line = try #require(serve.waitForLine(containing: "http://127.0.0.1:", timeout: 60), "no URL; stderr: \(serve.standardError)")
        let port = try #require(line.firstMatch(of: /^http:\/\/127\.0\.0\.1:(\d+)\/$/).flatMap { Int($0.1) }, "URL line: \(line)")
        try body(guide, serve, port)
    }

    @Test func servesRebuildsOnEditAndStopsOnCtrlC() throws {
        try withServer { guide, serve, port in
            let first = try LoopbackHTTP.get("/", port: port)
            #expect(first.status == 200)
            #expect(first.headers["content-type"] == "text/html; charset=utf-8")
            #expect(first.body.contains("<script src=\"/__bookmark/reload.js?v="), "the reload script is injected")
            #expect(try LoopbackHTTP.get(Self.entryPage, port: port).body.contains("ひだまり相談室"))

            let edited = Date()
            try guide.write("entries/sakura/sakura-soudan.md", FixtureGuide.entry(["name": "こもれび相談室"]))
            var seen: Date?
            while Date().timeIntervalSince(edited) < 5 {
                if try LoopbackHTTP.get(Self.entryPage, port: port).body.contains("こもれび相談室") {
                    seen = Date()
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let latency = try #require(seen.map { $0.timeIntervalSince(edited) }, "the edit did not show within 5 s")
            print("serve: edit visible after \(String(format: "%.2f", latency)) s")

            let stopping = Date()
            serve.signal(SIGINT)
            let status = serve.waitForExit(timeout: 3)
            #expect(status == 0, "stderr: \(serve.standardError)")
            print("serve: stopped \(String(format: "%.2f", Date().timeIntervalSince(stopping))) s after SIGINT")
            #expect(!LoopbackHTTP.canConnect(host: "127.0.0.1", port: port))
        }
    }

    @Test func listensOnLoopbackOnlyAndStopsOnSIGTERM() throws {
        try withServer { _, serve, port in
            #expect(LoopbackHTTP.canConnect(host: "127.0.0.1", port: port))
            // Bound to 127.0.0.1, not 0.0.0.0: on Linux 127.0.0.2 also reaches this host, but not this socket.
            #expect(!LoopbackHTTP.canConnect(host: "127.0.0.2", port: port))
            if let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) {
                let portHex = String(format: "%04X", port)
                #expect(Self.listeningAddresses(in: table, portHex: portHex) == ["0100007F:" + portHex])
            }
            serve.signal(SIGTERM)
            #expect(serve.waitForExit(timeout: 3) == 0)
        }
    }

    /// The local addresses of sockets listening on a port, from /proc/net/tcp (`0100007F:1F90`; state `0A` is LISTEN).
    static func listeningAddresses(in table: String, portHex: String) -> [String] {
        var addresses: [String] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 3, fields[3] == "0A", fields[1].hasSuffix(":" + portHex) else { continue }
            addresses.append(String(fields[1]))
        }
        return addresses
    }

    @Test func servesFilesAndRefusesPathsOutsideTheSite() throws {
        try withServer { _, _, port in
            let css = try LoopbackHTTP.get("/assets/css/site.css", port: port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("__bookmark"), "only HTML gets the script")

            let missing = try LoopbackHTTP.get("/no-such-page/", port: port)
            #expect(missing.status == 404)
            #expect(missing.body.contains("/__bookmark/reload.js"))

            for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc/passwd", "/%00"] {
                let response = try LoopbackHTTP.get(path, port: port)
                #expect([400, 403, 404].contains(response.status), "\(path) → \(response.status)")
                #expect(!response.body.contains("root:"), "\(path) leaked a file")
            }

            let script = try LoopbackHTTP.get("/__bookmark/reload.js", port: port)
            #expect(script.status == 200)
            #expect(script.body.contains("EventSource"))
            #expect(!script.body.contains("innerHTML"), "messages are shown as text only")
        }
    }

    /// inotify names a new folder, not the files an editor then puts in it; they are seen too,
    /// and so is a removal.
    @Test func seesEntriesInANewFolderAndRemovedEntries() throws {
        try withServer { guide, serve, port in
            try guide.write("entries/kaede/new/kaede-ibasho.md", FixtureGuide.entry([
                "name": "かえで 居場所", "kana": "かえでいばしょ", "kind": "ibasho", "area": "kaede",
            ]))
            #expect(Self.waitUntil { try LoopbackHTTP.get("/entries/kaede-ibasho/", port: port).status == 200 },
                    "stderr: \(serve.standardError)")
            try FileManager.default.removeItem(at: guide.content.appendingPathComponent("entries/kaede"))
            #expect(Self.waitUntil { try LoopbackHTTP.get("/entries/kaede-ibasho/", port: port).status == 404 },
                    "stderr: \(serve.standardError)")
            #expect(try LoopbackHTTP.get(Self.entryPage, port: port).status == 200)
        }
    }

    /// Editors save through a temporary file renamed over the entry (as `sed -i` does); a
    /// file that is not an entry beside it changes nothing, and the edit still shows.
    @Test func seesEditsSavedThroughATemporaryFile() throws {
        try withServer { guide, serve, port in
            try guide.write("entries/sakura/notes.txt", "メモ")
            try guide.write("entries/sakura/sakura-soudan.md.tmp", FixtureGuide.entry(["name": "こもれび相談室"]))
            try FileManager.default.removeItem(at: guide.content.appendingPathComponent("entries/sakura/sakura-soudan.md"))
            try FileManager.default.moveItem(at: guide.content.appendingPathComponent("entries/sakura/sakura-soudan.md.tmp"),
                                             to: guide.content.appendingPathComponent("entries/sakura/sakura-soudan.md"))
            #expect(Self.waitUntil { try LoopbackHTTP.get(Self.entryPage, port: port).body.contains("こもれび相談室") },
                    "stderr: \(serve.standardError)")
            try FileManager.default.removeItem(at: guide.content.appendingPathComponent("entries/sakura/notes.txt"))
            try guide.write("entries/sakura/sakura-soudan.md", FixtureGuide.entry(["name": "ひだまり相談室"]))
            #expect(Self.waitUntil { try LoopbackHTTP.get(Self.entryPage, port: port).body.contains("ひだまり相談室") },
                    "stderr: \(serve.standardError)")
        }
    }

    /// A template the guide adds or changes shows at once: the theme kept between edits of
    /// entries is loaded again.
    @Test func seesTemplateChanges() throws {
        try withServer { guide, serve, port in
            try guide.write("entries/sakura/sakura-soudan.md", FixtureGuide.entry(["name": "こもれび相談室"]))
            #expect(Self.waitUntil { try LoopbackHTTP.get(Self.entryPage, port: port).body.contains("こもれび相談室") })
            try guide.write("templates/robots.mustache", "User-agent: *\nDisallow: /preview-test/\n")
            #expect(Self.waitUntil { try LoopbackHTTP.get("/robots.txt", port: port).body.contains("/preview-test/") },
                    "stderr: \(serve.standardError)")
        }
    }

    /// Whether `condition` holds within 5 seconds.
    static func waitUntil(_ condition: () throws -> Bool) -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < 5 {
            if (try? condition()) == true { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test func keepsTheLastGoodSiteAndReportsErrorsToThePage() throws {
        try withServer { guide, serve, port in
            try guide.write("entries/sakura/sakura-soudan.md", FixtureGuide.entry(["name": "こわれた相談室", "phone": "0123-45-678"]))
            let events = try LoopbackHTTP.events(ReloadPaths.events, port: port, timeout: 5) { $0.contains("event: problems") }
            #expect(events.contains("event: problems"), "events: \(events)")
            #expect(events.contains("\"code\":\"phone-invalid\""))
            #expect(events.contains("entries/sakura/sakura-soudan.md:8:8"))
            #expect(serve.waitForOutput(containing: "エラー[phone-invalid]", timeout: 2), "the terminal shows the error too")

            let page = try LoopbackHTTP.get(Self.entryPage, port: port)
            #expect(page.status == 200)
            #expect(page.body.contains("ひだまり相談室"), "the last good site is still served")
            #expect(!page.body.contains("こわれた相談室"))

            try guide.write("entries/sakura/sakura-soudan.md", FixtureGuide.entry(["name": "なおった相談室"]))
            // A page that connects first hears of the problems, then of the good build that fixes them.
            let fixed = try LoopbackHTTP.events(ReloadPaths.events, port: port, timeout: 5) { $0.contains("event: build") }
            #expect(fixed.contains("event: build"), "events: \(fixed)")
        }
    }
}

/// The paths the reload script uses; the tests read them as a browser would.
enum ReloadPaths {
    static let events = "/__bookmark/events"
}
