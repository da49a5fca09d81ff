/// A place in an input file, 1-based, for messages a user can act on.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}
