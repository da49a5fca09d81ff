import Yams

/// Where each value of a parsed YAML file was written, by its path of keys: what a report or font manifest keeps
/// for messages given after parsing (Yams's node tree is not Sendable, so it is not kept).
public struct YAMLLocations: Sendable {
    public let file: String
    private var places: [String: SourceLocation] = [:]

    init(_ source: YAMLSource) {
        file = source.file
        var places: [String: SourceLocation] = [:]
        var stack: [(node: Node, path: String)] = [(source.root, "")]
        while let (node, path) = stack.popLast() {
            places[path] = source.location(of: node)
            if let mapping = node.mapping {
                for (key, value) in mapping { if let name = key.string { stack.append((value, Self.join(path, name))) } }
            } else if let sequence = node.sequence {
                for (i, value) in sequence.enumerated() { stack.append((value, Self.join(path, String(i)))) }
            }
        }
        self.places = places
    }

    /// The place of the value at `path`, or of the nearest enclosing value that exists (as `YAMLSource` finds it).
    public func location(of path: [CodingKey]) -> SourceLocation {
        var keys = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        while true {
            if let place = places[keys.joined(separator: "\u{1F}")] { return place }
            if keys.isEmpty { return SourceLocation(file: file, line: 0, column: 0) }
            keys.removeLast()
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "\u{1F}" + key }
}
