import Yams

/// Text given once for all editions or per language (`{ en: "...", ko: "..." }`).
public enum LocalizedText: Decodable, Sendable, Equatable {
    case any(String)
    case perLanguage([String: String])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .any(s); return }
        self = .perLanguage(try c.decode([String: String].self))
    }

    /// The text for a language, falling back to English, then to any language (alphabetically first).
    public func text(for language: String) -> String {
        switch self {
        case .any(let s): return s
        case .perLanguage(let m):
            return m[language] ?? m["en"] ?? m.keys.sorted().first.flatMap { m[$0] } ?? ""
        }
    }
}

/// An organisation that submits the report.
public struct Organization: Decodable, Sendable {
    public var short: String
    public var name: LocalizedText
    public var url: String?
    /// Logo file (PNG, JPEG or SVG), relative to the report folder.
    public var logo: String?
    public var contact: String?
}

/// One language edition of a report.
public struct Edition: Decodable, Sendable {
    /// The edition's code as written in report.yaml (`en`, `ko`).
    public var code: String = ""
    public var title: String
    public var subtitle: String?
    /// Markdown content file, relative to the report folder.
    public var content: String
    /// Output file name; defaults to `<id>_<CODE>.pdf`.
    public var filename: String?
    /// BCP 47 language tag; defaults to the edition code.
    public var language: String?
    /// Layout for this edition only; defaults to the report's.
    public var layout: String?

    enum CodingKeys: String, CodingKey { case title, subtitle, content, filename, language, layout }

    /// The language the edition is set in.
    public var lang: String { language ?? code }
}

/// A report folder's `report.yaml`: what the report is, who submits it, and its editions.
public struct Report: Sendable {
    public var id: String
    public var layout: String?
    /// Publication date, `YYYY-MM-DD`.
    public var date: String
    public var organizations: [Organization]
    public var editions: [Edition]
    public var keywords: [String]
    public var subject: LocalizedText?
    /// The report folder.
    public var directory: String
    /// Path of report.yaml, for messages.
    public var file: String
    /// Where report.yaml's fields are, for messages.
    var locations: YAMLLocations?

    /// Where a field of report.yaml is (`["organizations", "0", "logo"]`).
    public func location(ofField path: [String]) -> SourceLocation {
        locations?.location(of: path.map { Int($0).map { AnyKey(intValue: $0)! } ?? AnyKey($0) }) ?? SourceLocation(file: file, line: 0, column: 0)
    }

    static let keys = ["id", "layout", "date", "organizations", "editions", "keywords", "subject"]
    static let organizationKeys = ["short", "name", "url", "logo", "contact"]
    static let editionKeys = ["title", "subtitle", "content", "filename", "language", "layout"]

    private struct Raw: Decodable {
        var id: String
        var layout: String?
        var date: String
        var organizations: [Organization]
        var editions: [String: Edition]
        var keywords: [String]?
        var subject: LocalizedText?
    }

    /// Reads `<directory>/report.yaml`; every problem names the file, line, column and field.
    public static func load(directory: String, fileSystem: FileSystem = .local) throws -> Report {
        let file = fileSystem.join(directory, "report.yaml")
        return try parse(text: try fileSystem.readText(file, what: "report.yaml", maxBytes: FileSystem.maxSettingsBytes), directory: directory, file: file)
    }

    /// Parses report.yaml text (the file named `file` in `directory`).
    public static func parse(text: String, directory: String, file: String) throws -> Report {
        let source = try YAMLSource(text: text, file: file)
        try source.checkKeys(at: [], allowed: keys, what: "report.yaml")
        let raw = try source.decode(Raw.self)
        try checkID(raw.id, source: source)
        var editions: [Edition] = []
        // Keep the file's order of editions: it is the order users expect in listings and manifests.
        let order = source.root.mapping?["editions"]?.mapping?.keys.compactMap(\.string) ?? raw.editions.keys.sorted()
        for code in order {
            guard var e = raw.editions[code] else { continue }
            try source.checkKeys(at: ["editions", code], allowed: editionKeys, what: "edition '\(code)'")
            e.code = code
            let at = source.location(of: [AnyKey("editions"), AnyKey(code)])
            try checkCode(code, at: at)
            if e.title.trimmingSpaces.isEmpty {
                throw FolioError("edition '\(code)' has an empty title", at: at)
            }
            if let name = e.filename, name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.pdf$", options: .regularExpression) == nil {
                throw FolioError("file name '\(name)' is not safe for every web server",
                                 at: source.location(of: [AnyKey("editions"), AnyKey(code), AnyKey("filename")]),
                                 hint: "use letters, digits, '.', '_' and '-', ending in .pdf (e.g. NKDB_UPR4_KO.pdf)")
            }
            editions.append(e)
        }
        if editions.isEmpty {
            throw FolioError("report.yaml names no editions", at: source.location(of: [AnyKey("editions")]),
                             hint: "add at least one edition under 'editions:'")
        }
        try checkDistinctOutputs(editions, id: raw.id, source: source)
        for i in raw.organizations.indices {
            try source.checkKeys(at: ["organizations", "\(i)"], allowed: organizationKeys, what: "organization")
        }
        try checkDate(raw.date, source: source)
        return Report(id: raw.id, layout: raw.layout, date: raw.date, organizations: raw.organizations,
                      editions: editions, keywords: raw.keywords ?? [], subject: raw.subject,
                      directory: directory, file: file, locations: YAMLLocations(source))
    }

    /// The organisations' names in a language, joined for PDF metadata.
    public func authors(in language: String) -> String {
        organizations.map { $0.name.text(for: language) }.joined(separator: "; ")
    }

    /// The output file name of an edition.
    public func fileName(of edition: Edition) -> String {
        edition.filename ?? Self.defaultFileName(id: id, code: edition.code)
    }
}
