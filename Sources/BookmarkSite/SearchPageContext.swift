import BookmarkModel

/// The search page: the choices of every filter, and the ways in for readers without
/// JavaScript.
enum SearchPageContext {
    static func values(_ listing: Listing, root: String) -> [String: Any] {
        let guide = listing.guide
        var areas: [[String: Any]] = guide.site.areas.map {
            ["id": $0.id, "name": $0.name, "href": "\(root)areas/\($0.id)/index.html"]
        }
        let nationwide: [String: Any] = ["id": "nationwide", "name": "全国"]
        return [
            "kinds": Kind.allCases.map {
                ["id": $0.rawValue, "label": $0.japaneseLabel, "href": "\(root)kinds/\($0.rawValue)/index.html"]
            },
            "areaLinks": areas,
            "areas": { areas.append(nationwide); return areas }(),
            "audiences": [Audience.person, .family, .supporter].map {
                ["id": $0.rawValue, "label": $0.japaneseLabel, "title": Wording.title(of: $0),
                 "href": "\(root)for/\($0.rawValue)/index.html"]
            },
            "indexHref": "\(root)search/index.js",
        ]
    }
}
