import Foundation

/// One file of a build, before it is written: a path inside the output folder and its bytes,
/// either made whole or made piece by piece as they are written (`ByteStream`).
public struct OutputFile: Sendable {
    /// Relative, `/`-separated; checked by `OutputPath` before anything is written.
    public var path: String
    public var body: Body

    public enum Body: Sendable {
        case bytes(Data)
        case streamed(ByteStream)
    }

    public init(path: String, contents: Data) {
        self.path = path
        self.body = .bytes(contents)
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    public init(path: String, body: Body) {
        self.path = path
        self.body = body
    }

    /// All the bytes at once (a streamed file is made whole for this).
    public var contents: Data {
        get throws {
            switch body {
            case .bytes(let data): return data
            case .streamed(let stream): return try stream.collected()
            }
        }
    }
}

/// The bytes of a file handed over in pieces, so that a file of tens of megabytes (the open
/// data of a national guide) goes to disk without ever being whole in memory.
public struct ByteStream: Sendable {
    /// Calls `emit` with each piece, in order.
    public let produce: @Sendable (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

    public init(_ produce: @escaping @Sendable (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        self.produce = produce
    }

    public func collected() throws -> Data {
        var data = Data()
        try produce { data.append(contentsOf: $0) }
        return data
    }
}

/// Paths that can never leave the output folder, whatever an id or slug holds.
public enum OutputPath {
    /// A relative path of plain segments: no `..`, no `.`, no empty segment, no leading `/`,
    /// no backslash or NUL.
    public static func isSafe(_ path: String) -> Bool {
        // By bytes and in one pass, without splitting: asked twice for each of tens of
        // thousands of files before any is written (Foundation's `contains` searched by
        // grapheme, and splitting made an array per path).
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), backslash = UInt8(ascii: "\\")
            guard !bytes.isEmpty, bytes[0] != slash else { return false }
            var segmentStart = 0
            for index in 0...bytes.count {
                if index < bytes.count {
                    let byte = bytes[index]
                    if byte == backslash || byte == 0 { return false }
                    if byte != slash { continue }
                }
                let length = index - segmentStart
                if length == 0 { return false }
                if length <= 2, bytes[segmentStart] == dot, length == 1 || bytes[segmentStart + 1] == dot { return false }
                segmentStart = index + 1
            }
            return true
        }
    }
}
