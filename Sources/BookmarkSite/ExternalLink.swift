import Foundation

/// Addresses the site links to but never loads: maps, mail, web pages, the corrections form.
///
/// Every link built here is a plain `<a href>`; nothing on another host is embedded, so a
/// reader's browser sends no request anywhere until the reader chooses to follow a link.
enum ExternalLink {
    /// `中央1-2` → `%E4%B8%AD%E5%A4%AE1-2`: every UTF-8 byte but the RFC 3986 unreserved
    /// ones (`A-Z a-z 0-9 - . _ ~`) as `%XX`, what Foundation's `addingPercentEncoding`
    /// writes, by bytes: it is asked for each of 10,000 entries' map and corrections links.
    static func encodeQueryValue(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An OpenStreetMap search for an address: a link only, no map is embedded.
    static func map(address: String) -> String {
        "https://www.openstreetmap.org/search?query=" + encodeQueryValue(address)
    }

    /// The address itself when it is an absolute http(s) URL, else nil.
    ///
    /// The validator already refuses other schemes; this second check keeps a
    /// `javascript:` URL from ever becoming a link, whatever a future rule lets through.
    static func web(_ text: String?) -> String? {
        guard let text, hasPrefix(text, "https://") || hasPrefix(text, "http://") else { return nil }
        return text
    }

    /// Whether `text` starts with the lowercase ASCII `prefix`, ignoring ASCII case.
    private static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return zip(bytes, wanted).allSatisfy { byte, want in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 == want : byte == want
        }
    }

    /// Bytes that could end an address in a `mailto:` link and start something else.
    private static let headerBytes = Set("?&#\"<> \n\r".utf8)

    /// `mailto:` for an e-mail address that has nothing that could start another header.
    static func mail(_ address: String?) -> String? {
        // By bytes, so a character joined to a combining mark is still seen.
        guard let address, address.utf8.contains(UInt8(ascii: "@")),
            !address.utf8.contains(where: headerBytes.contains)
        else { return nil }
        return "mailto:" + address
    }

    /// The corrections address of site.yml with the entry id, so readers need not say which
    /// entry they mean: `https://…/form?entry=<id>` or `mailto:…?subject=…<id>`.
    static func corrections(_ base: String?, entryID: String, entryName: String) -> String? {
        guard let base else { return nil }
        if hasPrefix(base, "mailto:") {
            let subject = encodeQueryValue("情報の訂正（\(entryID)）\(entryName)")
            return base + (base.contains("?") ? "&" : "?") + "subject=" + subject
        }
        guard let web = web(base) else { return nil }
        return web + (web.contains("?") ? "&" : "?") + "entry=" + encodeQueryValue(entryID)
    }

    /// The corrections address itself, for the footer: https or mailto only.
    static func correctionsPage(_ base: String?) -> String? {
        guard let base else { return nil }
        return hasPrefix(base, "mailto:") ? base : web(base)
    }
}
