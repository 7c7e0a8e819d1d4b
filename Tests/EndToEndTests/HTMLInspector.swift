import Foundation

/// A small HTML tokenizer that finds what could run: tags, attributes, script and style contents.
/// It reads the way a browser's tokenizer starts (`<` + letter opens a tag); enough to tell
/// markup that a build made from text that an editor wrote.
struct HTMLInspector {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    var tags: [Tag] = []
    /// Text inside `<script>` and `<style>` elements, with the element's tag.
    var rawTexts: [(tag: Tag, text: String)] = []

    init(_ html: String) {
        let scalars = Array(html.unicodeScalars)
        var i = 0
        func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count, isLetter(scalars[i + 1]) else { i += 1; continue }
            var j = i + 1
            var name = ""
            while j < scalars.count, !" \t\n/>".unicodeScalars.contains(scalars[j]) {
                name.unicodeScalars.append(scalars[j])
                j += 1
            }
            var attributes: [(String, String)] = []
            while j < scalars.count, scalars[j] != ">" {
                while j < scalars.count, " \t\n/".unicodeScalars.contains(scalars[j]) { j += 1 }
                var attribute = ""
                while j < scalars.count, !" \t\n/>=".unicodeScalars.contains(scalars[j]) {
                    attribute.unicodeScalars.append(scalars[j])
                    j += 1
                }
                var value = ""
                if j < scalars.count, scalars[j] == "=" {
                    j += 1
                    if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" {
                        let quote = scalars[j]
                        j += 1
                        while j < scalars.count, scalars[j] != quote { value.unicodeScalars.append(scalars[j]); j += 1 }
                        j += 1
                    } else {
                        while j < scalars.count, !" \t\n>".unicodeScalars.contains(scalars[j]) {
                            value.unicodeScalars.append(scalars[j])
                            j += 1
                        }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), Self.decode(value))) }
            }
            let tag = Tag(name: name.lowercased(), attributes: attributes)
            tags.append(tag)
            i = j + 1
            if tag.name == "script" || tag.name == "style" {
                let close = "</\(tag.name)"
                var text = ""
                while i < scalars.count {
                    if scalars[i] == "<", String(String.UnicodeScalarView(scalars[i..<min(i + close.count, scalars.count)])).lowercased() == close {
                        break
                    }
                    text.unicodeScalars.append(scalars[i])
                    i += 1
                }
                rawTexts.append((tag, text))
            }
        }
    }

    /// Entity-decodes an attribute value the way a browser would before using it as a URL.
    static func decode(_ value: String) -> String {
        var text = value
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#106;", "j"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Everything found that would run script or load from another host, as readable lines.
    func dangers() -> [String] {
        var found: [String] = []
        // Elements no theme needs and every payload above would bring; the rest is judged by attributes.
        let forbidden: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "xss"]
        for tag in tags {
            if forbidden.contains(tag.name) {
                found.append("<\(tag.name)> element")
            }
            if tag.name == "input", tag.attributes.contains(where: { $0.name == "src" || ($0.name == "type" && $0.value.lowercased() == "image") }) {
                found.append("<input type=image>")
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("<\(tag.name) \(name)=…>") }
                let url = value.lowercased().filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
                if tag.name == "img", name == "src", Self.inertSVGImage(value) != nil || Self.isPNGImage(value) {
                    // The booklet's QR codes: a PNG, or an SVG image (which a browser never runs
                    // script in) of nothing but a rectangle and a path.
                    continue
                }
                if ["href", "src", "action", "formaction", "xlink:href", "data", "content"].contains(name),
                    url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("data:") || url.contains("url=javascript")
                {
                    found.append("<\(tag.name) \(name)=\(value)>")
                }
                if name == "src", url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("//") {
                    found.append("<\(tag.name) src=\(value)> loads from another host")
                }
            }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
                found.append("<meta http-equiv=refresh>")
            }
        }
        for (tag, text) in rawTexts {
            if tag.name == "script" {
                let type = tag.attributes.first { $0.name == "type" }?.value ?? ""
                let isData = type.contains("json")
                if !isData, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.contains("alert") {
                    found.append("inline script with a payload")
                }
                if isData, text.contains("<") {
                    found.append("JSON data in <script> holds a raw '<'")
                }
                if tag.attributes.contains(where: { $0.name == "src" && ($0.value.contains("xss") || $0.value.hasPrefix("http")) }) {
                    found.append("script from another host")
                }
            } else if text.contains("display:none") || text.contains("alert") {
                found.append("<style> with a payload")
            }
        }
        return found
    }

    /// Whether a `data:image/png;base64,` image really is a PNG (raster data: nothing in it runs).
    static func isPNGImage(_ value: String) -> Bool {
        let prefix = "data:image/png;base64,"
        guard value.hasPrefix(prefix), let data = Data(base64Encoded: String(value.dropFirst(prefix.count))) else { return false }
        return data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// The SVG of a `data:image/svg+xml;base64,` image when it holds only `<svg>`, `<rect>` and
    /// `<path>` elements with drawing attributes (what QRCode writes); otherwise nil.
    static func inertSVGImage(_ value: String) -> String? {
        let prefix = "data:image/svg+xml;base64,"
        guard value.hasPrefix(prefix), let data = Data(base64Encoded: String(value.dropFirst(prefix.count))) else { return nil }
        let svg = String(decoding: data, as: UTF8.self)
        let allowedElements: Set<String> = ["svg", "rect", "path"]
        let allowedAttributes: Set<String> = ["xmlns", "viewbox", "shape-rendering", "width", "height", "fill", "d"]
        let inner = HTMLInspector(svg)
        for tag in inner.tags {
            guard allowedElements.contains(tag.name) else { return nil }
            for attribute in tag.attributes where !allowedAttributes.contains(attribute.name.lowercased()) { return nil }
        }
        return inner.tags.isEmpty ? nil : svg
    }
}
