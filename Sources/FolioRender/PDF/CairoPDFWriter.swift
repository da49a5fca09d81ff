import CCairo
import FolioDisplay

/// Draws a display document as PDF through cairo, in memory: subset fonts, text with clusters, links,
/// destinations, outline and metadata. The bytes still need `PDFFinisher` (cairo 1.16's xref, /Lang, dates).
public struct CairoPDFWriter {
    public init() {}

    /// The PDF bytes cairo writes for the document.
    public func render(_ document: DisplayDocument) throws -> [UInt8] {
        guard let first = document.pages.first else { throw RenderError("the document has no pages") }
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, first.width, first.height) else {
            throw RenderError("cairo_pdf_surface_create_for_stream returned nothing")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "cairo_pdf_surface_create_for_stream")
        let info = document.info
        let metadata: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
            (CAIRO_PDF_METADATA_CREATOR, info.creator),
            // Fixed dates make the output byte-identical run to run (cairo otherwise writes the current time).
            (CAIRO_PDF_METADATA_CREATE_DATE, info.date), (CAIRO_PDF_METADATA_MOD_DATE, info.date),
        ]
        for (key, value) in metadata { cairo_pdf_surface_set_metadata(surface, key, value) }

        guard let cr = cairo_create(surface) else { throw RenderError("cairo_create failed") }
        defer { cairo_destroy(cr) }
        try check(cairo_status(cr), "cairo_create")
        let fonts = DocumentFonts(pages: document.pages)
        let painter = PagePainter(cr: cr, fonts: fonts.face, tags: true)
        for page in document.pages {
            cairo_pdf_surface_set_size(surface, page.width, page.height)
            try painter.draw(page)
            cairo_show_page(cr)
        }
        try addOutline(document.outline, surface)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing the PDF")
        return sink.bytes
    }

    /// Nests outline entries by heading level under the nearest shallower entry.
    private func addOutline(_ entries: [OutlineEntry], _ surface: OpaquePointer) throws {
        var parents: [(level: Int, id: Int32)] = []
        for entry in entries {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title,
                                                   "dest='\(PagePainter.escape(entry.destination))'",
                                                   cairo_pdf_outline_flags_t(rawValue: 0))
            parents.append((entry.level, id))
        }
        try check(cairo_surface_status(surface), "cairo_pdf_surface_add_outline")
    }
}

/// Collects what cairo writes.
final class ByteSink {
    var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(1 << 20) }
}

func check(_ status: cairo_status_t, _ what: String) throws {
    if status != CAIRO_STATUS_SUCCESS {
        throw RenderError("\(what) failed: \(String(cString: cairo_status_to_string(status)))")
    }
}
