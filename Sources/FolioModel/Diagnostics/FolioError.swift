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
