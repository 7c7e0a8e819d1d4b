/// Every stable diagnostic code. Editors look these up in `docs/diagnostics.md`;
/// a test fails when a code here is missing there.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Files and encodings
    case fileUnreadable = "file-unreadable"
    case fileTooLarge = "file-too-large"
    case fileEmpty = "file-empty"
    case tooManyFiles = "too-many-files"
    case invalidUTF8 = "encoding-invalid-utf8"
    case shiftJIS = "encoding-shift-jis"
    case symlinkOutside = "symlink-outside"
    case siteMissing = "site-missing"
    case idInvalid = "id-invalid"
    case idDuplicate = "id-duplicate"
    case lineTooLong = "line-too-long"

    // Front matter and YAML
    case frontMatterMissing = "front-matter-missing"
    case frontMatterUnclosed = "front-matter-unclosed"
    case yamlSyntax = "yaml-syntax"
    case yamlTab = "yaml-tab"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlAlias = "yaml-alias"
    case yamlTooDeep = "yaml-too-deep"
    case yamlNotMapping = "yaml-not-mapping"

    // Fields
    case fieldUnknown = "field-unknown"
    case fieldMissing = "field-missing"
    case fieldType = "field-type"
    case enumInvalid = "enum-invalid"
    case listEmpty = "list-empty"
    case listRepeat = "list-repeat"
    case textTooLong = "text-too-long"
    case textEmpty = "text-empty"
    case kanaInvalid = "kana-invalid"
    case areaUnknown = "area-unknown"
    case nationwideNotOnline = "nationwide-not-online"
    case agesInvalid = "ages-invalid"
    case postalCodeInvalid = "postal-code-invalid"
    case phoneInvalid = "phone-invalid"
    case emailInvalid = "email-invalid"
    case urlInvalid = "url-invalid"
    case lineInvalid = "line-invalid"
    case contactMissing = "contact-missing"
    case addressMissing = "address-missing"
    case hoursMissing = "hours-missing"
    case weeksInvalid = "weeks-invalid"
    case timeInvalid = "time-invalid"
    case geoInvalid = "geo-invalid"
    case geoOutsideJapan = "geo-outside-japan"
    case dateInvalid = "date-invalid"
    case verifiedFuture = "verified-future"
    case verifiedStale = "verified-stale"
    case untilPast = "until-past"
    case costMissing = "cost-missing"
    case reservationMissing = "reservation-missing"
    case languageInvalid = "language-invalid"
    case numberInvalid = "number-invalid"

    // site.yml
    case baseURLInvalid = "base-url-invalid"
    case neighborUnknown = "neighbor-unknown"
    case editionAreaUnknown = "edition-area-unknown"
    case themeMissing = "theme-missing"
    case correctionsInvalid = "corrections-invalid"

    // Markdown bodies
    case markdownRawHTML = "markdown-raw-html"
    case markdownLinkScheme = "markdown-link-scheme"
    case markdownImage = "markdown-image"
    case markdownEmphasis = "markdown-emphasis"
    case markdownTableTooWide = "markdown-table-too-wide"

    /// Whether the problem stops a build by default.
    public var defaultSeverity: Severity {
        switch self {
        case .verifiedStale, .untilPast, .costMissing, .reservationMissing, .geoOutsideJapan,
            .markdownRawHTML, .markdownLinkScheme, .markdownImage, .markdownEmphasis, .markdownTableTooWide:
            .warning
        default:
            .error
        }
    }
}
