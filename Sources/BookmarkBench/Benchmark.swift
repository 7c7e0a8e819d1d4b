import Foundation

/// `bookmark-bench [N …] [--runs R] [--areas A] [--no-hugo] [--serve]`: generates synthetic guides of N
/// entries, builds each with `bookmark build --timings` and with Hugo (alternating, R runs
/// each), and prints medians: wall time per stage, peak memory, and the ratio to Hugo. With
/// `--serve`, it then runs `bookmark serve` on the guide, saves one entry five times and
/// prints the time from each save to the rebuilt preview.
@main
struct Benchmark {
    static func main() throws {
        var sizes: [Int] = []
        var runs = 3
        var withHugo = true
        var withServe = false
        var areas: Int?
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--runs": runs = Int(arguments.next() ?? "") ?? runs
            case "--areas": areas = Int(arguments.next() ?? "")
            case "--no-hugo": withHugo = false
            case "--serve": withServe = true
            default: if let n = Int(argument) { sizes.append(n) }
            }
        }
        if sizes.isEmpty { sizes = [1000, 10000] }

        let bookmark = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("bookmark").path
        guard FileManager.default.isExecutableFile(atPath: bookmark) else {
            print("bookmark-bench: build the bookmark product first (swift build -c release)")
            exit(2)
        }
        let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let themes = URL(fileURLWithPath: "themes").standardizedFileURL.path
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores")

        for size in sizes {
            let guide = SyntheticGuide(count: size, areas: areas)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bookmark-bench-\(size)-\(guide.areaCount)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try guide.write(to: folder)
            let hugoFolder = folder.appendingPathComponent("hugo")
            if withHugo, hugo != nil { try HugoCorpus(guide: guide).write(to: hugoFolder) }

            var ours: [ChildRun] = []
            var theirs: [ChildRun] = []
            for _ in 0..<runs {
                let run = try ChildRun.run(bookmark, ["build", "--timings", "--force", "--themes", themes], in: folder)
                guard run.status == 0 else {
                    print("bookmark build failed (\(run.status)):\n\(run.stderr.suffix(2000))")
                    return
                }
                ours.append(run)
                if withHugo, let hugo {
                    try? FileManager.default.removeItem(at: hugoFolder.appendingPathComponent("public"))
                    let run = try ChildRun.run(hugo, ["--quiet", "-s", hugoFolder.path], in: hugoFolder)
                    guard run.status == 0 else {
                        print("hugo failed (\(run.status)):\n\(run.stderr.suffix(2000))")
                        return
                    }
                    theirs.append(run)
                }
            }
            report(size: size, areas: guide.areaCount, ours: ours, theirs: theirs)
            print(ReaderMetrics.line(size: size, output: folder.appendingPathComponent("output")))
            if withServe {
                let entry = folder.appendingPathComponent("content/entries/area-1/entry-1.md")
                let serve = try ServeRun.measure(bookmark: bookmark, themes: themes, guide: folder, entry: entry, edits: 5)
                print(String(format: "%6d entries: serve, one entry saved: %.0f ms to rebuilt (median of %d; serve's own count %.0f ms)",
                             size, median(serve.fromSave), serve.fromSave.count, median(serve.reported)))
            }
        }
    }

    static func report(size: Int, areas: Int, ours: [ChildRun], theirs: [ChildRun]) {
        let wall = median(ours.map(\.seconds))
        var line = String(format: "%6d entries, %3d areas: bookmark %.2f s, peak %.0f MB", size, areas, wall,
                          ours.map(\.peakMegabytes).max() ?? 0)
        let stages = ["check", "render", "write"].map { stage in
            (stage, median(ours.compactMap { $0.stageTimings.first { $0.0 == stage }?.1 }))
        }
        line += " [" + stages.map { String(format: "%@ %.2f", $0.0, $0.1) }.joined(separator: ", ") + "]"
        if !theirs.isEmpty {
            let hugoWall = median(theirs.map(\.seconds))
            line += String(format: "; hugo %.2f s, peak %.0f MB; ratio %.2f", hugoWall, theirs.map(\.peakMegabytes).max() ?? 0,
                           wall / hugoWall)
        }
        print(line)
    }
}
