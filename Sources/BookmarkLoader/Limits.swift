/// Bounds that keep reading time and memory small whatever an editor (or an attacker) writes.
public enum Limits {
    /// One entry or page file; libcmark-gfm 0.29 has quadratic-time inputs, so keep this small.
    public static let fileBytes = 1 << 20
    /// Lines of front matter longer than this are refused (no field needs them).
    public static let frontMatterLineCharacters = 10_000
    /// Bracket nesting in front matter; the YAML composer recurses per level.
    public static let yamlDepth = 32
    /// Nodes in one YAML document (aliases are refused). A national site.yml, about 1,700
    /// municipalities with their neighbours, holds about 25,000; a 1 MiB file could hold
    /// about 350,000 flow-list items.
    public static let yamlNodes = 200_000
    /// Files in one content folder.
    public static let files = 200_000
}
