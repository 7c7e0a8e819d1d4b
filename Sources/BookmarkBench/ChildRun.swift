import Foundation

/// Runs a command as a child and measures its wall time and peak memory (ru_maxrss).
struct ChildRun {
    var seconds: Double
    var peakMegabytes: Double
    var status: Int32
    var stderr: String

    static func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> ChildRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        // wait4 gives this child's own resource usage, peak RSS included.
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(process.processIdentifier, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024,
                        status: exitStatus, stderr: String(decoding: errorData, as: UTF8.self))
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
