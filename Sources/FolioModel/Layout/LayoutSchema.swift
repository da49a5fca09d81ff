import Yams

/// What a layout file may say: every key, and the kind of value each takes. Each layout file is checked
/// against it on its own (before inheritance merges files), so that every error names the file, line and
/// column where it was written, the key, and the values allowed.
indirect enum Schema: Equatable, Sendable {
    case length, color, bool, number, integer, string, localized
    case choice([String])
    case choices([String])
    case strings
    case mapping([String: Schema])

    /// The whole layout format (docs/layouts.md describes each key): what the layout types decode, derived from
    /// them (see `Schema.fields(of:)`), and the two keys the loader reads itself.
    static let layout: [String: Schema] = Dictionary(uniqueKeysWithValues: fields(of: Layout.self)
        + [("extends", .string), ("description", .string)])

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
