import Yams

/// A YAML file composed into nodes that remember their line and column, decoded with Codable (`NodeDecoder`),
/// so that every decoding error can name the file, line, column and field.
public struct YAMLSource {
    public let file: String
    public let root: Node
    /// Every node by its path (keys and sequence indices joined by U+001F): a lookup per field of each of n
    /// editions would otherwise search the mappings, n² in all.
    private let index: [String: Node]

    /// Parses YAML text; syntax errors name the file, line and column.
    public init(text: String, file: String) throws {
        self.file = file
        do {
            // The basic resolver tags every scalar a string: Yams's default one runs up to seven regular expressions
            // each time a scalar is hashed or compared (every mapping lookup); numbers, booleans and null are read
            // from the text by the types decoded, so nothing else depends on the tags.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw FolioError("the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                                 hint: "see docs/report-format.md for the fields it needs")
            }
            root = node
            index = Self.paths(of: node)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
    }

    init(root: Node, file: String) { self.root = root; self.file = file; index = Self.paths(of: root) }

    /// The nodes of a tree by path; of equal keys the last, as Yams's lookup gives it.
    static func paths(of root: Node) -> [String: Node] {
        var index: [String: Node] = ["": root]
        var stack: [(String, Node)] = [("", root)]
        while let (path, node) = stack.popLast() {
            let prefix = path.isEmpty ? "" : path + "\u{1F}"
            if let mapping = node.mapping {
                for (key, value) in mapping { if let name = key.string { stack.append((prefix + name, value)); index[prefix + name] = value } }
            } else if let sequence = node.sequence {
                for (i, value) in sequence.enumerated() { stack.append((prefix + String(i), value)); index[prefix + String(i)] = value }
            }
        }
        return index
    }

    /// The node at a path of keys and indices, or nil.
    func node(at path: [String]) -> Node? { index[path.joined(separator: "\u{1F}")] }

    /// Decodes the whole file as `T`, turning Codable errors into located messages.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try NodeDecoder(root).decode(T.self)
        } catch let error as DecodingError {
            throw describe(error)
        } catch let error as FolioError {
            throw error
        }
    }

    /// The location of the node at a coding path (or of its nearest existing ancestor).
    public func location(of path: [CodingKey]) -> SourceLocation {
        // A sequence index's key spells itself "Index 3"; a mapping's key "3" is its own text.
        let names = path.map { key in key.intValue.map { Int(key.stringValue) == nil ? String($0) : key.stringValue } ?? key.stringValue }
        for depth in stride(from: names.count, through: 0, by: -1) {
            if let node = node(at: Array(names.prefix(depth))) { return location(of: node) }
        }
        return location(of: root)
    }

    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// Rejects keys of a mapping that are not in `allowed`, suggesting the nearest known key.
    public func checkKeys(at path: [String], allowed: [String], what: String) throws {
        guard let mapping = node(at: path)?.mapping else { return }
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let near = Spelling.nearest(to: name, in: allowed)
            throw FolioError("unknown key '\(name)' in \(what)", at: location(of: key),
                             hint: (near.map { "did you mean '\($0)'? " } ?? "") + "known keys: \(allowed.joined(separator: ", "))")
        }
    }

    static func child(of node: Node, _ key: CodingKey) -> Node? {
        if let index = key.intValue, let seq = node.sequence, index < seq.count { return seq[index] }
        return node.mapping?[key.stringValue]
    }

    private func describe(_ error: DecodingError) -> FolioError {
        func field(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let path = ctx.codingPath
            let name = field(path + [key])
            return FolioError("missing field '\(name)'", at: location(of: path),
                              hint: "add '\(key.stringValue):' here (see docs/report-format.md)")
        case .typeMismatch(let type, let ctx):
            let name = field(ctx.codingPath), expected = Self.typeName(type)
            return FolioError("field '\(name)' has the wrong type: expected \(expected)", at: location(of: ctx.codingPath),
                              hint: "'\(name)' takes \(expected), but here it is \(Self.kind(of: node(at: ctx.codingPath), not: expected))")
        case .valueNotFound(let type, let ctx):
            return FolioError("field '\(field(ctx.codingPath))' is empty: expected \(Self.typeName(type))",
                              at: location(of: ctx.codingPath))
        case .dataCorrupted(let ctx):
            return FolioError("field '\(field(ctx.codingPath))': \(ctx.debugDescription)", at: location(of: ctx.codingPath))
        @unknown default:
            return FolioError("\(error)", at: SourceLocation(file: file, line: 0, column: 0))
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type: "a whole number"
        case is UInt.Type, is UInt64.Type, is UInt32.Type, is UInt16.Type, is UInt8.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is Node.Mapping.Type: "a mapping of keys"
        case is Node.Sequence.Type: "a list"
        default:
            String(describing: type).contains("Array") ? "a list" : (String(describing: type).contains("Dictionary") ? "a mapping of keys" : "\(type)")
        }
    }

    /// The node at a coding path, if the path leads to one.
    func node(at path: [CodingKey]) -> Node? {
        var node = root
        for key in path {
            guard let next = Self.child(of: node, key) else { return nil }
            node = next
        }
        return node
    }

    /// What a node is, in words that quote none of its content (errors about a file name keys, never values).
    static func kind(of node: Node?, not expected: String) -> String {
        switch node {
        case .mapping?: "a mapping of keys"
        case .sequence?: "a list"
        case .scalar(let s)? where s.string.isEmpty: "empty"
        case .scalar?: ["text", "a list", "a mapping of keys"].contains(expected) ? "a single value" : "a value that is not \(expected)"
        default: "something else"
        }
    }

    static func describe(_ error: YamlError, file: String) -> FolioError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            // libyaml notices an unclosed quote or bracket only where the file ends or the next token starts; its context
            // mark is where the quoted text or the bracket began, the place to fix. A block's context mark is where the
            // block began, often far above the problem, so those point at the problem.
            let opened = context.flatMap { c in ["quoted scalar", "flow"].contains { c.text.contains($0) } ? c.mark : nil }
            let at = opened ?? mark
            return FolioError("YAML syntax error: \(problem)\(context.map { " \($0.text)" } ?? "")",
                              at: SourceLocation(file: file, line: at.line, column: at.column),
                              hint: opened != nil ? "close the quote or bracket that opens here; the parser read on to line \(mark.line)"
                                                  : "check indentation and quoting around this place")
        case .reader(let problem, let offset, let value, let yaml):
            // Yams's own description quotes the whole line; a message quotes nothing of a file (it may hold secrets).
            var line = 1, column = 1
            for character in yaml.prefix(offset ?? 0) {
                if character.isNewline { line += 1; column = 1 } else { column += 1 }
            }
            let hex = String(value, radix: 16, uppercase: true)
            let code = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            return FolioError("YAML cannot read the file here: \(problem)\(code)",
                              at: SourceLocation(file: file, line: offset == nil ? 0 : line, column: offset == nil ? 0 : column),
                              hint: "remove the character, or write it as an escape such as \\u0001 inside double quotes")
        case .composer(let context, let problem, let mark, _):
            return FolioError("YAML error: \(problem)\(context.map { " \($0.text)" } ?? "")",
                              at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            return FolioError("YAML error: \(error)", at: SourceLocation(file: file, line: 0, column: 0))
        }
    }
}

/// A coding key made from a string or an index.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.intValue = intValue; stringValue = "\(intValue)" }
}

/// Nearest-word suggestions for misspelt keys and names.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let best = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (name, d) = best, d <= max(2, word.count / 3) else { return nil }
        return name
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
