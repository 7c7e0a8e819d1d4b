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
