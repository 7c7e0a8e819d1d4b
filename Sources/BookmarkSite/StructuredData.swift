import BookmarkTemplates
import BookmarkModel

/// schema.org JSON-LD for an entry page, so search engines can show the phone number and
/// place of a window directly.
///
/// A consultation run by a municipality or prefecture is a `GovernmentService`, anything else
/// a `Service`; the body that runs it (with telephone, e-mail and address) is its `provider`.
enum StructuredData {
    static func object(for entry: Entry, guide: Guide) -> Object {
        let isPublic = entry.operatorType == .municipality || entry.operatorType == .prefecture
        var provider = Object()
        provider.add("@type", isPublic ? "GovernmentOrganization" : "Organization")
        provider.add("name", entry.operator ?? entry.name)
        provider.add("telephone", entry.phones.first?.display)
        provider.add("faxNumber", entry.fax?.display)
        provider.add("email", entry.email)
        provider.add("url", ExternalLink.web(entry.url))
        if let address = entry.address, !entry.addressUndisclosed {
            var postal = Object()
            postal.add("@type", "PostalAddress")
            postal.add("streetAddress", address)
            postal.add("postalCode", entry.postalCode)
            postal.add("addressCountry", "JP")
            provider.add("address", postal)
        }
        var service = Object()
        service.add("@context", "https://schema.org")
        service.add("@type", isPublic && entry.kind == .consultation ? "GovernmentService" : "Service")
        let permalink = Route.entry(id: entry.id).permalink(base: guide.site.baseURL)
        service.add("@id", permalink)
        service.add("url", permalink)
        service.add("name", entry.name)
        service.add("serviceType", entry.kind.japaneseLabel)
        service.add("description", entry.bodyText)
        service.add("areaServed", EntryContext.areaName(entry.area, guide: guide))
        var audience = Object()
        audience.add("@type", "Audience")
        // Kept even when empty, as it always was.
        audience.add("audienceType", keepingEmpty: entry.audiences.map(\.japaneseLabel).joined(separator: "・"))
        service.add("audience", audience)
        if entry.isFree { service.add("isAccessibleForFree", true) }
        service.add("availableLanguage", entry.languages)
        service.add("provider", provider)
        return service
    }

    /// The JSON-LD text, escaped for a script block.
    static func script(for entry: Entry, guide: Guide) -> String? {
        var writer = JSONWriter(forScriptBlock: true)
        object(for: entry, guide: guide).write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A JSON object of typed members, written with its keys sorted as `JSONWriter` sorts a
    /// dictionary's. Like `TemplateValues`, it leaves out a member without a value, with empty
    /// text or with an empty list. Typed rather than a `[String: Any]`, so 10,000 entry pages
    /// need no hashing of keys and no dynamic casts to write it.
    struct Object {
        private enum Value {
            case text(String)
            case flag(Bool)
            case texts([String])
            case object(Object)
        }

        private var members: [(key: String, value: Value)] = []

        mutating func add(_ key: String, _ text: String?) {
            if let text, !text.isEmpty { members.append((key, .text(text))) }
        }

        mutating func add(_ key: String, keepingEmpty text: String) { members.append((key, .text(text))) }

        mutating func add(_ key: String, _ flag: Bool) { members.append((key, .flag(flag))) }

        mutating func add(_ key: String, _ texts: [String]) {
            if !texts.isEmpty { members.append((key, .texts(texts))) }
        }

        mutating func add(_ key: String, _ object: Object) { members.append((key, .object(object))) }

        func write(to writer: inout JSONWriter) {
            writer.bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                writer.write(string: member.key)
                writer.bytes.append(UInt8(ascii: ":"))
                switch member.value {
                case .text(let text): writer.write(string: text)
                case .flag(let flag): writer.write(flag: flag)
                case .texts(let texts): writer.write(strings: texts)
                case .object(let object): object.write(to: &writer)
                }
            }
            writer.bytes.append(UInt8(ascii: "}"))
        }
    }
}
