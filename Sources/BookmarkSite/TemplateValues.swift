/// A template context that leaves out what is not there.
///
/// In Mustache an empty string still opens `{{#notice}}…{{/notice}}`; only a missing key
/// (or `false`, or an empty list) closes it. So values are only set when they say something.
/// The booklet's templates use it too.
public struct TemplateValues {
    public private(set) var dictionary: [String: Any] = [:]

    public subscript(key: String) -> Any? {
        get { dictionary[key] }
        set {
            switch newValue {
            case nil: dictionary[key] = nil
            case let text as String: dictionary[key] = text.isEmpty ? nil : text
            // The list types values hold, before the general one: casting a list of
            // thousands of items to [Any] converts every item.
            case let list as [String]: dictionary[key] = list.isEmpty ? nil : list
            case let list as [[String: Any]]: dictionary[key] = list.isEmpty ? nil : list
            case let list as [Any] where list.isEmpty: dictionary[key] = nil
            default: dictionary[key] = newValue
            }
        }
    }

    public init(_ values: [String: Any?] = [:]) {
        for (key, value) in values { self[key] = value }
    }
}
