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
            case let text as String where text.isEmpty: dictionary[key] = nil
            case let list as [Any] where list.isEmpty: dictionary[key] = nil
            default: dictionary[key] = newValue
            }
        }
    }

    public init(_ values: [String: Any?] = [:]) {
        for (key, value) in values { self[key] = value }
    }
}
