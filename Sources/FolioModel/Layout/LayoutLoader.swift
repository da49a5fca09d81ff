import Yams

/// Finds and loads layouts: a name is looked up in the layout folders, a path is read as is.
/// A layout may `extends:` another; keys named after a language (`ko:`, `en:`) override the rest for that language.
public struct LayoutLoader: Sendable {
    /// Folders searched for `<name>.yaml`, in order.
    public var folders: [String]
    public var fileSystem: FileSystem
    /// The layout every other extends implicitly: it holds every default.
    public static let baseName = "base"

    public init(folders: [String], fileSystem: FileSystem = .local) {
        self.folders = folders; self.fileSystem = fileSystem
    }

    /// The names of the layouts available, with their files.
    public func available() -> [(name: String, file: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for folder in folders {
            for entry in fileSystem.list(folder).sorted() where entry.hasSuffix(".yaml") {
                let name = String(entry.dropLast(5))
                if seen.insert(name).inserted { out.append((name, fileSystem.join(folder, entry))) }
            }
        }
        return out
    }

    /// Loads a layout by name or path for one language.
    public func load(_ nameOrPath: String, language: String, at origin: SourceLocation? = nil) throws -> Layout {
        let (node, file, name) = try resolved(nameOrPath, language: language, origin: origin, chain: [])
        var layout = try YAMLSource(root: node, file: file).decode(Layout.self)
        layout.name = name
        return layout
    }

    private func locate(_ nameOrPath: String, origin: SourceLocation?) throws -> (file: String, name: String) {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            guard fileSystem.exists(nameOrPath) else {
                throw FolioError("layout file '\(nameOrPath)' does not exist", at: origin)
            }
            let base = nameOrPath.split(separator: "/").last.map(String.init) ?? nameOrPath
            return (nameOrPath, base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base)
        }
        for folder in folders {
            let file = fileSystem.join(folder, nameOrPath + ".yaml")
            if fileSystem.exists(file) { return (file, nameOrPath) }
        }
        let names = available().map(\.name).filter { $0 != Self.baseName }
        throw FolioError("unknown layout '\(nameOrPath)'", at: origin,
                         hint: (Spelling.nearest(to: nameOrPath, in: names).map { "did you mean '\($0)'? " } ?? "")
                            + "available layouts: \(names.joined(separator: ", "))")
    }

    /// The layout's node after inheritance and the language override are applied.
    private func resolved(_ nameOrPath: String, language: String, origin: SourceLocation?, chain: [String]) throws -> (Node, String, String) {
        let (file, name) = try locate(nameOrPath, origin: origin)
        if chain.contains(file) {
            throw FolioError("layouts extend each other in a circle: \((chain + [file]).joined(separator: " → "))", at: origin)
        }
        let source = try YAMLSource(text: try fileSystem.readText(file, what: "layout"), file: file)
        guard let mapping = source.root.mapping else {
            throw FolioError("a layout must be a mapping of keys", at: source.location(of: source.root))
        }
        // Every key and value is checked here, in the file that wrote it, before files are merged.
        try Schema.checkMapping(mapping, fields: Schema.layout, path: "", source: source, extraKey: Self.isLanguageKey)
        var own = Node.Mapping([])
        var overrides: [String: Node] = [:]
        for (key, value) in mapping {
            let k = key.string ?? ""
            if Self.isLanguageKey(k) {
                guard let m = value.mapping else {
                    throw FolioError("language override '\(k)' must be a mapping of layout keys", at: source.location(of: value))
                }
                try Schema.checkMapping(m, fields: Schema.layout.filter { $0.key != "extends" && $0.key != "description" },
                                        path: k, source: source)
                overrides[k] = value
            } else if k != "extends" && k != "description" {
                own[key] = value
            }
        }
        var node = Node.mapping(own)
        let parentName = mapping["extends"]?.string ?? (name == Self.baseName ? nil : Self.baseName)
        if let parentName {
            let at = mapping["extends"].map { source.location(of: $0) } ?? origin
            let (parent, _, _) = try resolved(parentName, language: language, origin: at, chain: chain + [file])
            node = Self.merge(parent, node)
        }
        if let override = overrides[language] ?? overrides[String(language.prefix(2))] {
            node = Self.merge(node, override)
        }
        return (node, file, name)
    }

    /// Top-level keys that are language codes (`ko`, `en`, `pt-BR`) hold overrides for that language.
    static func isLanguageKey(_ k: String) -> Bool {
        guard Schema.layout[k] == nil else { return false }
        let u = Array(k.utf8)
        guard u.count >= 2, u[0...1].allSatisfy({ (0x61...0x7A).contains($0) }) else { return false }
        if u.count == 2 { return true }
        return u.count > 3 && u[2] == 0x2D && u[3...].allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// Deep merge: mappings merge key by key, anything else in `top` replaces `bottom`.
    static func merge(_ bottom: Node, _ top: Node) -> Node {
        guard var result = bottom.mapping, let over = top.mapping else { return top }
        for (key, value) in over {
            if let existing = result[key] { result[key] = merge(existing, value) } else { result[key] = value }
        }
        return .mapping(result)
    }
}
