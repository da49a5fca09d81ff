import Foundation
import FolioDisplay
internal import CRsvg

/// An SVG file drawn as vectors by librsvg on a canvas. It is loaded from bytes with no base location, so it
/// cannot pull in other files or URLs; FolioImages has already checked it and measured it for layout.
/// librsvg itself is opened when the first SVG is met.
final class SVGImage {
    private let api: folio_rsvg_api
    private let handle: OpaquePointer

    init(data: [UInt8], path: String) throws {
        let unreadable = "SVG image '\(path)' cannot be read"
        guard let loaded = folio_rsvg_load() else {
            throw RenderError(unreadable, call: "folio_rsvg_load", status: folio_rsvg_error().map { String(cString: $0) })
        }
        let api = loaded.pointee
        var error: UnsafeMutablePointer<folio_gerror>?
        guard let handle = data.withUnsafeBufferPointer({ api.new_from_data($0.baseAddress, $0.count, &error) }) else {
            throw RenderError(unreadable, call: "rsvg_handle_new_from_data", status: Self.message(api, error))
        }
        api.set_dpi(handle, 96)
        self.api = api; self.handle = handle
    }

    deinit { api.object_unref(UnsafeMutableRawPointer(handle)) }

    /// Draws the image fitted into `rect`, as its preserveAspectRatio says (by default whole and centred).
    func draw(on canvas: CairoCanvas, in rect: Rect) throws {
        var viewport = folio_rsvg_rectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        var error: UnsafeMutablePointer<folio_gerror>?
        if api.render_document(handle, UnsafeMutableRawPointer(canvas.cr), &viewport, &error) == 0 {
            throw RenderError("the SVG image cannot be drawn", call: "rsvg_handle_render_document", status: Self.message(api, error))
        }
    }

    /// A GError's message (libxml's end with a newline), freeing the error.
    private static func message(_ api: folio_rsvg_api, _ error: UnsafeMutablePointer<folio_gerror>?) -> String {
        guard let error else { return "unknown error" }
        defer { api.error_free(error) }
        return error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
    }
}
