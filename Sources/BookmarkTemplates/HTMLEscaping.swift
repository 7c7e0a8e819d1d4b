import Mustache

/// The escaping of `{{value}}` in every theme template: `<`, `>`, `&`, `"` and `'` become
/// `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`, as swift-mustache's own HTML content type
/// writes them.
///
/// Two reasons not to use that one. It looks at Characters, so a quote followed by a
/// combining mark (`"\u{301}`) is one Character that is not `"`, and stays unescaped: an
/// editor's text could close an attribute. And it hashes every Character into a dictionary,
/// which was a tenth of the time of rendering 10,000 entry pages. This one looks at UTF-8
/// bytes, where a quote is always a quote, and returns text without those five bytes as it is.
public struct HTMLEscaping: MustacheContentType {
    static let name = "BOOKMARK_HTML"

    /// Every template starts with it (`Theme.load`): the content type is set per template.
    static let pragma = "{{% CONTENT_TYPE:\(name)}}"

    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    /// `text` with the five characters escaped, for HTML this tool writes outside templates.
    public static func escaped(_ text: String) -> String {
        HTMLEscaping().escapeText(text)
    }

    public func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: Self.needsEscape) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped to UTF-8 `output` (for `CompiledRendering`), byte for byte
    /// what `escapeText` returns.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where needsEscape(byte) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case UInt8(ascii: "<"): output += "&lt;".utf8
                case UInt8(ascii: ">"): output += "&gt;".utf8
                case UInt8(ascii: "&"): output += "&amp;".utf8
                case UInt8(ascii: "\""): output += "&quot;".utf8
                default: output += "&#39;".utf8
                }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
