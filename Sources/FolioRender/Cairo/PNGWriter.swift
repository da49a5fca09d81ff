import FolioDisplay

/// Renders display-list pages to PNG images through cairo's image surface: the same drawing as the PDF.
public struct PNGWriter {
    /// Pixels per inch.
    public var dpi: Double
    public init(dpi: Double = 96) { self.dpi = dpi }

    /// The largest image drawn, in pixels (1.6 GB of memory at 4 bytes a pixel).
    static let maxPixels = 400_000_000.0

    /// libdeflate level for previews and thumbnails (see `PNGEncoder`): deflating was most of a preview's time.
    static let compressionLevel: Int32 = 1

    private static let white = RGB(r: 1, g: 1, b: 1)

    /// The PNG bytes of a page.
    public func encode(_ page: Page) throws -> [UInt8] {
        try encode(page, overlay: [])
    }

    /// A page with an overlay (layout boxes) as PNG bytes.
    public func encode(_ page: Page, overlay: [DisplayItem]) throws -> [UInt8] {
        let scale = dpi / 72
        let w = (page.width * scale).rounded(), h = (page.height * scale).rounded()
        guard w > 0, h > 0, w * h <= Self.maxPixels else { throw RenderError("page too large for a PNG at \(dpi) dpi") }
        let canvas = try CairoCanvas.image(width: Int(w), height: Int(h))
        canvas.paint(Self.white)
        canvas.scale(scale)
        let painter = Self.painter(canvas)
        try painter.draw(page)
        if !overlay.isEmpty { try painter.draw(Page(width: page.width, height: page.height, items: overlay)) }
        return try canvas.pngBytes(level: Self.compressionLevel)
    }

    /// Every page on one image, in rows of `columns`, with a gap between pages.
    public func contactSheet(_ pages: [Page], columns: Int) throws -> [UInt8] {
        guard let first = pages.first else { throw RenderError("no pages") }
        let scale = dpi / 72, gap = 12.0
        let cellW = first.width * scale, cellH = first.height * scale
        let cols = max(1, min(columns, pages.count)), rows = (pages.count + cols - 1) / cols
        let w = (Double(cols) * (cellW + gap) + gap).rounded(), h = (Double(rows) * (cellH + gap) + gap).rounded()
        guard w * h <= Self.maxPixels else { throw RenderError("contact sheet too large at \(dpi) dpi: lower --dpi") }
        let canvas = try CairoCanvas.image(width: Int(w), height: Int(h))
        canvas.paint(RGB(r: 0.82, g: 0.82, b: 0.82))
        let painter = Self.painter(canvas)
        for (i, page) in pages.enumerated() {
            try canvas.withSavedState {
                canvas.translate(x: gap + Double(i % cols) * (cellW + gap), y: gap + Double(i / cols) * (cellH + gap))
                canvas.fill(Rect(x: 0, y: 0, width: page.width * scale, height: page.height * scale), Self.white)
                canvas.scale(scale)
                try painter.draw(page)
            }
        }
        return try canvas.pngBytes(level: Self.compressionLevel)
    }

    /// A painter with the process-wide faces: raster glyphs come from FreeType's cache, shared by every page
    /// and edition.
    private static func painter(_ canvas: CairoCanvas) -> PagePainter {
        PagePainter(canvas: canvas, fonts: { (try CairoFonts.shared.face($0), nil) }, tags: false)
    }
}
