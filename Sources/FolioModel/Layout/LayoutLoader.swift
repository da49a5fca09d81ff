import Yams
import Synchronization

/// Finds and loads layouts: a name is looked up in the layout folders, a path is read as is.
/// A layout may `extends:` another; keys named after a language (`ko:`, `en:`) override the rest for that language.
public struct LayoutLoader: Sendable {
    /// Folders searched for `<name>.yaml`, in order.
    public var folders: [String]
    public var fileSystem: FileSystem
    /// The layout every other extends implicitly: it holds every default.
    public static let baseName = "base"

    /// Layouts already loaded (shared by the loader's copies).
    private let memo = LayoutMemo()

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

    /// Where a layout name or path comes from. The installation's layouts and a file named on the command line are
    /// the operator's: a path is read as given. A report's `layout:` is the report's: a path is read inside the
    /// report folder (never beside the working directory), and the limits its files set cannot exceed those of the
    /// installed layout they build on.
    public enum Origin: Sendable, Equatable {
        /// The installation's layout folders, or a file the command line names.
        case trusted
        /// A report's `layout:`, whose paths are read inside this folder.
        case report(folder: String)
    }

    /// Loads a layout by name or path for one language, as the operator names it (installation or command line).
    public func load(_ nameOrPath: String, language: String, at origin: SourceLocation? = nil) throws -> Layout {
        try load(nameOrPath, language: language, from: .trusted, at: origin)
    }

    /// Loads a layout by name or path for one language; a report's own layout files are confined to its folder
    /// and their limits are capped by the installed layout they extend (a report may lower a limit, not raise it).
    public func load(_ nameOrPath: String, language: String, from origin: Origin, at place: SourceLocation?) throws -> Layout {
        let key = ([nameOrPath, language, "\(origin)"] + folders).joined(separator: "\u{0}")
        if let cached = memo.layout(key, unchanged: { try? fileSystem.readText($0, what: "layout", maxBytes: FileSystem.maxSettingsBytes) }) {
            return cached
        }
        var read: [LayoutMemo.File] = []
        let resolved = try resolved(nameOrPath, language: language, origin: origin, place: place, namedBy: nil, chain: [], read: &read)
        let node = resolved.installed.map { Self.capped(resolved.node, by: $0) } ?? resolved.node
        var layout = try YAMLSource(root: node, file: resolved.file).decode(Layout.self)
        layout.name = resolved.name
        memo.store(key, files: read, layout: layout)
        return layout
    }

    /// `node` with each of its `limits:` no higher than the same limit of `installed` (every limit is a maximum).
    static func capped(_ node: Node, by installed: Node) -> Node {
        guard var mapping = node.mapping, var limits = mapping["limits"]?.mapping,
              let ceiling = installed.mapping?["limits"]?.mapping else { return node }
        for (key, top) in ceiling {
            if let own = limits[key]?.int, let most = top.int, own > most { limits[key] = top }
        }
        mapping["limits"] = .mapping(limits)
        return .mapping(mapping)
    }

    private static func isPath(_ nameOrPath: String) -> Bool { nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") }

    /// The file of a layout name or path, its name, and whether it is trusted (the operator's). `namedBy` is the key of
    /// a layout file that named it (`extends`): messages then name that key and quote nothing of the file.
    private func locate(_ nameOrPath: String, origin: Origin, place: SourceLocation?, namedBy: String?) throws
        -> (file: String, name: String, trustedFile: Bool) {
        let quoted = namedBy.map { "the layout in '\($0)'" } ?? "layout '\(nameOrPath)'"
        if Self.isPath(nameOrPath) {
            var file = nameOrPath
            if case .report(let folder) = origin {
                do { file = try fileSystem.resolveInside(folder, nameOrPath, field: "layout", at: place) } catch {
                    throw FolioError("\(quoted) \(nameOrPath.contains("://") ? "is a URL" : "leads outside the report folder")", at: place,
                                     hint: "keep a report's own layout inside its folder, or name an installed layout")
                }
            }
            guard fileSystem.exists(file) else {
                throw FolioError("\(namedBy == nil ? "layout file '\(nameOrPath)'" : quoted) does not exist", at: place)
            }
            let base = nameOrPath.split(separator: "/").last.map(String.init) ?? nameOrPath
            return (file, base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base, origin == .trusted)
        }
        for folder in folders {
            let file = fileSystem.join(folder, nameOrPath + ".yaml")
            if fileSystem.exists(file) { return (file, nameOrPath, true) }
        }
        let names = available().map(\.name).filter { $0 != Self.baseName }
        throw FolioError(namedBy == nil ? "unknown layout '\(nameOrPath)'" : "\(quoted) is not installed", at: place,
                         hint: (namedBy == nil ? Spelling.nearest(to: nameOrPath, in: names).map { "did you mean '\($0)'? " } ?? "" : "")
                            + "available layouts: \(names.joined(separator: ", "))")
    }

    /// A layout's node after inheritance and the language override, with its file and name, and (for a report's
    /// own file) the node of the installed layout it builds on, whose limits cap its own.
    private struct Resolved {
        var node: Node
        var file: String
        var name: String
        var installed: Node?
    }

    private func resolved(_ nameOrPath: String, language: String, origin: Origin, place: SourceLocation?, namedBy: String?,
                          chain: [String], read: inout [LayoutMemo.File]) throws -> Resolved {
        let (file, name, trustedFile) = try locate(nameOrPath, origin: origin, place: place, namedBy: namedBy)
        if chain.contains(file) {
            throw FolioError("layouts extend each other in a circle: \((chain + [file]).joined(separator: " → "))", at: place)
        }
        let text = try fileSystem.readText(file, what: "layout", maxBytes: FileSystem.maxSettingsBytes)
        read.append(LayoutMemo.File(path: file, text: text))
        let source = try YAMLSource(text: text, file: file)
        guard let mapping = source.root.mapping else {
            throw FolioError("a layout must be a mapping of keys", at: source.location(of: source.root))
        }
        // Every key and value is checked here, in the file that wrote it, before files are merged.
        try Schema.checkMapping(mapping, fields: Schema.layout, path: "", source: source, extraKey: Self.isLanguageKey)
        try LayoutBounds.check(mapping, source: source, isLanguageKey: Self.isLanguageKey)
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
        var installed: Node?
        // A report's own file always builds on an installed layout (base at least), whatever it is called.
        let parentName = mapping["extends"]?.string ?? (name == Self.baseName && trustedFile ? nil : Self.baseName)
        if let parentName {
            let at = mapping["extends"].map { source.location(of: $0) } ?? place
            let parent = try resolved(parentName, language: language, origin: trustedFile ? .trusted : origin, place: at,
                                      namedBy: mapping["extends"] != nil ? "extends" : nil, chain: chain + [file], read: &read)
            node = Self.merge(parent.node, node)
            installed = parent.installed ?? (trustedFile ? nil : parent.node)
        }
        if let override = overrides[language] ?? overrides[String(language.prefix(2))] {
            node = Self.merge(node, override)
        }
        return Resolved(node: node, file: file, name: name, installed: trustedFile ? nil : installed)
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

/// Layouts already loaded, with the text of every file each was read from: a layout is parsed and checked again only
/// when one of its files changed. `folio watch` lays out the same editions at every save, and parsing a layout's
/// YAML took a fifth of the work of a one-paragraph edit. A layout that failed to load is not kept.
final class LayoutMemo: Sendable {
    struct File: Sendable { let path: String; let text: String }
    private struct Entry: Sendable { let files: [File]; let layout: Layout }
    private let entries = Mutex<[String: Entry]>([:])

    /// The layout stored under `key`, when `current` gives every one of its files' text unchanged.
    func layout(_ key: String, unchanged current: (String) -> String?) -> Layout? {
        guard let entry = entries.withLock({ $0[key] }) else { return nil }
        return entry.files.allSatisfy({ current($0.path) == $0.text }) ? entry.layout : nil
    }

    func store(_ key: String, files: [File], layout: Layout) {
        entries.withLock { $0[key] = Entry(files: files, layout: layout) }
    }
}
