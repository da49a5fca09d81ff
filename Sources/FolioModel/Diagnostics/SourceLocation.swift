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

/// An input problem that stops an edition: where it is, what is wrong, and what to do about it.
public struct FolioError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    public var hint: String?
    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.location = location; self.message = message; self.hint = hint
    }
    public var description: String {
        var s = location.map { "\($0): error: " } ?? "error: "
        s += message
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}

/// A problem worth telling the user that does not stop the edition.
public struct Warning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.location = location; self.message = message
    }
    public var description: String { (location.map { "\($0): " } ?? "") + "warning: " + message }
}
