import Foundation

/// The open pages' event streams: greets each new page with the current state, then
/// sends every later one.
actor EventHub {
    private var state: PreviewState
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    init(state: PreviewState) {
        self.state = state
    }

    var servedVersion: String? { state.servedVersion }

    /// A new stream for one page: a reconnect delay, then the current state.
    func subscribe() -> EventStream {
        let id = UUID()
        // A page that stops reading must not make the server hold every later event.
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(8))
        continuation.yield(Array(("retry: 1000\n\n" + state.message).utf8))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        clients[id] = continuation
        return EventStream(messages: stream, onEnd: { continuation.finish() })
    }

    func publish(_ newState: PreviewState) {
        state = newState
        broadcast(newState.message)
    }

    /// A comment line, so that a page that went away is noticed when the write fails.
    func ping() {
        broadcast(": ping\n\n")
    }

    /// Ends every stream, so that connections close when the server stops.
    func finishAll() {
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }

    var clientCount: Int { clients.count }

    private func broadcast(_ message: String) {
        let bytes = Array(message.utf8)
        for continuation in clients.values { continuation.yield(bytes) }
    }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }
}
