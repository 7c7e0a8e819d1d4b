import Foundation

/// One file of a build, before it is written: a path inside the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative, `/`-separated; checked by `OutputPath` before anything is written.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

/// Paths that can never leave the output folder, whatever an id or slug holds.
public enum OutputPath {
    /// A relative path of plain segments: no `..`, no `.`, no empty segment, no leading `/`,
    /// no backslash or NUL.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
