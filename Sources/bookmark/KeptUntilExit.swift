import Foundation

/// What a one-shot command holds until the process exits, instead of freeing it.
///
/// After the last file of a 10,000-entry build was written, the main thread spent some
/// 90 ms freeing the guide and the pages' values one object at a time; the exit gives all
/// of it back at once. Only for commands that end right after (`build`), never
/// for `serve`, which would keep every build it made.
enum KeptUntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
