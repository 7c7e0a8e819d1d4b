import Foundation

/// `bookmark-bench [N …] [--runs R] [--settle S] [--areas A] [--no-hugo] [--serve]`: generates synthetic guides of N
/// entries and builds each with `bookmark build --timings` and with Hugo, in two states, as
/// two rows:
///
/// - **from nothing**: no output folder, no spare, no staging folder, no Hugo `public/`, as
///   in CI's fresh clone;
/// - **into an existing output**: the output a previous build left (for bookmark its spare
///   too, as after any second build; for Hugo the `public/` of its previous run).
///
/// Both tools build the same entries in the same state, alternating (the order flips every
/// run, so the machine's drift hits both alike), R runs each. Each row gives the medians of
/// wall time, user and system CPU time and peak memory (from `wait4` of the child), and the
/// ratio of the medians. Before every timed build the disk is synced, so one build's dirty
/// pages are not written out during the next.
///
/// Before a build from nothing the previous output is removed, synced, and the benchmark
/// waits `--settle` seconds (6 unless told): ext4 without a journal (this machine's disk)
/// passes over every inode freed in the last 5 seconds (`recently_deleted` in
/// `find_inode_bit`) for each new file or folder, so a build right after `rm -rf` of its
/// previous output spends most of its time in that scan, for Hugo as for bookmark (4.3, 7.0
/// and 12.1 s for Hugo's 10,000 entries here, 2.9 s after a pause), and measures the
/// removal more than the build. CI's fresh clone has freed nothing. `--settle 0` measures a
/// build straight after the removal. With `--serve`, it then runs `bookmark serve`
/// on the guide, saves one entry five times and prints the time from each save to the
/// rebuilt preview.
@main
struct Benchmark {
    static func main() throws {
        var sizes: [Int] = []
        var runs = 3
        var withHugo = true
        var withServe = false
        var settle = 6.0
        var areas: Int?
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--runs": runs = max(1, Int(arguments.next() ?? "") ?? runs)
            case "--settle": settle = max(0, Double(arguments.next() ?? "") ?? settle)
            case "--areas": areas = Int(arguments.next() ?? "")
            case "--no-hugo": withHugo = false
            case "--serve": withServe = true
            default:
                guard let n = Int(argument.replacingOccurrences(of: ",", with: "")), n > 0 else {
                    say("usage: bookmark-bench [N …] [--runs R] [--settle S] [--areas A] [--no-hugo] [--serve]")
                    exit(2)
                }
                sizes.append(n)
            }
        }
        if sizes.isEmpty { sizes = [1000, 10000] }

        let bookmark = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("bookmark").path
        guard FileManager.default.isExecutableFile(atPath: bookmark) else {
            say("bookmark-bench: build the bookmark product first (swift build -c release)")
            exit(2)
        }
        let hugo = withHugo
            ? ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) } : nil
        if withHugo, hugo == nil { say("hugo not found (scripts/install-deps.sh --with-bench installs it): bookmark alone") }
        let themes = URL(fileURLWithPath: "themes").standardizedFileURL.path
        say("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + "\(ProcessInfo.processInfo.physicalMemory >> 30) GB; \(runs) runs per row, alternating; "
              + String(format: "%.0f s pause after removing an output; ", settle) + "load average \(loadAverage())")
        if let hugo, let version = try? ChildRun.run(hugo, ["version"], in: URL(fileURLWithPath: "/")).stdout {
            say("hugo: \(version.trimmingCharacters(in: .whitespacesAndNewlines))")
        }

        for size in sizes {
            let guide = SyntheticGuide(count: size, areas: areas)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookmark-bench-\(size)-\(guide.areaCount)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try guide.write(to: folder)
            let hugoFolder = folder.appendingPathComponent("hugo")
            if hugo != nil { try HugoCorpus(guide: guide).write(to: hugoFolder) }
            let loadBefore = loadAverage()

            let tools = [Tool.bookmark(bookmark, themes: themes, guide: folder)]
                + (hugo.map { [Tool.hugo($0, site: hugoFolder)] } ?? [])
            // The existing outputs, made once untimed: twice for bookmark, whose second build
            // leaves the spare every later build finds.
            for tool in tools {
                for _ in 0..<tool.warmUps { _ = try tool.build(.existing, settle: settle) }
            }
            var measured: [State: [String: [ChildRun]]] = [:]
            for run in 0..<runs {
                for state in State.allCases {
                    for tool in run % 2 == 0 ? tools : tools.reversed() {
                        measured[state, default: [:]][tool.name, default: []].append(try tool.build(state, settle: settle))
                    }
                }
            }
            report(size: size, areas: guide.areaCount, measured: measured, tools: tools.map(\.name),
                   load: (loadBefore, loadAverage()))
            say(ReaderMetrics.line(size: size, output: folder.appendingPathComponent(State.existing.output)))
            if withServe {
                let entry = folder.appendingPathComponent("content/entries/area-1/entry-1.md")
                let serve = try ServeRun.measure(bookmark: bookmark, themes: themes, guide: folder, entry: entry, edits: 5)
                say(String(format: "%6d entries: serve, one entry saved: %.0f ms to rebuilt (median of %d; serve's own count %.0f ms)",
                             size, median(serve.fromSave), serve.fromSave.count, median(serve.reported)))
            }
        }
    }

    /// The two states a build starts from.
    enum State: CaseIterable {
        case nothing, existing

        var title: String {
            switch self {
            case .nothing: "from nothing"
            case .existing: "into an existing output"
            }
        }

        /// Each state has an output folder of its own beside the content.
        var output: String {
            switch self {
            case .nothing: "output-from-nothing"
            case .existing: "output"
            }
        }
    }

    /// One program under test, and how it builds the guide in a state.
    struct Tool {
        let name: String
        let warmUps: Int
        let executable: String
        let folder: URL
        let arguments: (URL) -> [String]
        /// What must be gone for a build from nothing, given that state's output folder.
        let leftovers: (URL) -> [String]

        static func bookmark(_ executable: String, themes: String, guide: URL) -> Tool {
            Tool(name: "bookmark", warmUps: 2, executable: executable, folder: guide,
                 arguments: { ["build", "--timings", "--themes", themes, "--output", $0.path] },
                 leftovers: { output in
                     let parent = output.deletingLastPathComponent().path
                     let name = output.lastPathComponent
                     let siblings = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
                     return [output.path] + siblings.filter { $0.hasPrefix(".\(name).") }.map { parent + "/" + $0 }
                 })
        }

        static func hugo(_ executable: String, site: URL) -> Tool {
            Tool(name: "hugo", warmUps: 1, executable: executable, folder: site,
                 arguments: { ["--quiet", "-s", site.path, "-d", $0.path] },
                 leftovers: { [$0.path, site.appendingPathComponent("resources").path] })
        }

        func build(_ state: State, settle: Double) throws -> ChildRun {
            let output = folder.appendingPathComponent(state.output)
            if state == .nothing {
                let remove = try ChildRun.run("/bin/rm", ["-rf"] + leftovers(output), in: folder)
                guard remove.status == 0 else { throw BenchFailure("rm failed: \(remove.stderr)") }
                sync()
                Thread.sleep(forTimeInterval: settle)
            }
            sync()
            let run = try ChildRun.run(executable, arguments(output), in: folder)
            guard run.status == 0 else {
                throw BenchFailure("\(name) failed (\(run.status)):\n\(run.stderr.suffix(2000))")
            }
            return run
        }
    }

    struct BenchFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func report(size: Int, areas: Int, measured: [State: [String: [ChildRun]]], tools: [String],
                       load: (before: String, after: String)) {
        say("")
        say("\(size) entries, \(areas) areas; load average \(load.before) before, \(load.after) after")
        say("| build | tool | wall | user CPU | system CPU | peak memory | stages (bookmark) |")
        say("|---|---|---|---|---|---|---|")
        for state in State.allCases {
            var medians: [String: Medians] = [:]
            for tool in tools {
                let runs = measured[state]?[tool] ?? []
                let m = Medians(runs)
                medians[tool] = m
                let stages = tool == "bookmark"
                    ? ["load", "check", "pages", "write"].map { stage in
                        String(format: "%@ %.2f", stage, median(runs.compactMap { $0.stageTimings.first { $0.0 == stage }?.1 }))
                    }.joined(separator: ", ") : ""
                say(String(format: "| %@ | %@ | %.2f s | %.2f s | %.2f s | %.0f MB | %@ |", state.title, tool,
                             m.wall, m.user, m.system, m.peak, stages))
            }
            if let ours = medians["bookmark"], let theirs = medians["hugo"] {
                say(String(format: "| %@ | ratio bookmark / hugo | %.2f | %.2f | %.2f | %.2f | user+system %.2f |",
                             state.title, ours.wall / theirs.wall, ours.user / theirs.user, ours.system / theirs.system,
                             ours.peak / theirs.peak, (ours.user + ours.system) / (theirs.user + theirs.system)))
            }
        }
        for state in State.allCases {
            for tool in tools {
                let walls = (measured[state]?[tool] ?? []).map { String(format: "%.2f", $0.seconds) }
                say("  \(state.title), \(tool): wall times \(walls.joined(separator: " "))")
            }
            // A tool whose builds slow down run after run (Hugo writing into the inodes its
            // previous build freed, see the type's comment) has a median above its first run:
            // the ratio against that first run is given too, so the median's ratio is not
            // read as more than it is.
            if let ours = measured[state]?["bookmark"], let theirs = measured[state]?["hugo"], let first = theirs.first,
               theirs.count > 1 {
                say(String(format: "  %@: bookmark's median against hugo's first run (%.2f s): %.2f", state.title,
                             first.seconds, median(ours.map(\.seconds)) / first.seconds))
            }
        }
    }

    struct Medians {
        var wall, user, system, peak: Double

        init(_ runs: [ChildRun]) {
            wall = median(runs.map(\.seconds))
            user = median(runs.map(\.userSeconds))
            system = median(runs.map(\.systemSeconds))
            peak = median(runs.map(\.peakMegabytes))
        }
    }

    /// `/proc/loadavg`'s three averages.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}

/// Prints a line and flushes it at once, so a report written to a file shows each row as it
/// is measured.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
