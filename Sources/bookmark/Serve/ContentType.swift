import Foundation

/// The `Content-Type` of a file of the built site, by its extension.
///
/// `index.html` → `text/html; charset=utf-8`, `sakura.pdf` → `application/pdf`.
enum ContentType {
    static func of(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "webmanifest": "application/manifest+json"
        case "xml": "application/xml"
        case "atom": "application/atom+xml"
        case "rss": "application/rss+xml"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "vcf": "text/vcard; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        default: "application/octet-stream"
        }
    }

    static func isHTML(_ type: String) -> Bool { type.hasPrefix("text/html") }
}
