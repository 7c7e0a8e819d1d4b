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

/// A municipality (or part of one) that the guide covers.
public struct Area: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kana: String
    public var prefecture: String?
    /// Ids of neighbouring areas: people often prefer a place outside their own town.
    public var neighbors: [String]

    public init(id: String, name: String, kana: String, prefecture: String?, neighbors: [String]) {
        self.id = id
        self.name = name
        self.kana = kana
        self.prefecture = prefecture
        self.neighbors = neighbors
    }
}

/// A printed booklet: its home areas, their neighbours and nationwide entries.
public struct Edition: Sendable, Hashable {
    public var id: String
    public var title: String
    public var areas: [String]
    public var paper: Paper
    public var issued: Day?

    public init(id: String, title: String, areas: [String], paper: Paper, issued: Day?) {
        self.id = id
        self.title = title
        self.areas = areas
        self.paper = paper
        self.issued = issued
    }
}

/// A free page from `pages/**/<slug>.md`.
public struct Page: Sendable, Hashable {
    public var slug: String
    public var file: String
    public var title: String
    /// Position in menus; lower first, then by slug.
    public var order: Int
    public var bodyHTML: String

    public init(slug: String, file: String, title: String, order: Int, bodyHTML: String) {
        self.slug = slug
        self.file = file
        self.title = title
        self.order = order
        self.bodyHTML = bodyHTML
    }
}
