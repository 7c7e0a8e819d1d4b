import Foundation

/// `bookmark serve` on a synthetic guide: how long from saving one entry to the preview
/// saying it rebuilt (seeing the change, checking, rendering and writing).
struct ServeRun {
    /// Milliseconds from each save to the "作り直しました" line, and the rebuild time serve
    /// itself printed in that line.
    var fromSave: [Double] = []
    var reported: [Double] = []

    static func measure(bookmark: String, themes: String, guide folder: URL, entry: URL, edits: Int) throws -> ServeRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bookmark)
        process.arguments = ["serve", "--port", "0", "--themes", themes]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let lines = LineReader(errors.fileHandleForReading)
        try process.run()
        defer {
            process.interrupt()
            process.waitUntilExit()
        }
        guard lines.wait(for: "ブラウザで開いてください", timeout: 600) != nil else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve did not start"])
        }
        let original = try String(contentsOf: entry, encoding: .utf8)
        defer { try? original.write(to: entry, atomically: true, encoding: .utf8) }
        var run = ServeRun()
        for edit in 1...edits {
            // Waits so the edits are separate saves, as an editor makes them.
            Thread.sleep(forTimeInterval: 0.5)
            let edited = original.replacingOccurrences(of: "\nname: ", with: "\nname: 改\(edit) ")
            // Saved as editors save: a new file renamed over the old one. The clock starts when
            // the save is done.
            try edited.write(to: entry, atomically: true, encoding: .utf8)
            let start = DispatchTime.now().uptimeNanoseconds
            guard let line = lines.wait(for: "作り直しました", timeout: 120) else { break }
            run.fromSave.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            // 作り直しました（0.12 秒、123 ms）
            if let ms = line.split(separator: "、").last?.split(separator: " ").first.flatMap({ Double($0) }) {
                run.reported.append(ms)
            }
        }
        return run
    }
}

/// Lines of a child's output as they come, read on a thread of their own.
private final class LineReader: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var closed = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty {
                    closed = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// The next unread line containing `text` (lines before it are dropped), or nil at the end
    /// of output or after `timeout` seconds.
    func wait(for text: String, timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            while !lines.isEmpty {
                let line = lines.removeFirst()
                if line.contains(text) { return line }
            }
            if closed || !condition.wait(until: deadline) { return nil }
        }
    }
}
