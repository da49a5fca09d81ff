import FolioDisplay
import FolioEngine
import FolioFonts
import FolioLayout
import FolioModel
import FolioRender
import FolioUnicode

/// The floor a layout engine cannot beat: the same text shaped with HarfBuzz (one call per paragraph, one
/// face per script run, no cache) and drawn with cairo into a PDF, lines cut at a fixed width with no line
/// breaking rules, no justification, no pagination logic, no footnotes. Full layout is compared against it.
public struct FloorBenchmark {
    public let engine: Engine
    public init(engine: Engine) { self.engine = engine }

    /// Seconds to shape and draw the edition's text this way (and the PDF's size, to show it is real).
    public func run(report: Report, edition: Edition) throws -> (seconds: Double, bytes: Int) {
        let (document, _) = try engine.content(of: report, edition: edition, layout: try engine.layout(for: report, edition: edition))
        var paragraphs: [String] = []
        func collect(_ b: Block) {
            switch b {
            case .paragraph(let c, _): paragraphs.append(c.plainText)
            case .heading(let h): paragraphs.append(h.content.plainText)
            case .list(let l): l.items.flatMap { $0 }.forEach(collect)
            case .quote(let q, _): q.forEach(collect)
            case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach { paragraphs.append($0.plainText) }
            default: break
            }
        }
        document.blocks.forEach(collect)
        document.footnotes.forEach { $0.blocks.forEach(collect) }

        let start = monotonicSeconds()
        let selector = FontSelector(manifest: engine.manifest, library: engine.fonts, language: edition.lang)
        let latin = try selector.faces(role: .serif, bold: false, italic: false, script: .latin)[0]
        let hangul = try selector.faces(role: .serif, bold: false, italic: false, script: .hangul)[0]
        let size = 10.5, lineHeight = 15.0, width = 453.0
        var pages: [Page] = [Page(width: 595.28, height: 841.89)]
        var y = 72.0
        for text in paragraphs {
            // Split into Hangul and non-Hangul runs; shape each run whole.
            var runs: [(SelectedFace, ScriptTag, [UInt8])] = []
            for s in text.unicodeScalars {
                let isHangul = UnicodeProperties.isHangul(s)
                if runs.isEmpty || (runs[runs.count - 1].1 == .hangul) != isHangul {
                    runs.append(isHangul ? (hangul, .hangul, []) : (latin, .latin, []))
                }
                runs[runs.count - 1].2.append(contentsOf: s.utf8)
            }
            var x = 0.0
            for (face, script, utf8) in runs {
                let shaped = face.face.shape(utf8: utf8, script: script, language: edition.lang)
                let scale = size / Double(face.face.metrics.unitsPerEm)
                var run = GlyphRun(font: face.ref, size: size, color: .black, origin: Point(x: 71 + x, y: y), glyphs: [], text: "", clusters: [])
                for g in shaped.glyphs {
                    if x > width {
                        pages[pages.count - 1].items.append(.glyphs(run))
                        x = 0; y += lineHeight
                        if y > 770 { pages.append(Page(width: 595.28, height: 841.89)); y = 72 }
                        run = GlyphRun(font: face.ref, size: size, color: .black, origin: Point(x: 71, y: y), glyphs: [], text: "", clusters: [])
                    }
                    run.glyphs.append(PlacedGlyph(id: g.id, x: x - (run.origin.x - 71), y: 0))
                    x += Double(g.advance) * scale
                }
                pages[pages.count - 1].items.append(.glyphs(run))
            }
            y += lineHeight * 1.4
            if y > 770 { pages.append(Page(width: 595.28, height: 841.89)); y = 72 }
        }
        let info = DocumentInfo(title: "floor", author: "", subject: "", keywords: "", creator: "floor", language: edition.lang,
                                date: "2024-01-01T00:00:00Z")
        let pdf = try CairoPDFWriter().render(DisplayDocument(pages: pages, outline: [], info: info))
        return (monotonicSeconds() - start, pdf.count)
    }
}
