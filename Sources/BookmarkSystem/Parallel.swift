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
