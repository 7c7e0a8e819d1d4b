/// A place in a content file: 1-based line and column.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file, used for problems that concern the file as a whole.
    public static let start = SourcePosition(line: 1, column: 1)
}
