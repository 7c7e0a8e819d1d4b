import Foundation

/// Wall time per stage, printed to standard error with `--timings` (the benchmark reads it).
///
/// `timing check 0.412` — one line per stage, seconds with three decimals. For `build`:
/// `check` reads and validates, `render` loads the theme and makes every entry's list items,
/// `write` renders each page and writes it (the two go together so the site is never whole
/// in memory), swaps the output in and removes the previous one.
enum StageTimer {
    nonisolated(unsafe) static var enabled = false

    static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            FileHandle.standardError.write(Data(String(format: "timing %@ %.3f\n", stage, seconds).utf8))
        }
        return try body()
    }
}
