/// What a changed path means to the next build of `bookmark serve`: the one place that
/// classifies a change, so the load, check and pages steps and the memory of the last build
/// agree on what it touched.
///
/// ```swift
/// ChangeKind.of("/g/content/entries/sakura/a.md", in: folders, now: .file, known: ["entries/sakura/a.md"])
/// // .entryEdited("entries/sakura/a.md")
/// ```
public enum ChangeKind: Hashable, Sendable {
    /// An entry file the last check read, still there: only it is read and checked again,
    /// and only the pages it appears on are made again.
    case entryEdited(String)
    /// An entry file added, removed or renamed, or a folder of entries: every entry file is
    /// checked (unchanged ones from the cache) and every page made again.
    case entriesAddedOrRemoved
    /// `site.yml`: areas, editions and the theme may change; nothing kept applies.
    case siteConfig
    /// A free page under `pages/`.
    case pages
    /// A template: the theme's `templates/` or `print/`, or the guide's own `templates/`.
    case templates
    /// A file of the theme's `assets/`.
    case assets
    /// Nothing a build reads: names starting with `.` or `_` (editors' swap and backup
    /// files, `.git`), and a file that is not `.md` under `entries/` or `pages/` and held no
    /// entry, such as the temporary file an editor or `sed -i` writes before renaming it over
    /// the entry.
    case ignored
    /// Anything else under the content or themes folder (a new theme, a stray file): the
    /// next build starts from nothing.
    case other

    /// What is at a changed path now.
    public enum Now: Sendable {
        case file, folder, nothing
    }

    /// The folders `bookmark serve` watches, as absolute standardized paths.
    public struct Folders: Sendable {
        public var content: String
        public var themes: String

        public init(content: String, themes: String) {
            self.content = content
            self.themes = themes
        }
    }

    /// - Parameters:
    ///   - path: an absolute path the watcher named.
    ///   - now: what is there now.
    ///   - known: the entry files (relative to the content folder) the last good check read.
    public static func of(_ path: String, in folders: Folders, now: Now, known: Set<String>) -> ChangeKind {
        if let relative = relative(path, to: folders.content) {
            return content(relative, now: now, known: known)
        }
        if let relative = relative(path, to: folders.themes) {
            return theme(relative)
        }
        return .other
    }

    /// A path relative to the content folder.
    static func content(_ path: String, now: Now, known: Set<String>) -> ChangeKind {
        let parts = path.split(separator: "/")
        if parts.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) { return .ignored }
        guard let top = parts.first else { return .other }
        switch top {
        case "site.yml" where parts.count == 1:
            return .siteConfig
        case "entries":
            if path.hasSuffix(".md") {
                return known.contains(path) && now == .file ? .entryEdited(path) : .entriesAddedOrRemoved
            }
            switch now {
            case .folder: return .entriesAddedOrRemoved
            case .file: return parts.count == 1 ? .entriesAddedOrRemoved : .ignored
            // Gone: it matters if it was a folder of entries.
            case .nothing: return parts.count == 1 || known.contains { $0.hasPrefix(path + "/") } ? .entriesAddedOrRemoved : .ignored
            }
        case "pages":
            return now == .file && parts.count > 1 && !path.hasSuffix(".md") ? .ignored : .pages
        case "templates":
            return .templates
        default:
            return .other
        }
    }

    /// A path relative to the themes folder: `<theme>/templates/…`, `<theme>/print/…`, `<theme>/assets/…`.
    static func theme(_ path: String) -> ChangeKind {
        let parts = path.split(separator: "/")
        if parts.contains(where: { $0.hasPrefix(".") }) { return .ignored }
        guard parts.count >= 3 else { return .other }
        switch parts[1] {
        case "templates", "print": return .templates
        case "assets": return .assets
        default: return .other
        }
    }

    private static func relative(_ path: String, to folder: String) -> String? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}

/// Every change since the last build, classified.
public struct ChangeSet: Sendable, Equatable {
    public var kinds: Set<ChangeKind>

    public init(_ kinds: some Sequence<ChangeKind>) {
        self.kinds = Set(kinds)
    }

    /// The edited entry files (relative paths), when entry edits are all that matters.
    public var editedEntriesOnly: [String]? {
        var edited: [String] = []
        for kind in kinds {
            switch kind {
            case .entryEdited(let path): edited.append(path)
            case .ignored: continue
            default: return nil
            }
        }
        return edited.sorted()
    }

    /// Whether what the last build made of entries (list items, booklet cards, search
    /// records, the theme) still holds: only entries changed.
    public var keepsWhatWasMadeOfEntries: Bool {
        kinds.allSatisfy { kind in
            switch kind {
            case .entryEdited, .entriesAddedOrRemoved, .ignored: true
            default: false
            }
        }
    }
}
