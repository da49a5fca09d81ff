import Foundation
internal import CCairo
import FolioDisplay

/// Draws display-list pages on a cairo context; the one drawing path shared by the PDF and PNG backends.
final class PagePainter {
    private let canvas: CairoCanvas
    private let cr: OpaquePointer
    private let fonts: (FontRef) throws -> (OpaquePointer, [UInt32: UInt32]?)
    /// PDF only: emit link and destination tags.
    private let tags: Bool

    init(canvas: CairoCanvas, fonts: @escaping (FontRef) throws -> (OpaquePointer, [UInt32: UInt32]?), tags: Bool) {
        self.canvas = canvas; self.cr = canvas.cr; self.fonts = fonts; self.tags = tags
    }

    func draw(_ page: Page) throws {
        for item in page.items {
            if tags {
                switch item {
                case .glyphs, .line, .fill, .image: mark(marks.content())
                default: break
                }
            }
            switch item {
            case .glyphs(let run): try draw(run)
            case .line(let from, let to, let width, let color):
                cairo_set_source_rgb(cr, color.r, color.g, color.b)
                currentColor = color
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
                cairo_stroke(cr)
            case .fill(let rect, let color):
                cairo_set_source_rgb(cr, color.r, color.g, color.b)
                currentColor = color
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(cr)
            case .image(let ref, let rect):
                try drawImage(ref, rect)
                // An SVG draws on the context itself: set font and colour afresh afterwards.
                current = nil; currentColor = nil
            case .link, .destination:
                guard tags else { continue }
                if marks.isOpen { deferred.append(item) } else { annotate(item) }
            case .begin(let tag):
                guard tags else { continue }
                mark(marks.begin(tag))
            case .end:
                guard tags else { continue }
                mark(marks.end())
            }
        }
        mark(marks.finish())
        try canvas.check("cairo_status", "cairo cannot draw the page")
    }

    /// The page's open `.begin` tags. Each run of content under one becomes a marked-content sequence that
    /// `TaggedPDF` names and numbers in the finished file: cairo 1.16 has no raw operators, but writes
    /// `/Document << /MCID n >> BDC` … `EMC` for a structure tag, where the painter puts it.
    private var marks = MarkedContentStack()
    /// Links and destinations met inside marked content, written when it closes: cairo writes no marked content
    /// for a structure tag with a link tag inside.
    private var deferred: [DisplayItem] = []

    private func mark(_ steps: [MarkedContentStack.Step]) {
        for step in steps {
            switch step {
            case .open: cairo_tag_begin(cr, Self.marker, "")
            case .close: cairo_tag_end(cr, Self.marker)
            }
        }
        if !marks.isOpen, !deferred.isEmpty {
            for item in deferred { annotate(item) }
            deferred.removeAll(keepingCapacity: true)
        }
    }

    /// The structure tag whose marked content the finisher renames: the first name of cairo's list of structure
    /// types, which cairo compares each tag's name against, in order, at every step of drawing it.
    static let marker = "Document"

    /// Writes a link or a destination.
    private func annotate(_ item: DisplayItem) {
        switch item {
        case .link(let rect, let target):
            let area = "rect=[\(fmt(rect.x)) \(fmt(rect.y)) \(fmt(rect.width)) \(fmt(rect.height))]"
            let attributes: String = switch target {
            case .uri(let uri): "\(area) uri='\(Self.escape(uri))'"
            case .destination(let name): "\(area) dest='\(Self.escape(DestinationName.pdf(name)))'"
            }
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        case .destination(let name, let point):
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(DestinationName.pdf(name)))' x=\(fmt(point.x)) y=\(fmt(point.y))")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        default:
            break
        }
    }

    /// Glyphs and clusters of the run being drawn: one buffer each for the whole document, not two arrays a run.
    private var glyphs: [cairo_glyph_t] = []
    private var clusters: [cairo_text_cluster_t] = []

    /// The font, size and colour last set on the context (with the font's glyph renumbering): cairo_set_font_size
    /// always drops the scaled font (its next use looks it up again in cairo's global, locked font map), so they
    /// are set only when they change.
    private var current: (font: FontRef, size: Double, stretch: Double, renumber: [UInt32: UInt32]?)? = nil
    private var currentColor: RGB? = nil

    private func draw(_ run: GlyphRun) throws {
        guard !run.glyphs.isEmpty else { return }
        if current == nil || current!.size != run.size || current!.stretch != run.stretch || current!.font != run.font {
            let (face, renumber) = try fonts(run.font)
            cairo_set_font_face(cr, face)   // returns at once when the face is the one set
            if run.stretch == 1 {
                cairo_set_font_size(cr, run.size)
            } else {
                // Font expansion: the glyphs drawn wider (or narrower) than tall; the PDF keeps one embedded font.
                var matrix = cairo_matrix_t()
                cairo_matrix_init(&matrix, run.size * run.stretch, 0, 0, run.size, 0, 0)
                cairo_set_font_matrix(cr, &matrix)
            }
            current = (run.font, run.size, run.stretch, renumber)
        }
        let renumber = current!.renumber
        if currentColor != run.color {
            cairo_set_source_rgb(cr, run.color.r, run.color.g, run.color.b)
            currentColor = run.color
        }
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        let x = run.origin.x, y = run.origin.y
        if let renumber {
            for g in run.glyphs { glyphs.append(cairo_glyph_t(index: UInt(renumber[g.id] ?? g.id), x: x + g.x, y: y + g.y)) }
        } else {
            for g in run.glyphs { glyphs.append(cairo_glyph_t(index: UInt(g.id), x: x + g.x, y: y + g.y)) }
        }
        var bytes = 0, clustered = 0
        for c in run.clusters {
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(c.bytes), num_glyphs: Int32(c.glyphs)))
            bytes += c.bytes; clustered += c.glyphs
        }
        var text = run.text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                if bytes == chars.count && clustered == glyphs.count {
                    cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count),
                                           clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
                } else {
                    cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
                }
            }
        }
    }

    /// PNGs through cairo's PNG reader, JPEGs as their own bytes, SVGs as vectors through librsvg.
    private func drawImage(_ ref: ImageRef, _ rect: Rect) throws {
        switch ref.format {
        case .svg:
            let bytes = [UInt8](FileManager.default.contents(atPath: ref.path) ?? Data())
            try SVGImage(data: bytes, path: ref.path).draw(on: canvas, in: rect)
        case .png:
            try drawPNG(ref.path, rect)
        case .jpeg:
            let image = try JPEGSurface(path: ref.path)
            paint(image.surface, width: Double(image.width), height: Double(image.height), in: rect)
        }
    }

    /// Paints an image surface scaled into `rect`: as a filled rectangle, since cairo 1.16 fails a tagged PDF
    /// (a tag nesting error at the end of the page) when a page's first drawing is a `cairo_paint`.
    private func paint(_ image: OpaquePointer, width w: Double, height h: Double, in rect: Rect) {
        cairo_save(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / w, rect.height / h)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_rectangle(cr, 0, 0, w, h)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    private func drawPNG(_ path: String, _ rect: Rect) throws {
        let call = "cairo_image_surface_create_from_png"
        guard let image = cairo_image_surface_create_from_png(path) else {
            throw RenderError("PNG image '\(path)' cannot be read", call: call, status: "no surface")
        }
        defer { cairo_surface_destroy(image) }
        let status = cairo_surface_status(image)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("PNG image '\(path)' cannot be decoded", call: call, status: CairoCanvas.describe(status))
        }
        paint(image, width: Double(cairo_image_surface_get_width(image)), height: Double(cairo_image_surface_get_height(image)), in: rect)
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// cairo's attribute strings quote with single quotes and escape with backslashes.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            if c == "\\" || c == "'" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
