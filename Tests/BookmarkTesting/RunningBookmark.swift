import Foundation

/// A `bookmark` process that keeps running (`bookmark serve`), with its output read as it comes.
///
/// ```swift
/// let serve = try RunningBookmark(["serve", "--port", "0"], in: guide.root)
/// let url = serve.waitForLine(containing: "http://127.0.0.1:", timeout: 60)
/// serve.signal(SIGINT)
/// let status = serve.waitForExit(timeout: 5)
/// ```
public final class RunningBookmark: @unchecked Sendable {
    public let process = Process()
    private let stdout: OutputCollector
    private let stderr: OutputCollector

    /// Starts `bookmark <arguments>` in `folder`, with the fixtures' day as `SOURCE_DATE_EPOCH`.
    public init(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws {
        process.executableURL = BookmarkBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = BookmarkBinary.environment(adding: extra)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        stdout = OutputCollector(out.fileHandleForReading)
        stderr = OutputCollector(err.fileHandleForReading)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    public var standardOutput: String { stdout.text }
    public var standardError: String { stderr.text }

    /// The first line of standard output containing `text`, waiting for it up to `timeout` seconds.
    public func waitForLine(containing text: String, timeout: TimeInterval) -> String? {
        stdout.waitFor(timeout: timeout) { output in
            output.split(separator: "\n").first { $0.contains(text) }.map(String.init)
        }
    }

    /// Waits until standard output (where diagnostics go) contains `text`.
    public func waitForOutput(containing text: String, timeout: TimeInterval) -> Bool {
        stdout.waitFor(timeout: timeout) { $0.contains(text) ? true : nil } ?? false
    }

    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status, or nil when the process is still running after `timeout` seconds.
    public func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { return nil }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return process.terminationStatus
    }

    /// Ends the process if a test left it running (SIGTERM, then a wait).
    public func stop() {
        if process.isRunning {
            process.terminate()
            _ = waitForExit(timeout: 5)
        }
    }
}

/// Reads a pipe on a thread of its own and lets others wait for what it has read so far.
final class OutputCollector: @unchecked Sendable {
    // Guarded by `condition`.
    private var data = Data()
    private let condition = NSCondition()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                data.append(chunk)
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until `match` finds something in the output read so far.
    func waitFor<T>(timeout: TimeInterval, _ match: (String) -> T?) -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = match(String(decoding: data, as: UTF8.self)) { return found }
            if !condition.wait(until: deadline) { return match(String(decoding: data, as: UTF8.self)) }
        }
    }
}
