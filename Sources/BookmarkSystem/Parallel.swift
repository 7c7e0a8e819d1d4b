import Dispatch

/// Work spread over every core, with results in the order of the inputs.
///
/// `Parallel.map(pages.count) { render(pages[$0]) }` renders on all cores and returns the pages
/// in their own order, so output never depends on which core finished first. When several
/// items fail, the error of the first failing index is thrown, again whatever the timing.
public enum Parallel {
    public static func map<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        // Each index is written by exactly one worker, so the slots need no lock.
        withoutActuallyEscaping(body) { body in
            let shared = UnsafeSendable(body: body, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared.slots[index] = Result { try shared.body(index) }
            }
        }
        return try slots.map { try $0!.get() }
    }

    /// Like `map`, for work that returns nothing.
    public static func forEach(_ count: Int, _ body: (Int) throws -> Void) throws {
        _ = try map(count, body)
    }
}

/// The closure and slots handed to the workers; see `Parallel.map` for why sharing is safe.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let body: (Int) throws -> T
    let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>
}

/// Work started at once on a worker of its own, its result waited for where it is needed: for
/// work on one core that can run beside work on every core (the search index's posting lists
/// beside the list items), instead of after it with the other cores idle. If nobody asks, the
/// work still runs to its end.
public final class Pending<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read only after it.
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async { [self] in
            result = work()
            done.signal()
        }
    }

    /// The result, waiting for it if the work is still running.
    public func value() -> T {
        done.wait()
        // Signalled again, so any later call finds it done too.
        done.signal()
        return result!
    }
}
