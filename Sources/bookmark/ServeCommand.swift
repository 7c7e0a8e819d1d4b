import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation

/// `bookmark serve [--port N]`: builds into a temporary folder, serves it on 127.0.0.1,
/// rebuilds when content or themes change, and reloads the open page.
///
/// Only for editing on one's own computer: it listens on the loopback address alone, so no
/// one else on the network sees drafts. When the content has errors, the terminal and an
/// overlay on the page list them, and the last good site stays served.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "サイトを作って http://127.0.0.1 で表示し、ファイルを保存するたびに作り直します。",
        discussion: "Ctrl-C で止まります。自分のコンピューターの中からだけ見られます。"
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "ポート番号。0 なら空いている番号を使います。")
    var port: Int = 8080

    /// How long after a change signal the folders are looked at: an editor's save is often a
    /// write to a temporary file and a rename, and both should be in the same rebuild.
    static let settleTime = Duration.milliseconds(5)

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port は 0 から 65535 までの番号で指定してください。")
        }
    }

    func run() async throws {
        let stop = StopSignal()
        let workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("bookmark-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }

        let builder = PreviewBuilder(options: options, siteFolder: workspace.appendingPathComponent("site"))
        // Taken before the first build, so an edit saved while it runs (or before the watcher
        // starts) is still seen as a change.
        let before = FileSnapshot(of: watchedFolders)
        let first = await builder.build(number: 1, lastGoodVersion: nil)
        let hub = EventHub(state: first)
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), timeout: 15, logger: .disabled,
            handler: PreviewHandler(siteFolder: builder.siteFolder, hub: hub))
        let serverTask = Task { try await server.run() }
        guard let boundPort = await listeningPort(of: server, task: serverTask) else {
            printMessage("ポート \(port) で待ち受けられませんでした。ほかのプログラムが使っていないか確かめるか、--port 0 で空いている番号を使ってください。")
            throw ExitCode(1)
        }
        // Written straight to the file descriptor: print() is buffered when stdout is a pipe,
        // and scripts and tests wait for this line.
        FileHandle.standardOutput.write(Data("http://127.0.0.1:\(boundPort)/\n".utf8))
        printMessage("ブラウザで開いてください。保存するたびに作り直します。Ctrl-C で止まります。")

        let signal = ChangeSignal(folders: watchedFolders)
        let watcher = Task { await watch(builder: builder, hub: hub, after: first, snapshot: before, signal: signal) }
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await hub.ping()
            }
        }

        _ = await stop.wait()
        let stopping = ContinuousClock.now
        watcher.cancel()
        signal.stop()
        heartbeat.cancel()
        await hub.finishAll()
        await stopServer(server, task: serverTask)
        printMessage("止めました（\(Self.seconds(ContinuousClock.now - stopping)) 秒）。")
    }

    /// The port the server listens on, or nil when it could not listen (the port is taken).
    private func listeningPort(of server: HTTPServer, task: Task<Void, any Error>) async -> UInt16? {
        let listening = await Race.first(
            { (try? await server.waitUntilListening(timeout: 10)) != nil },
            {
                _ = await task.result
                return false
            })
        guard listening, case .ip4(_, let port)? = await server.listeningAddress else { return nil }
        return port
    }

    /// Stops the server, giving open connections a moment; never takes more than a second or so.
    private func stopServer(_ server: HTTPServer, task: Task<Void, any Error>) async {
        await Race.first({ await server.stop(timeout: 0.5) }, { try? await Task.sleep(for: .seconds(1)) })
        task.cancel()
    }

    private var watchedFolders: [URL] { [options.contentURL, options.themesURL] }

    /// Rebuilds whenever a file under content/ or themes/ changes from `snapshot`, until cancelled.
    private func watch(
        builder: PreviewBuilder, hub: EventHub, after first: PreviewState, snapshot: FileSnapshot, signal: ChangeSignal
    ) async {
        let folders = watchedFolders
        var snapshot = snapshot
        var number = 1
        var lastGood = first.servedVersion
        while !Task.isCancelled {
            let named = await signal.next()
            try? await Task.sleep(for: Self.settleTime)
            guard !Task.isCancelled else { continue }
            var current = snapshot
            let changed: [String]
            if let named {
                changed = current.refresh(named)
            } else {
                current = FileSnapshot(of: folders)
                changed = current.changedPaths(since: snapshot)
            }
            guard !changed.isEmpty else { continue }
            snapshot = current
            number += 1
            printMessage("変更がありました。作り直します…")
            let started = ContinuousClock.now
            let state = await builder.build(number: number, lastGoodVersion: lastGood, changed: changed)
            let elapsed = ContinuousClock.now - started
            let took = Self.seconds(elapsed)
            let milliseconds = Int((elapsed / .milliseconds(1)).rounded())
            switch state {
            case .built(let version):
                lastGood = version
                printMessage("作り直しました（\(took) 秒、\(milliseconds) ms）。開いているページを読み込み直します。")
            case .failed:
                printMessage("エラーがあるため、前のサイトを表示したままにします（\(took) 秒）。")
            }
            await hub.publish(state)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
