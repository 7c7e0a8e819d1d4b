import Foundation

/// Catches Ctrl-C (SIGINT) and SIGTERM, so that `bookmark serve` can stop cleanly.
///
/// The default handlers would end the process at once and leave the preview folder behind.
/// Made before the first build, so a signal during it is not lost. After the first signal
/// the default handlers are put back, so a second Ctrl-C still ends a stuck process.
final class StopSignal: @unchecked Sendable {
    // Written once in init; the sources only call the continuation, which is thread-safe.
    private let signals = [SIGINT, SIGTERM]
    private let stream: AsyncStream<Int32>
    private var sources: [any DispatchSourceSignal] = []

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received.
    func wait() async -> Int32 {
        var received = SIGTERM
        for await number in stream {
            received = number
            break
        }
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
        return received
    }
}
