import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a plain socket, for tests of `bookmark serve`.
///
/// A real client (URLSession) would clean the path (`/../` and `%2e%2e` are exactly what a
/// traversal test must send as written) and needs FoundationNetworking on Linux.
public enum LoopbackHTTP {
    public struct Response {
        public var status: Int
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: String
    }

    public enum Failure: Error {
        case connect(String)
        case malformed(String)
    }

    /// `GET path` (sent as written) and the whole response.
    public static func get(_ path: String, port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 5) throws -> Response {
        let raw = try exchange(request(path, host: host), host: host, port: port, timeout: timeout) { received in
            guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { return false }
            let head = String(decoding: received[..<split.lowerBound], as: UTF8.self).lowercased()
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            else { return false }
            return received.count - split.upperBound >= length
        }
        return try parse(raw)
    }

    /// Reads an event stream until `until` holds for what has arrived, or `timeout` passes.
    public static func events(_ path: String, port: Int, timeout: TimeInterval, until: @escaping (String) -> Bool) throws -> String {
        let raw = try exchange(request(path, host: "127.0.0.1"), host: "127.0.0.1", port: port, timeout: timeout) {
            until(String(decoding: $0, as: UTF8.self))
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Whether a TCP connection to `host:port` is accepted.
    public static func canConnect(host: String, port: Int) -> Bool {
        guard let socket = try? open(host: host, port: port) else { return false }
        close(socket)
        return true
    }

    private static func request(_ path: String, host: String) -> String {
        "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
    }

    private static func open(host: String, port: Int) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.connect("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw Failure.connect("address \(host)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure.connect("\(host):\(port) errno \(errno)")
        }
        return fd
    }

    /// Sends `request` and reads until `done` says the response is complete, the peer
    /// closes, or `timeout` passes.
    private static func exchange(_ request: String, host: String, port: Int, timeout: TimeInterval, done: (Data) -> Bool) throws -> Data {
        let fd = try open(host: host, port: port)
        defer { close(fd) }
        var wait = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw Failure.connect("send")
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, !done(received) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count > 0 { received.append(contentsOf: buffer[..<count]) }
        }
        return received
    }

    private static func parse(_ raw: Data) throws -> Response {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure.malformed(String(decoding: raw, as: UTF8.self))
        }
        let lines = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure.malformed(lines.first ?? "")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(decoding: raw[split.upperBound...], as: UTF8.self))
    }
}
