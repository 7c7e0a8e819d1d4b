/// The guide's settings, read from `site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute http(s) URL ending in `/`.
    public var baseURL: String
    public var language: String
    public var theme: String
    public var staleAfterDays: Int
    /// Where readers report outdated information (https: or mailto:).
    public var corrections: String?
    public var areas: [Area] {
        didSet { areaPositions = Self.positions(of: areas) }
    }
    public var editions: [Edition]
    /// Where each area id first sits in `areas`: `area(id:)` is asked for every entry on
    /// many pages, and a national guide has hundreds of areas.
    private var areaPositions: [String: Int]

    public init(
        title: String, baseURL: String, language: String = "ja", theme: String = "default",
        staleAfterDays: Int = 365, corrections: String? = nil, areas: [Area] = [],
        editions: [Edition] = []
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.theme = theme
        self.staleAfterDays = staleAfterDays
        self.corrections = corrections
        self.areas = areas
        self.editions = editions
        self.areaPositions = Self.positions(of: areas)
    }

    public func area(id: String) -> Area? { areaPositions[id].map { areas[$0] } }

    private static func positions(of areas: [Area]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, area) in areas.enumerated() where positions[area.id] == nil { positions[area.id] = position }
        return positions
    }
}
