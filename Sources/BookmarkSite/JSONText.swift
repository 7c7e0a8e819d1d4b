import Foundation

/// JSON written the same way every time: keys sorted, slashes as they are.
///
/// Swift dictionaries iterate in a different order in every process, so unsorted keys would
/// make two builds of the same content differ. Written by hand over UTF-8 bytes instead of
/// with `JSONSerialization`: a 10,000-entry guide writes tens of megabytes of JSON, and the
/// Foundation writer (with a second pass for script blocks) took a third of the build.
///
/// Values are what the contexts hold: `String`, `Int`, `Double`, `Bool`, `NSNull`, `nil`,
/// `[Any]` and `[String: Any]`; `["a": [1, true]]` → `{"a":[1,true]}`.
public enum JSONText {
    /// One string as JSON, quoted and escaped (`a"b` → `"a\"b"`), as every JSON file
    /// of the site writes it; `--format json` diagnostics use it too.
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter(forScriptBlock: false)
        writer.write(string: text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func data(_ value: Any) throws -> Data {
        Data(bytes(value, forScriptBlock: false))
    }

    static func string(_ value: Any) throws -> String {
        String(decoding: bytes(value, forScriptBlock: false), as: UTF8.self)
    }

    /// JSON that can sit inside `<script type="application/ld+json">`: `<`, `>` and `&` become
    /// `\u003c`, `\u003e`, `\u0026`, so a name holding `</script>` cannot close the block;
    /// U+2028 and U+2029 are escaped for older script parsers. The JSON value is unchanged.
    static func forScriptBlock(_ value: Any) throws -> String {
        String(decoding: bytes(value, forScriptBlock: true), as: UTF8.self)
    }

    static func bytes(_ value: Any, forScriptBlock: Bool) -> [UInt8] {
        var writer = JSONWriter(forScriptBlock: forScriptBlock)
        writer.write(value)
        return writer.bytes
    }
}
