import Foundation

/// The result of whichever of two operations finishes first; the other is left to end on
/// its own.
///
/// A task group would wait for both, and some waits here (a server task's end, a server's
/// stop) do not end when cancelled. The loser is always short-lived or harmless: a sleep,
/// a bounded wait, or a task that ends with the process.
enum Race {
    static func first<T: Sendable>(
        _ one: @escaping @Sendable () async -> T, _ other: @escaping @Sendable () async -> T
    ) async -> T {
        let once = Once<T>()
        return await withCheckedContinuation { continuation in
            once.continuation = continuation
            Task { once.resume(await one()) }
            Task { once.resume(await other()) }
        }
    }

    /// Resumes its continuation exactly once, whichever operation comes first.
    private final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        // Set before either task starts; taken under `lock`.
        var continuation: CheckedContinuation<T, Never>?

        func resume(_ value: T) {
            let taken = lock.withLock {
                let taken = continuation
                continuation = nil
                return taken
            }
            taken?.resume(returning: value)
        }
    }
}
