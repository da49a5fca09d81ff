import CRsvg

/// An SVG file parsed by librsvg, drawn as vectors. It is loaded from bytes with no base location, so it
/// cannot pull in other files or URLs. librsvg itself is opened when the first SVG is met.
public final class SVGDocument {
    private let api: folio_rsvg_api
    private let handle: OpaquePointer
    /// Intrinsic size in CSS pixels (96 per inch).
    public let width: Double
    public let height: Double

    public init(data: [UInt8], path: String) throws {
        guard let loaded = folio_rsvg_load() else {
            throw ImageError("SVG image '\(path)' cannot be read: \(folio_rsvg_error().map { String(cString: $0) } ?? "librsvg cannot be loaded")")
        }
        let api = loaded.pointee
        self.api = api
        var error: UnsafeMutablePointer<folio_gerror>?
        let h = data.withUnsafeBufferPointer { api.new_from_data($0.baseAddress, $0.count, &error) }
        guard let h else {
            throw ImageError("SVG image '\(path)' cannot be read: \(Self.message(api, error))")
        }
        handle = h
        api.set_dpi(h, 96)
        var w: Double = 0, ht: Double = 0
        if api.get_intrinsic_size_in_pixels(h, &w, &ht) == 0 || w <= 0 || ht <= 0 {
            // No width and height: use the viewBox.
            var hasW: Int32 = 0, hasH: Int32 = 0, hasVB: Int32 = 0
            var vb = folio_rsvg_rectangle()
            api.get_intrinsic_dimensions(h, &hasW, nil, &hasH, nil, &hasVB, &vb)
            guard hasVB != 0, vb.width > 0, vb.height > 0 else {
                api.object_unref(UnsafeMutableRawPointer(h))
                throw ImageError("SVG image '\(path)' has no size (no width/height and no viewBox)")
            }
            w = vb.width; ht = vb.height
        }
        width = w; height = ht
    }

    deinit { api.object_unref(UnsafeMutableRawPointer(handle)) }

    /// Draws the image into a rectangle of a cairo context (`cr` is a `cairo_t *`).
    public func draw(on cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double) throws {
        var viewport = folio_rsvg_rectangle(x: x, y: y, width: width, height: height)
        var error: UnsafeMutablePointer<folio_gerror>?
        if api.render_document(handle, UnsafeMutableRawPointer(cr), &viewport, &error) == 0 {
            throw ImageError("SVG drawing failed: \(Self.message(api, error))")
        }
    }

    /// A GError's message, freeing the error.
    private static func message(_ api: folio_rsvg_api, _ error: UnsafeMutablePointer<folio_gerror>?) -> String {
        guard let error else { return "unknown error" }
        defer { api.error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }
}
