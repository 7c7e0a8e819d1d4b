import BookmarkModel

/// What one edition's booklet holds, in the order it is printed.
///
/// An edition holds its home areas, their neighbours and nationwide entries, no others.
/// Sections follow the kinds (相談窓口 → 居場所 → オンライン), then nationwide services; inside a
/// section the home areas come first, then the neighbours, each 五十音順 by `kana`.
///
/// ```swift
/// let contents = BookletContents(guide: guide, edition: edition, variant: .web)
/// contents.sections.map(\.title)  // ["相談窓口", "居場所", "オンライン", "全国の窓口"]
/// ```
public struct BookletContents: Sendable {
    /// One part of the booklet with its own running head.
    public struct Section: Sendable {
        /// `consultation`, `ibasho`, `online` or `nationwide`: also the anchor of the section.
        public var id: String
        public var title: String
        public var groups: [Group]

        public var entries: [Entry] { groups.flatMap(\.entries) }
    }

    /// The entries of one area inside a section (or all nationwide ones).
    public struct Group: Sendable {
        /// Anchor of the group, unique in the booklet: `consultation-sakura`.
        public var id: String
        /// `さくら市` or `全国`.
        public var title: String
        public var isNeighbor: Bool
        public var entries: [Entry]
    }

    public let edition: Edition
    public let sections: [Section]
    /// Names of the home areas, then of the neighbours.
    public let homeAreaNames: [String]
    public let neighborAreaNames: [String]

    public init(guide: Guide, edition: Edition, variant: BookletVariant) {
        self.edition = edition
        let (home, neighbors) = guide.areaIDs(of: edition)
        let members = Self.members(guide: guide, edition: edition, variant: variant)
        let areaName = { (id: String) in guide.site.area(id: id)?.name ?? id }
        homeAreaNames = home.map(areaName)
        neighborAreaNames = neighbors.map(areaName)

        var sections: [Section] = []
        for kind in Kind.allCases {
            var groups: [Group] = []
            for (areaID, isNeighbor) in home.map({ ($0, false) }) + neighbors.map({ ($0, true) }) {
                let entries = members.filter { $0.kind == kind && $0.area == .area(areaID) }
                guard !entries.isEmpty else { continue }
                groups.append(
                    Group(id: "\(kind.rawValue)-\(areaID)", title: areaName(areaID), isNeighbor: isNeighbor,
                          entries: Gojuon.sorted(entries)))
            }
            if !groups.isEmpty {
                sections.append(Section(id: kind.rawValue, title: kind.japaneseLabel, groups: groups))
            }
        }
        let nationwide = members.filter { $0.area == .nationwide }
        if !nationwide.isEmpty {
            sections.append(
                Section(id: "nationwide", title: "全国の窓口", groups: [
                    Group(id: "nationwide-all", title: "全国", isNeighbor: false, entries: Gojuon.sorted(nationwide))
                ]))
        }
        self.sections = sections
    }

    /// The entries an edition may print: `guide.bookletEntries` (no drafts, none past
    /// `until`, none with `publish.booklet: false`) of its areas, less the paper-only ones
    /// in the web copy.
    public static func members(guide: Guide, edition: Edition, variant: BookletVariant) -> [Entry] {
        let (home, neighbors) = guide.areaIDs(of: edition)
        let areas = Set(home + neighbors)
        return guide.bookletEntries.filter { entry in
            guard variant.includesPaperOnlyEntries || entry.publish.web else { return false }
            switch entry.area {
            case .nationwide: return true
            case .area(let id): return areas.contains(id)
            }
        }
    }

    /// Every entry in print order.
    public var entries: [Entry] { sections.flatMap(\.entries) }

    /// Every entry 五十音順, for the 索引.
    public var index: [Entry] { Gojuon.sorted(entries) }

    /// Entries open around the clock (an hours item with `time: 24h`), 五十音順, for the last page.
    public var allDayEntries: [Entry] {
        index.filter { entry in
            guard case .items(let items)? = entry.hours else { return false }
            return items.contains { $0.time == .allDay }
        }
    }

    /// The oldest and newest `verified` of the edition's entries.
    public var verifiedRange: ClosedRange<Day>? {
        let days = entries.map(\.verified)
        guard let first = days.min(), let last = days.max() else { return nil }
        return first...last
    }
}
