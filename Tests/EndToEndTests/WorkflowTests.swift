import Foundation
import Testing

/// The GitHub Actions workflows a town's fork publishes with: audited by zizmor in the tests.
@Suite(.serialized) struct WorkflowTests {
    static let repoRoot = CheckCommandTests.repoRoot
    static let workflows = repoRoot.appendingPathComponent(".github/workflows")

    /// zizmor from the project's venv (scripts/install-weasyprint.sh), or `BOOKMARK_ZIZMOR`.
    static var zizmor: String {
        ProcessInfo.processInfo.environment["BOOKMARK_ZIZMOR"]
            ?? repoRoot.appendingPathComponent(".venv-weasyprint/bin/zizmor").path
    }

    struct Finished {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// Runs `executable arguments` in `folder`, standard output and error together, killing
    /// it (and what it started) after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, timeout: TimeInterval,
                    environment extra: [String: String] = [:]) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        final class Collected: @unchecked Sendable { var data = Data() }
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        try process.run()
        Thread.detachNewThread {
            collected.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = done.wait(timeout: .now() + 10)
        return Finished(status: process.terminationStatus, output: String(decoding: collected.data, as: UTF8.self),
                        timedOut: timedOut)
    }

    @Test func zizmorFindsNothingAtMediumOrAbove() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.zizmor),
                "zizmor がありません。scripts/install-weasyprint.sh を実行してください（\(Self.zizmor)）。")
        // Offline: the audits that ask GitHub need a token and the network; pins are checked
        // by `unpinned-uses`, which needs neither.
        let result = try Self.run(Self.zizmor, ["--offline", "--no-progress", "--format", "json", "--min-severity", "medium",
                                                Self.workflows.path],
                                  in: Self.repoRoot, timeout: 120)
        #expect(result.status == 0, "\(result.output)")
        let json = result.output.firstIndex(of: "[").map { String(result.output[$0...]) } ?? ""
        let findings = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any]
        #expect(findings?.isEmpty == true, "\(result.output)")
    }
}
