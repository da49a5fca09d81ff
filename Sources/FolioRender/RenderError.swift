import FolioSupport

/// A backend failure: what failed in plain words, the library call that reported it and what it said.
public struct RenderError: FailedCall {
    /// What failed, in plain words ("the PDF cannot be written").
    public var message: String
    /// The library call that failed (e.g. `cairo_surface_finish`, `rsvg_handle_render_document`), when one did.
    public var call: String?
    /// What that call reported: a cairo status, a FreeType error code, a GError or qpdf message.
    public var status: String?

    public init(_ message: String, call: String? = nil, status: String? = nil) {
        self.message = message; self.call = call; self.status = status
    }
}
