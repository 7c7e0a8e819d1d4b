/// A template context that leaves out empty values: in Mustache an empty string still opens
/// a section, only a missing key (or an empty list) closes it.
struct Values {
    private(set) var dictionary: [String: Any] = [:]

    subscript(key: String) -> Any? {
        get { dictionary[key] }
        set {
            switch newValue {
            case let text as String where text.isEmpty: dictionary[key] = nil
            case let list as [Any] where list.isEmpty: dictionary[key] = nil
            default: dictionary[key] = newValue
            }
        }
    }
}
