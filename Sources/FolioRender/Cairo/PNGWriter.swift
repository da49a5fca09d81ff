import CCairo
import FolioDisplay

/// Renders display-list pages to PNG images through cairo's image surface: the same drawing as the PDF.
public struct PNGWriter {
    /// Pixels per inch.
    public var dpi: Double
    public init(dpi: Double = 96) { self.dpi = dpi }

    public func write(_ page: Page, to path: String) throws {
        let scale = dpi / 72
        let w = Int32((page.width * scale).rounded()), h = Int32((page.height * scale).rounded())
        guard w > 0, h > 0, Int(w) * Int(h) <= 400_000_000 else { throw RenderError("page too large for a PNG at \(dpi) dpi") }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else { throw RenderError("cairo_image_surface_create failed") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "cairo_image_surface_create")
        guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        try PagePainter(cr: cr, fonts: CairoFonts.shared, tags: false).draw(page)
        cairo_surface_flush(surface)
        try check(cairo_surface_write_to_png(surface, path), "cairo_surface_write_to_png(\(path))")
    }
}
