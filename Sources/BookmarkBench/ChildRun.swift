import Foundation

/// Runs a command as a child and measures its wall time, its user and system CPU time and
/// its peak memory (`ru_utime`, `ru_stime`, `ru_maxrss` of the child, from `wait4`).
struct ChildRun {
    var seconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    var peakMegabytes: Double
    var status: Int32
    var stdout: String
    var stderr: String

    /// Spawns with posix_spawn and reaps with wait4 itself: Foundation's Process reaps its
    /// children on its own thread, and the resource usage would be lost.
    static func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> ChildRun {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-stderr-\(getpid())")
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-stdout-\(getpid())")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // The child starts in `folder`; the benchmark runs one child at a time.
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        FileManager.default.changeCurrentDirectoryPath(previous)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errorFile)
        try? FileManager.default.removeItem(at: outputFile)
        return ChildRun(seconds: seconds, userSeconds: Self.seconds(usage.ru_utime), systemSeconds: Self.seconds(usage.ru_stime),
                        peakMegabytes: Double(usage.ru_maxrss) / 1024, status: exitStatus, stdout: output, stderr: errors)
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    /// `timing render 0.412` lines, as the `--timings` flag prints them.
    var stageTimings: [(String, Double)] {
        stderr.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "timing", let seconds = Double(parts[2]) else { return nil }
            return (String(parts[1]), seconds)
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
