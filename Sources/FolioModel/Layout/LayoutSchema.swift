import Yams

/// What a layout file may say: every key, and the kind of value each takes. Each layout file is checked
/// against it on its own (before inheritance merges files), so that every error names the file, line and
/// column where it was written, the key, and the values allowed.
indirect enum Schema {
    case length, color, bool, number, integer, string, localized
    case choice([String])
    case choices([String])
    case strings
    case mapping([String: Schema])

    static let textStyle: Schema = .mapping([
        "family": .choice(FontRole.allCases.map(\.rawValue)), "size": .number, "bold": .bool, "italic": .bool, "color": .color,
    ])

    static let heading: Schema = .mapping(["font": textStyle, "leading": .number, "space-before": .length, "space-after": .length])
    static let running: Schema = .mapping(["left": .string, "center": .string, "right": .string, "font": textStyle, "first-page": .bool])

    /// The whole layout format (docs/layouts.md describes each key).
    static let layout: [String: Schema] = [
        "extends": .string, "description": .string,
        "page": .mapping(["width": .length, "height": .length, "margin-top": .length, "margin-bottom": .length,
                          "margin-inner": .length, "margin-outer": .length]),
        "body": .mapping([
            "font": textStyle, "leading": .number, "align": .choice(["justify", "left", "center", "right"]),
            "paragraph-spacing": .length, "first-line-indent": .length, "korean-breaks": .choice(["word", "syllable"]),
            "orphans": .integer, "widows": .integer,
            "composer": .mapping([
                "algorithm": .choice(["optimal", "first-fit"]), "tolerance": .number, "looseness": .integer,
                "space-stretch": .number, "space-shrink": .number, "hangul-letter-space": .number,
                "hangul-letter-shrink": .number, "hangul-latin-space": .number, "hanging-punctuation": .bool,
                "hyphenate": .bool, "hyphen-min-word": .integer, "hyphen-min-left": .integer, "hyphen-min-right": .integer,
                "hyphen-max-consecutive": .integer, "hyphenate-capitalized": .bool, "short-last-line": .number,
            ]),
        ]),
        "h1": heading, "h2": heading, "h3": heading,
        "list": .mapping(["indent": .length, "item-spacing": .length, "bullets": .strings,
                          "numbering": .choices(NumberingStyle.allCases.map(\.rawValue))]),
        "quote": .mapping(["indent": .length, "indent-right": .length, "font": textStyle, "rule": .bool, "rule-color": .color]),
        "table": .mapping(["font": textStyle, "leading": .number, "padding": .length, "rule-width": .length,
                           "rule-color": .color, "header-shade": .color]),
        "footnotes": .mapping(["font": textStyle, "leading": .number, "spacing": .length, "heading": .localized,
                               "placement": .choice(["page", "endnotes"]), "rule-length": .number]),
        "header": running, "footer": running,
        "title-block": .mapping(["title": textStyle, "subtitle": textStyle, "meta": textStyle, "space-after": .length]),
        "code": textStyle,
        "cover": .mapping(["enabled": .bool, "title": textStyle, "subtitle": textStyle, "meta": textStyle,
                           "logo-height": .length, "title-top": .length]),
        "contents": .mapping(["enabled": .bool, "title": .localized, "depth": .integer, "font": textStyle, "leader": .string,
                              "page-break-after": .bool]),
        "numbered-paragraphs": .mapping(["enabled": .bool, "position": .choice(["margin", "inline"]), "lists": .bool,
                                         "quotes": .bool, "skip-sections": .strings, "font": textStyle]),
        "page-labels": .mapping(["front-matter-roman": .bool]),
        "limits": .mapping(["max-content-bytes": .integer, "max-image-pixels": .integer, "max-nesting": .integer,
                            "max-pages": .integer]),
        "checks": .mapping(["word-limit": .integer, "word-limit-joint": .integer, "count-footnotes": .bool,
                            "languages": .strings, "numbered-paragraphs": .bool]),
    ]

    /// Checks a node against the schema; `path` names it in messages.
    func check(_ node: Node, path: String, source: YAMLSource) throws {
        let at = source.location(of: node)
        func wrong(_ expected: String, hint: String? = nil) -> FolioError {
            // The value is not quoted: a report's layout file may hold anything, and errors quote no file's content.
            FolioError("'\(path)' should be \(expected)\(node.scalar != nil ? "" : ", not a \(node.mapping != nil ? "mapping" : "list")")", at: at, hint: hint)
        }
        switch self {
        case .length:
            guard let s = node.scalar?.string, Length.parse(s) != nil else {
                throw wrong("a length", hint: "write a number of points or a length with a unit: 12pt, 25mm, 2cm, 1in")
            }
        case .color:
            guard let s = node.scalar?.string, s.hasPrefix("#"), s.count == 7, UInt32(s.dropFirst(), radix: 16) != nil else {
                throw wrong("a colour", hint: "write #rrggbb, e.g. \"#0b3d6e\" (quoted: # starts a YAML comment)")
            }
        case .bool:
            guard node.bool != nil else { throw wrong("true or false") }
        case .number:
            guard node.float != nil || node.int != nil else { throw wrong("a number") }
        case .integer:
            guard node.int != nil else { throw wrong("a whole number") }
        case .string:
            guard node.scalar != nil else { throw wrong("text") }
        case .localized:
            if node.scalar != nil { return }
            guard let m = node.mapping, m.allSatisfy({ $0.value.scalar != nil }) else {
                throw wrong("text, or text per language such as { en: Notes, ko: 주 }")
            }
        case .choice(let allowed):
            guard let s = node.scalar?.string, allowed.contains(s) else {
                throw wrong("one of: \(allowed.joined(separator: ", "))",
                            hint: (node.string.flatMap { Spelling.nearest(to: $0, in: allowed) }).map { "did you mean '\($0)'?" })
            }
        case .choices(let allowed):
            guard let seq = node.sequence else { throw wrong("a list of: \(allowed.joined(separator: ", "))") }
            for item in seq { try Schema.choice(allowed).check(item, path: path + "[]", source: source) }
        case .strings:
            guard let seq = node.sequence, seq.allSatisfy({ $0.scalar != nil }) else { throw wrong("a list of text items") }
        case .mapping(let fields):
            guard let m = node.mapping else { throw wrong("a mapping of keys") }
            try Self.checkMapping(m, fields: fields, path: path, source: source)
        }
    }

    /// Checks the keys and values of a mapping, suggesting the nearest known key for an unknown one.
    static func checkMapping(_ m: Node.Mapping, fields: [String: Schema], path: String, source: YAMLSource,
                             extraKey: ((String) -> Bool)? = nil) throws {
        let known = fields.keys.sorted()
        for (key, value) in m {
            let name = key.string ?? ""
            if let field = fields[name] {
                try field.check(value, path: path.isEmpty ? name : "\(path).\(name)", source: source)
            } else if extraKey?(name) == true {
                continue
            } else {
                let near = Spelling.nearest(to: name, in: known)
                throw FolioError("unknown key '\(name)'\(path.isEmpty ? "" : " in '\(path)'")", at: source.location(of: key),
                                 hint: (near.map { "did you mean '\($0)'? " } ?? "") + "known keys: \(known.joined(separator: ", "))")
            }
        }
    }
}
