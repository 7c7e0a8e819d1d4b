/// Which copy of an edition is made: they differ in who may be in it and in the paper edge.
///
/// A small 家族会 may agree to paper only (`publish.web: false`): such an entry is in the
/// copies handed out on paper, never in the copy the site holds.
public enum BookletVariant: String, Sendable, CaseIterable {
    /// `<output>/booklet/<edition>.pdf` (and `.html`): finished size, no paper-only entries.
    case web
    /// `<print>/<edition>.pdf` for the print shop: paper-only entries, 3 mm bleed.
    case print
    /// The page source of `<print>/<edition>-imposed.pdf`: paper-only entries, no bleed,
    /// since an office printer prints the sheet as it is.
    case imposition

    /// Whether entries with `publish.web: false` are in this copy.
    public var includesPaperOnlyEntries: Bool { self != .web }

    /// Bleed in millimetres: print shops in Japan want finished size plus 3 mm.
    public var bleedMillimetres: Int { self == .print ? 3 : 0 }
}
