import BookmarkModel

/// The search page: the choices of every filter, and the ways in for readers without
/// JavaScript.
enum SearchPageContext {
    static func values(_ listing: Listing, root: String) -> [String: Any] {
        let guide = listing.guide
        let areas: [[String: Any]] = guide.site.areas.map {
            ["id": $0.id, "name": $0.name, "href": Route.area(id: $0.id).href(from: root)]
        }
        // The area filter's choices under their prefecture, as the list of areas shows them: a
        // national guide's 1,700 municipalities are found by prefecture first.
        let prefectures = SearchIndex.prefectures(of: guide)
        let areaChoices = PagedLists.byPrefecture(guide.site.areas.map {
            PagedLists.AreaLink(area: $0, count: 0, route: .area(id: $0.id))
        })
        return [
            "kinds": Kind.allCases.map {
                ["id": $0.rawValue, "label": $0.japaneseLabel, "href": Route.kind($0).href(from: root)]
            },
            // Every area's link when they fit on a page, otherwise the list of areas.
            "areaLinks": areas.count <= PagedLists.areasPerPage ? areas : [],
            "areasHref": ListRoute.areas.route(page: 1).href(from: root),
            // A national guide chooses a prefecture first; its areas come from search/areas/.
            "areaGroups": prefectures == nil ? PagedLists.areaGroups(areaChoices, root: root) : [],
            "prefectures": prefectures?.map(\.name) ?? [],
            "prefectureAreasHref": Route.searchAreas(0).href(from: root),
            "audiences": [Audience.person, .family, .supporter].map {
                ["id": $0.rawValue, "label": $0.japaneseLabel, "title": Wording.title(of: $0),
                 "href": Route.audience($0).href(from: root)]
            },
            "indexHref": Route.searchIndex.href(from: root),
            // The first chunk and record file: search.js puts another number for `0.js`.
            "chunkHref": Route.searchChunk(0).href(from: root),
            "recordsHref": Route.searchRecords(0).href(from: root),
        ]
    }
}
