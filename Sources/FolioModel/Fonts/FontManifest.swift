/// Fonts/fonts.yaml: which family sets each script in each role, and the fallback order per language.
public struct FontManifest: Decodable, Sendable {
    /// role (serif, sans, mono) → ISO 15924 script tag (Latn, Hang, …) → family name.
    public var families: [String: [String: String]]
    /// language (or `default`) → script tags whose families are tried, in order, for characters that
    /// the character's own script family lacks, and for punctuation with no script of its own.
    public var fallback: [String: [String]]
    /// Families tried last, for symbols; those not installed are skipped.
    public var extra: [String]
    /// language → role → script → size and baseline adjustment, so that a script set inside text of the
    /// language (Latin in Korean, Hangul in English) looks the same size and sits on the same line.
    public var pairing: [String: [String: [String: ScriptAdjustment]]]
    /// language → role → script → family, taking the place of `families` for editions in that language: the Noto
    /// CJK collections draw one Han code point differently for Japanese, Simplified and Traditional Chinese and
    /// Korean, each a face of the same .ttc that fontconfig finds by family name (with its index).
    public var languages: [String: [String: [String: String]]]
    /// Where the manifest came from, for messages.
    public var file: String = ""
    public var locations: YAMLLocations?

    enum CodingKeys: String, CodingKey { case families, fallback, extra, pairing, languages }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        families = try c.decode([String: [String: String]].self, forKey: .families)
        fallback = try c.decode([String: [String]].self, forKey: .fallback)
        extra = try c.decodeIfPresent([String].self, forKey: .extra) ?? []
        pairing = try c.decodeIfPresent([String: [String: [String: ScriptAdjustment]]].self, forKey: .pairing) ?? [:]
        languages = try c.decodeIfPresent([String: [String: [String: String]]].self, forKey: .languages) ?? [:]
    }

    /// The families of a role for text of a language: the language's own entries (`languages`, the full tag, then
    /// its first subtag) over the shared ones.
    public func families(role: String, language: String) -> [String: String] {
        var out = families[role] ?? [:]
        if let own = languageEntry(language)?[role] { out.merge(own) { $1 } }
        return out
    }

    private func languageEntry(_ language: String) -> [String: [String: String]]? {
        if let hit = languages[language] { return hit }
        if let hit = languages.first(where: { $0.key.lowercased() == language.lowercased() })?.value { return hit }
        return languages[String(language.split(separator: "-").first ?? "")]
    }

    /// The adjustment of a script in a role for text of a language (identity when none is set).
    public func adjustment(language: String, role: String, script: String) -> ScriptAdjustment {
        let lang = pairing[language] ?? pairing[String(language.prefix(2))]
        return lang?[role]?[script] ?? ScriptAdjustment(scale: 1, baseline: 0)
    }

    /// Reads a fonts.yaml file.
    public static func load(file: String, fileSystem: FileSystem = .local) throws -> FontManifest {
        let source = try YAMLSource(text: try fileSystem.readText(file, what: "font manifest"), file: file)
        try source.checkKeys(at: [], allowed: ["families", "fallback", "extra", "pairing", "languages"], what: "fonts.yaml")
        var manifest = try source.decode(FontManifest.self)
        for role in manifest.families.keys where FontRole(rawValue: role) == nil {
            throw FolioError("unknown font role '\(role)'", at: source.location(of: [AnyKey("families"), AnyKey(role)]),
                             hint: "roles are \(FontRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for role in FontRole.allCases where manifest.families[role.rawValue] == nil {
            throw FolioError("fonts.yaml names no families for role '\(role.rawValue)'",
                             at: source.location(of: [AnyKey("families")]))
        }
        for (language, roles) in manifest.languages {
            for role in roles.keys where FontRole(rawValue: role) == nil {
                throw FolioError("unknown font role '\(role)' for language '\(language)'",
                                 at: source.location(of: [AnyKey("languages"), AnyKey(language), AnyKey(role)]),
                                 hint: "roles are \(FontRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        manifest.file = file
        manifest.locations = YAMLLocations(source)
        return manifest
    }

    /// The scripts to try, in order, for a language.
    public func fallbackScripts(for language: String) -> [String] {
        fallback[language] ?? fallback[String(language.prefix(2))] ?? fallback["default"] ?? ["Latn"]
    }

    /// Where a family is named in the manifest, for "not installed" messages.
    public func location(role: String, script: String, language: String? = nil) -> SourceLocation? {
        if let language, let entry = languages.keys.first(where: { languages[$0]?[role]?[script] != nil && (language == $0 || language.hasPrefix($0 + "-")) }) {
            return locations?.location(of: [AnyKey("languages"), AnyKey(entry), AnyKey(role), AnyKey(script)])
        }
        return locations?.location(of: [AnyKey("families"), AnyKey(role), AnyKey(script)])
    }
}

/// How a script is scaled and shifted next to another (fonts.yaml `pairing`).
public struct ScriptAdjustment: Decodable, Sendable, Equatable {
    /// Size factor (1.02 sets Latin 2% larger).
    public var scale: Double
    /// Baseline shift in em, positive upwards.
    public var baseline: Double
    public init(scale: Double, baseline: Double) { self.scale = scale; self.baseline = baseline }
    enum CodingKeys: String, CodingKey { case scale, baseline }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1
        baseline = try c.decodeIfPresent(Double.self, forKey: .baseline) ?? 0
        guard scale > 0.5 && scale < 2 else {
            throw DecodingError.dataCorruptedError(forKey: .scale, in: c, debugDescription: "scale \(scale) is outside 0.5…2")
        }
    }
}
