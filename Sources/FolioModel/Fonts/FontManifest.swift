/// Fonts/fonts.yaml: which family sets each script in each role, and the fallback order per language.
public struct FontManifest: Decodable, Sendable {
    /// role (serif, sans, mono) → ISO 15924 script tag (Latn, Hang, …) → family name.
    public var families: [String: [String: String]]
    /// language (or `default`) → script tags whose families are tried, in order, for characters that
    /// the character's own script family lacks, and for punctuation with no script of its own.
    public var fallback: [String: [String]]
    /// Families tried last, for symbols; those not installed are skipped.
    public var extra: [String]
    /// Where the manifest came from, for messages.
    public var file: String = ""
    public var source: YAMLSource?

    enum CodingKeys: String, CodingKey { case families, fallback, extra }

    /// Reads a fonts.yaml file.
    public static func load(file: String, fileSystem: FileSystem = .local) throws -> FontManifest {
        let source = try YAMLSource(text: try fileSystem.readText(file, what: "font manifest"), file: file)
        try source.checkKeys(at: [], allowed: ["families", "fallback", "extra"], what: "fonts.yaml")
        var manifest = try source.decode(FontManifest.self)
        for role in manifest.families.keys where FontRole(rawValue: role) == nil {
            throw FolioError("unknown font role '\(role)'", at: source.location(of: [AnyKey("families"), AnyKey(role)]),
                             hint: "roles are \(FontRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for role in FontRole.allCases where manifest.families[role.rawValue] == nil {
            throw FolioError("fonts.yaml names no families for role '\(role.rawValue)'",
                             at: source.location(of: [AnyKey("families")]))
        }
        manifest.file = file
        manifest.source = source
        return manifest
    }

    /// The scripts to try, in order, for a language.
    public func fallbackScripts(for language: String) -> [String] {
        fallback[language] ?? fallback[String(language.prefix(2))] ?? fallback["default"] ?? ["Latn"]
    }

    /// Where a family is named in the manifest, for "not installed" messages.
    public func location(role: String, script: String) -> SourceLocation? {
        source?.location(of: [AnyKey("families"), AnyKey(role), AnyKey(script)])
    }
}

extension YAMLSource: @unchecked Sendable {}
