import CRsvg

/// An SVG file parsed by librsvg, drawn as vectors. It is loaded from bytes with no base location, so it
/// cannot pull in other files or URLs.
public final class SVGDocument: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Intrinsic size in CSS pixels (96 per inch).
    public let width: Double
    public let height: Double

    public init(data: [UInt8], path: String) throws {
        var error: UnsafeMutablePointer<GError>?
        let h = data.withUnsafeBufferPointer { rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }
        guard let h else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw ImageError("SVG image '\(path)' cannot be read: \(reason)")
        }
        handle = OpaquePointer(h)
        rsvg_handle_set_dpi(h, 96)
        var w: Double = 0, ht: Double = 0
        if rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) == 0 || w <= 0 || ht <= 0 {
            // No width and height: use the viewBox.
            var hasW: gboolean = 0, hasH: gboolean = 0, hasVB: gboolean = 0
            var vb = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(h, &hasW, nil, &hasH, nil, &hasVB, &vb)
            guard hasVB != 0, vb.width > 0, vb.height > 0 else {
                g_object_unref(UnsafeMutableRawPointer(h))
                throw ImageError("SVG image '\(path)' has no size (no width/height and no viewBox)")
            }
            w = vb.width; ht = vb.height
        }
        width = w; height = ht
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Draws the image into a rectangle of a cairo context (`cr` is a `cairo_t *`).
    public func draw(on cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double) throws {
        var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        if rsvg_handle_render_document(UnsafeMutablePointer(handle), cr, &viewport, &error) == 0 {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw ImageError("SVG drawing failed: \(reason)")
        }
    }
}
