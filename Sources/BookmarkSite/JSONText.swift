import Foundation

/// JSON written the same way every time: keys sorted, slashes as they are.
///
/// Swift dictionaries iterate in a different order in every process, so unsorted keys would
/// make two builds of the same content differ.
enum JSONText {
    static func data(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func string(_ value: Any) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    /// JSON that can sit inside `<script type="application/ld+json">`: `<`, `>` and `&` become
    /// `\u003c`, `\u003e`, `\u0026`, so a name holding `</script>` cannot close the block;
    /// U+2028 and U+2029 are escaped for older script parsers. The JSON value is unchanged.
    static func forScriptBlock(_ value: Any) throws -> String {
        var out = ""
        for scalar in try string(value).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
