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
        // By bytes: asked for each of tens of thousands of files, and Foundation's `contains`
        // searched by grapheme.
        let bytes = path.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/"),
            !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 })
        else { return false }
        return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && !$0.elementsEqual(".".utf8) && !$0.elementsEqual("..".utf8)
        }
    }
}
