internal import CCairo
import FolioImages
import FolioDisplay

/// A cairo surface and the context that draws on it, made, owned and destroyed together: an RGB24 image (PNG
/// previews, thumbnails, contact sheets) or a PDF written into memory. cairo reports failures as status codes
/// that stay on the surface or context; `check` turns them into `RenderError`s naming the call.
final class CairoCanvas {
    let surface: OpaquePointer
    let cr: OpaquePointer
    /// What a PDF surface writes; nil for an image. It lives as long as the canvas, since cairo writes into it up
    /// to the surface's destruction.
    private let sink: ByteSink?

    /// Takes ownership of `surface`, which `call` made, and makes its context; destroys both if either failed.
    private init(surface: OpaquePointer?, madeBy call: String, sink: ByteSink?) throws {
        guard let surface else { throw RenderError("cairo cannot make a surface", call: call, status: "no surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderError("cairo cannot make a surface", call: call, status: Self.describe(status))
        }
        // cairo_create never returns NULL: a context that could not be made carries the error status.
        let cr: OpaquePointer = cairo_create(surface)
        let contextStatus = cairo_status(cr)
        guard contextStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw RenderError("cairo cannot draw on a new surface", call: "cairo_create", status: Self.describe(contextStatus))
        }
        self.surface = surface; self.cr = cr; self.sink = sink
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// An image of `width` × `height` pixels, 32 bits each (RGB, no alpha).
    static func image(width: Int, height: Int) throws -> CairoCanvas {
        try CairoCanvas(surface: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(clamping: width), Int32(clamping: height)),
                        madeBy: "cairo_image_surface_create", sink: nil)
    }

    /// A PDF whose first page is `width` × `height` points, written into memory (see `finishPDF`).
    static func pdf(width: Double, height: Double) throws -> CairoCanvas {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        return try CairoCanvas(surface: surface, madeBy: "cairo_pdf_surface_create_for_stream", sink: sink)
    }

    /// Throws if the context or the surface is in an error state; cairo keeps the first error, so `call` is the
    /// call that reported it, not necessarily the one that caused it.
    func check(_ call: String, _ message: String) throws {
        var status = cairo_status(cr)
        if status == CAIRO_STATUS_SUCCESS { status = cairo_surface_status(surface) }
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError(message, call: call, status: Self.describe(status)) }
    }

    /// cairo's words for a status.
    static func describe(_ status: cairo_status_t) -> String { String(cString: cairo_status_to_string(status)) }

    // MARK: Drawing that is not a page's own

    /// Covers the whole surface (within the clip) with a colour.
    func paint(_ color: RGB) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_paint(cr)
    }

    func fill(_ rect: Rect, _ color: RGB) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func translate(x: Double, y: Double) { cairo_translate(cr, x, y) }

    func scale(_ factor: Double) { cairo_scale(cr, factor, factor) }

    /// Runs `body` and restores the transformation, source and clip it changed, even when it throws.
    func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }

    /// Ends the page (PDF: the next drawing goes on a new page).
    func showPage() { cairo_show_page(cr) }

    // MARK: Output

    /// Finishes a PDF canvas and returns the file's bytes; the canvas cannot draw afterwards.
    func finishPDF() throws -> [UInt8] {
        guard let sink else { throw RenderError("an image canvas has no PDF to finish") }
        cairo_surface_finish(surface)
        try check("cairo_surface_finish", "the PDF cannot be written")
        return sink.bytes
    }

    /// An image canvas's pixels as PNG bytes, deflated at libdeflate `level` without row filters (`PNGEncoder`).
    func pngBytes(level: Int32) throws -> [UInt8] {
        cairo_surface_flush(surface)
        try check("cairo_surface_flush", "the image cannot be read back")
        guard cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE,
              cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else {
            throw RenderError("only RGB24 image canvases are encoded as PNG")
        }
        return try PNGEncoder.rgb(data, width: Int(cairo_image_surface_get_width(surface)), height: Int(cairo_image_surface_get_height(surface)),
                                  stride: Int(cairo_image_surface_get_stride(surface)), level: level)
    }
}

/// Collects what cairo writes.
private final class ByteSink {
    var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(1 << 20) }
}
