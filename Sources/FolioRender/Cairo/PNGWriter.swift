import CCairo
import CPNG
import FolioDisplay

/// Renders display-list pages to PNG images through cairo's image surface: the same drawing as the PDF.
public struct PNGWriter {
    /// Pixels per inch.
    public var dpi: Double
    public init(dpi: Double = 96) { self.dpi = dpi }

    /// The PNG bytes of a page.
    public func encode(_ page: Page) throws -> [UInt8] {
        try encode(page, overlay: [])
    }

    /// Draws a page on an image surface and hands the surface to `output`.
    public func draw(_ page: Page, overlay: [DisplayItem] = [], output: (OpaquePointer) throws -> Void) throws {
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
        // The process-wide faces: raster glyphs come from FreeType's cache, shared by every page and edition.
        let painter = PagePainter(cr: cr, fonts: { (try CairoFonts.shared.face($0), nil) }, tags: false)
        try painter.draw(page)
        if !overlay.isEmpty { try painter.draw(Page(width: page.width, height: page.height, items: overlay)) }
        cairo_surface_flush(surface)
        try output(surface)
    }

    /// Every page on one image, in rows of `columns`, with a gap between pages.
    public func contactSheet(_ pages: [Page], columns: Int) throws -> [UInt8] {
        guard let first = pages.first else { throw RenderError("no pages") }
        let scale = dpi / 72, gap = 12.0
        let cellW = first.width * scale, cellH = first.height * scale
        let cols = max(1, min(columns, pages.count)), rows = (pages.count + cols - 1) / cols
        let w = Int32((Double(cols) * (cellW + gap) + gap).rounded()), h = Int32((Double(rows) * (cellH + gap) + gap).rounded())
        guard Int(w) * Int(h) <= 400_000_000 else { throw RenderError("contact sheet too large at \(dpi) dpi: lower --dpi") }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else { throw RenderError("cairo_image_surface_create failed") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "cairo_image_surface_create")
        guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 0.82, 0.82, 0.82)
        cairo_paint(cr)
        let painter = PagePainter(cr: cr, fonts: { (try CairoFonts.shared.face($0), nil) }, tags: false)
        for (i, page) in pages.enumerated() {
            cairo_save(cr)
            cairo_translate(cr, gap + Double(i % cols) * (cellW + gap), gap + Double(i / cols) * (cellH + gap))
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_rectangle(cr, 0, 0, page.width * scale, page.height * scale)
            cairo_fill(cr)
            cairo_scale(cr, scale, scale)
            try painter.draw(page)
            cairo_restore(cr)
        }
        cairo_surface_flush(surface)
        return try Self.pngBytes(surface)
    }

    /// A page with an overlay (layout boxes) as PNG bytes.
    public func encode(_ page: Page, overlay: [DisplayItem]) throws -> [UInt8] {
        var out: [UInt8] = []
        try draw(page, overlay: overlay) { out = try Self.pngBytes($0) }
        return out
    }

    /// zlib level for previews and thumbnails: libpng's default (6, with adaptive row filters) spent most of a
    /// thumbnail's time deflating; level 3 without filters is several times faster for a somewhat larger file.
    static let compressionLevel: Int32 = 3

    /// An RGB24 image surface encoded as PNG in memory.
    static func pngBytes(_ surface: OpaquePointer) throws -> [UInt8] {
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else {
            throw RenderError("only RGB24 image surfaces are encoded as PNG")
        }
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var error = [CChar](repeating: 0, count: 256)
        let status = folio_png_encode_rgb24(data, cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
                                            cairo_image_surface_get_stride(surface), Self.compressionLevel, &out, &length, &error, error.count)
        guard status == 0, let out else { throw RenderError(String(cString: error)) }
        defer { folio_png_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }
}
