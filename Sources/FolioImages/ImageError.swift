import FolioSupport

/// Why an image cannot be used: in plain words, and, when a library refused it, which call and what it said.
public struct ImageError: FailedCall {
    /// What is wrong, in plain words ("SVG image 'logo.svg' cannot be read").
    public var message: String
    /// The library call that failed (e.g. `rsvg_handle_new_from_data`), when one did.
    public var call: String?
    /// What that call reported (a GError message, a status).
    public var status: String?

    public init(_ message: String, call: String? = nil, status: String? = nil) {
        self.message = message; self.call = call; self.status = status
    }
}
