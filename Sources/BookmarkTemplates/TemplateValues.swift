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

    /// The common kinds of value, set without asking what they are: the general setter
    /// below casts a value to one type after another, and contexts of 10,000 entries set a
    /// few hundred thousand of them.
    public subscript(key: String) -> String? {
        get { dictionary[key] as? String }
        set { dictionary[key] = newValue.flatMap { $0.isEmpty ? nil : $0 } }
    }

    public subscript(key: String) -> [String] {
        get { dictionary[key] as? [String] ?? [] }
        set { dictionary[key] = newValue.isEmpty ? nil : newValue }
    }

    public subscript(key: String) -> [[String: Any]] {
        get { dictionary[key] as? [[String: Any]] ?? [] }
        set { dictionary[key] = newValue.isEmpty ? nil : newValue }
    }

    public subscript(key: String) -> Bool {
        get { dictionary[key] as? Bool ?? false }
        set { dictionary[key] = newValue }
    }

    /// Empty, with room for `capacity` values.
    public init(capacity: Int) {
        dictionary.reserveCapacity(capacity)
    }

    public init(_ values: [String: Any?] = [:]) {
        for (key, value) in values { self[key] = value }
    }
}
