import Foundation

/// Addresses the site links to but never loads: maps, mail, web pages, the corrections form.
///
/// Every link built here is a plain `<a href>`; nothing on another host is embedded, so a
/// reader's browser sends no request anywhere until the reader chooses to follow a link.
enum ExternalLink {
    /// Characters kept as they are in a query value (RFC 3986 unreserved).
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `中央1-2` → `%E4%B8%AD%E5%A4%AE1-2`
    static func encodeQueryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
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
        guard let text else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return nil }
        return text
    }

    /// `mailto:` for an e-mail address that has nothing that could start another header.
    static func mail(_ address: String?) -> String? {
        guard let address, address.contains("@"),
            !address.contains(where: { "?&#\"<> \n\r".contains($0) })
        else { return nil }
        return "mailto:" + address
    }

    /// The corrections address of site.yml with the entry id, so readers need not say which
    /// entry they mean: `https://…/form?entry=<id>` or `mailto:…?subject=…<id>`.
    static func corrections(_ base: String?, entryID: String, entryName: String) -> String? {
        guard let base else { return nil }
        if base.lowercased().hasPrefix("mailto:") {
            let subject = encodeQueryValue("情報の訂正（\(entryID)）\(entryName)")
            return base + (base.contains("?") ? "&" : "?") + "subject=" + subject
        }
        guard let web = web(base) else { return nil }
        return web + (web.contains("?") ? "&" : "?") + "entry=" + encodeQueryValue(entryID)
    }

    /// The corrections address itself, for the footer: https or mailto only.
    static func correctionsPage(_ base: String?) -> String? {
        guard let base else { return nil }
        return base.lowercased().hasPrefix("mailto:") ? base : web(base)
    }
}
