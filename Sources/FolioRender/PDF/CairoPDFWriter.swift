internal import CCairo
import FolioDisplay

/// Draws a display document as PDF through cairo, in memory: subset fonts, text with clusters, links,
/// destinations, outline and metadata. The bytes still need `PDFFinisher` (cairo 1.16's xref, /Lang, dates).
public struct CairoPDFWriter {
    public init() {}

    /// The PDF bytes cairo writes for the document.
    public func render(_ document: DisplayDocument) throws -> [UInt8] {
        guard let first = document.pages.first else { throw RenderError("the document has no pages") }
        let canvas = try CairoCanvas.pdf(width: first.width, height: first.height)
        let info = document.info
        let metadata: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
            (CAIRO_PDF_METADATA_CREATOR, info.creator),
            // Fixed dates make the output byte-identical run to run (cairo otherwise writes the current time).
            (CAIRO_PDF_METADATA_CREATE_DATE, info.date), (CAIRO_PDF_METADATA_MOD_DATE, info.date),
        ]
        for (key, value) in metadata { cairo_pdf_surface_set_metadata(canvas.surface, key, value) }

        let fonts = DocumentFonts(pages: document.pages)
        let painter = PagePainter(canvas: canvas, fonts: fonts.face, tags: true)
        for page in document.pages {
            cairo_pdf_surface_set_size(canvas.surface, page.width, page.height)
            try painter.draw(page)
            canvas.showPage()
        }
        try addOutline(document.outline, canvas)
        return try canvas.finishPDF()
    }

    /// Nests outline entries by heading level under the nearest shallower entry.
    private func addOutline(_ entries: [OutlineEntry], _ canvas: CairoCanvas) throws {
        var parents: [(level: Int, id: Int32)] = []
        for entry in entries {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let id = cairo_pdf_surface_add_outline(canvas.surface, parent, entry.title,
                                                   "dest='\(PagePainter.escape(DestinationName.pdf(entry.destination)))'",
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            parents.append((entry.level, id))
        }
        try canvas.check("cairo_pdf_surface_add_outline", "the PDF outline cannot be written")
    }
}
