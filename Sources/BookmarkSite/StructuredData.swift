import BookmarkModel

/// schema.org JSON-LD for an entry page, so search engines can show the phone number and
/// place of a window directly.
///
/// A consultation run by a municipality or prefecture is a `GovernmentService`, anything else
/// a `Service`; the body that runs it (with telephone, e-mail and address) is its `provider`.
enum StructuredData {
    static func object(for entry: Entry, guide: Guide) -> [String: Any] {
        let isPublic = entry.operatorType == .municipality || entry.operatorType == .prefecture
        var provider = TemplateValues()
        provider["@type"] = isPublic ? "GovernmentOrganization" : "Organization"
        provider["name"] = entry.operator ?? entry.name
        provider["telephone"] = entry.phones.first?.display
        provider["faxNumber"] = entry.fax?.display
        provider["email"] = entry.email
        provider["url"] = ExternalLink.web(entry.url)
        if let address = entry.address, !entry.addressUndisclosed {
            var postal = TemplateValues()
            postal["@type"] = "PostalAddress"
            postal["streetAddress"] = address
            postal["postalCode"] = entry.postalCode
            postal["addressCountry"] = "JP"
            provider["address"] = postal.dictionary
        }
        var service = TemplateValues()
        service["@context"] = "https://schema.org"
        service["@type"] = isPublic && entry.kind == .consultation ? "GovernmentService" : "Service"
        service["@id"] = guide.site.baseURL + "entries/\(entry.id)/"
        service["url"] = guide.site.baseURL + "entries/\(entry.id)/"
        service["name"] = entry.name
        service["serviceType"] = entry.kind.japaneseLabel
        service["description"] = entry.bodyText
        service["areaServed"] = EntryContext.areaName(entry.area, guide: guide)
        service["audience"] = [
            "@type": "Audience",
            "audienceType": entry.audiences.map(\.japaneseLabel).joined(separator: "・"),
        ]
        if entry.isFree { service["isAccessibleForFree"] = true }
        service["availableLanguage"] = entry.languages
        service["provider"] = provider.dictionary
        return service.dictionary
    }

    /// The JSON-LD text, escaped for a script block.
    static func script(for entry: Entry, guide: Guide) -> String? {
        try? JSONText.forScriptBlock(object(for: entry, guide: guide))
    }
}
