import FlyingFox
import FlyingSocks

/// A `text/event-stream` response body that FlyingFox sends chunk by chunk as events come.
///
/// When the connection ends, FlyingFox drops the iterator; the iterator's `Subscription`
/// then tells the hub, so a page that went away is forgotten.
struct EventStream: AsyncBufferedSequence {
    typealias Element = UInt8

    let messages: AsyncStream<[UInt8]>
    let onEnd: @Sendable () -> Void

    func makeAsyncIterator() -> Iterator {
        Iterator(messages: messages.makeAsyncIterator(), subscription: Subscription(onEnd: onEnd))
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<[UInt8]>.Iterator
        let subscription: Subscription
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        /// The rest of the current event, or the next one when it comes.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = message[...]
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }

    final class Subscription: Sendable {
        let onEnd: @Sendable () -> Void
        init(onEnd: @escaping @Sendable () -> Void) { self.onEnd = onEnd }
        deinit { onEnd() }
    }
}
