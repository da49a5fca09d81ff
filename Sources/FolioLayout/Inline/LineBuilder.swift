import FolioDisplay
import FolioFonts
import FolioModel

/// Turns chosen breaks into set lines: justifies spaces, places glyphs, merges them into runs that carry
/// their text and HarfBuzz clusters, and adds link areas and footnote-mark destinations.
struct LineBuilder {
    let paragraph: ParagraphItems
    let text: StyledText
    let spec: ParagraphSpec
    let baseline: Double

    func lines(breaks: [Int]) -> [LineBox] {
        var out: [LineBox] = []
        var start = 0
        for (index, stop) in breaks.enumerated() {
            let items = trimmed(start..<stop)
            let endsForced: Bool = {
                if stop < paragraph.items.count, case .penalty(let p) = paragraph.items[stop] { return p.forced }
                return false
            }()
            let isLast = index == breaks.count - 1
            let indent = index == 0 ? spec.firstLineIndent : 0
            out.append(setLine(items, width: spec.width - indent, indent: indent, justify: spec.align == .justify && !isLast && !endsForced))
            // The next line starts after the break item and the spaces or penalties that follow it.
            var next = stop
            if next < paragraph.items.count, !FirstFitBreaker.isBox(paragraph.items[next]) { next += 1 }
            while next < paragraph.items.count, !FirstFitBreaker.isBox(paragraph.items[next]) {
                if case .penalty(let p) = paragraph.items[next], p.forced { break }
                next += 1
            }
            start = next
        }
        return out
    }

    /// The range without glue or penalties at its ends.
    private func trimmed(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, !FirstFitBreaker.isBox(paragraph.items[lo]) { lo += 1 }
        while hi > lo, !FirstFitBreaker.isBox(paragraph.items[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private func setLine(_ range: Range<Int>, width: Double, indent: Double, justify: Bool) -> LineBox {
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for k in range {
            switch paragraph.items[k] {
            case .box(let b): natural += b.width
            case .glue(let g): natural += g.width; stretch += g.stretch; shrink += g.shrink
            case .penalty: break
            }
        }
        // Spaces stretch or shrink in proportion to their stretchability (TeX's glue setting).
        var ratio = 0.0
        var justified = false
        if natural > width, shrink > 0 {
            // The breaker counted on shrinking: every line that is too long shrinks, justified or not.
            ratio = max(-1, (width - natural) / shrink); justified = justify
        } else if justify, natural < width, stretch > 0 {
            ratio = (width - natural) / stretch; justified = true
        }
        var x: Double
        switch spec.align {
        case .center: x = indent + max(0, (width - natural) / 2)
        case .right: x = indent + max(0, width - natural)
        default: x = indent
        }
        var runs = RunAssembler(baseline: baseline)
        var linkAreas: [(x0: Double, x1: Double, target: LinkTarget)] = []
        var strikes: [(Double, Double, SpanStyle)] = []
        var destinations: [DisplayItem] = []
        var footnotes: [Int] = []
        for k in range {
            let startX = x
            var style: SpanStyle
            switch paragraph.items[k] {
            case .box(let b):
                let run = paragraph.runs[b.run]
                style = text.styles[Int(run.style)]
                if run.face >= 0 {
                    runs.add(box: b, face: paragraph.faces[run.face].ref, style: style, x: x)
                }
                x += b.width
                if let n = style.footnote, !footnotes.contains(n) {
                    footnotes.append(n)
                    destinations.append(.destination(name: "fnref-\(n)", at: Point(x: startX, y: 0)))
                }
            case .glue(let g):
                let run = paragraph.runs[g.run]
                style = text.styles[Int(run.style)]
                let w = g.width + (ratio >= 0 ? g.stretch * ratio : g.shrink * ratio)
                if run.face >= 0, let space = paragraph.faces[run.face].face.glyph(for: " ") {
                    runs.add(space: space, face: paragraph.faces[run.face].ref, style: style, x: x, width: w)
                }
                x += w
            case .penalty:
                continue
            }
            if let target = style.link {
                if let last = linkAreas.last, last.target == target, abs(last.x1 - startX) < 0.01 {
                    linkAreas[linkAreas.count - 1].x1 = x
                } else {
                    linkAreas.append((startX, x, target))
                }
            }
            if style.strike { strikes.append((startX, x, style)) }
        }
        var items = runs.finish()
        for area in linkAreas {
            items.append(.link(Rect(x: area.x0, y: 0, width: area.x1 - area.x0, height: spec.lineHeight), area.target))
        }
        for (x0, x1, style) in strikes {
            let y = baseline - style.font.size * 0.28
            items.append(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y), width: style.font.size * 0.06, color: style.font.color.rgb))
        }
        items.append(contentsOf: destinations)
        return LineBox(height: spec.lineHeight, baseline: baseline, items: items, width: width + indent,
                       contentWidth: x, footnotes: footnotes, justified: justified)
    }
}

/// Collects glyphs into runs of one font, size, colour and baseline, with their UTF-8 text and clusters.
struct RunAssembler {
    let baseline: Double
    private var runs: [GlyphRun] = []
    private var current: GlyphRun?

    init(baseline: Double) { self.baseline = baseline }

    private mutating func target(face: FontRef, style: SpanStyle, x: Double) {
        let y = baseline - style.rise
        let color = style.font.color.rgb
        if let c = current, c.font == face, c.size == style.drawnSize, c.color == color, c.origin.y == y { return }
        if let c = current { runs.append(c) }
        current = GlyphRun(font: face, size: style.drawnSize, color: color, origin: Point(x: x, y: y),
                           glyphs: [], text: "", clusters: [])
    }

    mutating func add(box: ParagraphItems.Box, face: FontRef, style: SpanStyle, x: Double) {
        target(face: face, style: style, x: x)
        guard var run = current else { return }
        let dx = x - run.origin.x
        var pen = 0.0
        for g in box.glyphs {
            run.glyphs.append(PlacedGlyph(id: g.id, x: dx + pen + Double(g.xOffset) * box.scale, y: -Double(g.yOffset) * box.scale))
            pen += Double(g.advance) * box.scale
        }
        run.clusters.append(contentsOf: Self.clusters(box.glyphs, byteCount: box.utf8.count))
        run.text += String(decoding: box.utf8, as: UTF8.self)
        run.width = dx + box.width
        current = run
    }

    mutating func add(space glyph: UInt32, face: FontRef, style: SpanStyle, x: Double, width: Double) {
        target(face: face, style: style, x: x)
        guard var run = current else { return }
        run.glyphs.append(PlacedGlyph(id: glyph, x: x - run.origin.x, y: 0))
        run.clusters.append(TextCluster(bytes: 1, glyphs: 1))
        run.text += " "
        run.width = x - run.origin.x + width
        current = run
    }

    mutating func finish() -> [DisplayItem] {
        if let c = current { runs.append(c); current = nil }
        return runs.map { .glyphs($0) }
    }

    /// Groups glyphs by HarfBuzz cluster (a UTF-8 byte offset, non-decreasing for left-to-right text) into
    /// byte/glyph counts; text that maps oddly falls back to one cluster for the whole box.
    static func clusters(_ glyphs: [ShapedGlyph], byteCount: Int) -> [TextCluster] {
        guard !glyphs.isEmpty else { return byteCount > 0 ? [TextCluster(bytes: byteCount, glyphs: 0)] : [] }
        var out: [TextCluster] = []
        var i = 0
        var monotone = glyphs[0].cluster == 0
        while i < glyphs.count && monotone {
            let start = glyphs[i].cluster
            var j = i + 1
            while j < glyphs.count, glyphs[j].cluster == start { j += 1 }
            let end = j < glyphs.count ? Int(glyphs[j].cluster) : byteCount
            if end <= Int(start) { monotone = false; break }
            out.append(TextCluster(bytes: end - Int(start), glyphs: j - i))
            i = j
        }
        return monotone ? out : [TextCluster(bytes: byteCount, glyphs: glyphs.count)]
    }
}
