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
