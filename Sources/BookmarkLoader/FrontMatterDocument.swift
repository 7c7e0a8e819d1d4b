import BookmarkModel

/// An entry or page file split at its fences, with its front matter read as YAML.
public struct FrontMatterDocument: Sendable {
    public var frontMatter: FrontMatter
    /// The YAML root (nil when empty or unreadable) and what reading it found.
    public var yaml: YAMLReader.Result

    /// Splits and reads; a file that cannot be split is one diagnostic.
    public static func read(_ source: SourceText) -> Result<FrontMatterDocument, Diagnostic> {
        FrontMatter.split(source).map { frontMatter in
            FrontMatterDocument(
                frontMatter: frontMatter,
                yaml: YAMLReader.read(frontMatter.yaml, file: source.file, lineOffset: frontMatter.lineOffset))
        }
    }
}
