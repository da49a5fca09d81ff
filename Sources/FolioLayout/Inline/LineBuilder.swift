import FolioDisplay
import FolioFonts
import FolioModel

/// Turns chosen breaks into set lines: justifies spaces (and Hangul letter-space), sets the hyphen of a
/// hyphenated line, lets end punctuation hang, places glyphs, and merges them into runs that carry their text
/// and HarfBuzz clusters, with link areas and footnote-mark destinations.
struct LineBuilder {
    let paragraph: ParagraphItems
    let text: StyledText
    let spec: ParagraphSpec
    let baseline: Double
    /// Hangul letter-space stretches at most this multiple of its stretchability: the rest goes to spaces.
    static let kernRatioLimit = 1.0

    func lines(breaks: [Int]) -> [LineBox] {
        var out: [LineBox] = []
        var start = 0
        let items = paragraph.items
        var post: ParagraphItems.Discretionary? = nil   // the discretionary the previous line broke at
        for (index, stop) in breaks.enumerated() {
            var hyphen: ParagraphItems.Hyphen? = nil
            var endsForced = false
            var disc: ParagraphItems.Discretionary? = nil
            if stop < items.count, case .penalty(let p) = items[stop] {
                endsForced = p.forced
                hyphen = p.flagged ? p.hyphen : nil
                disc = p.disc
            }
            let isLast = index == breaks.count - 1
            let indent = index == 0 ? spec.firstLineIndent : 0
            let end = min(stop, items.count)
            out.append(setLine(trimmed(min(start, end)..<end), hyphen: hyphen, pre: disc, post: post,
                               width: spec.width - indent, indent: indent, justify: spec.align == .justify && !isLast && !endsForced))
            post = disc
            start = KnuthPlass.nextLineStart(after: stop, items)
        }
        return out
    }

    /// The range without glue, kerns or penalties at its ends.
    private func trimmed(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, !paragraph.items[lo].isContent { lo += 1 }
        while hi > lo, !paragraph.items[hi - 1].isContent { hi -= 1 }
        return lo..<hi
    }

    /// Sets one line; `pre` is the discretionary the line breaks at (its pre-break part goes before the hyphen),
    /// `post` the one the line before broke at (its post-break part begins this line).
    private func setLine(_ range: Range<Int>, hyphen: ParagraphItems.Hyphen?, pre: ParagraphItems.Discretionary?,
                         post: ParagraphItems.Discretionary?, width: Double, indent: Double, justify: Bool) -> LineBox {
        var natural = (hyphen.map { $0.leading + $0.width } ?? 0) + (post.map { $0.width($0.post) } ?? 0)
        var glueStretch = 0.0, kernStretch = 0.0, shrink = 0.0, kernShrink = 0.0
        for k in range {
            switch paragraph.items[k] {
            case .box(let b): natural += b.width
            case .glue(let g): natural += g.width; glueStretch += g.stretch; shrink += g.shrink
            case .kern(let kern): natural += kern.width; kernStretch += kern.stretch; kernShrink += kern.shrink
            case .penalty(let p): natural += p.disc.map { $0.width($0.nobreak) } ?? 0
            }
        }
        // The end glyph may hang into the margin: a justified line is that much longer.
        var protrusion = 0.0
        if justify {
            if let hyphen { protrusion = hyphen.width * ParagraphBuilder.protrusionFactor }
            else if let last = range.last, case .box(let b) = paragraph.items[last] { protrusion = b.protrusion }
        }
        let target = width + protrusion
        // Spaces stretch or shrink in proportion to their stretchability (TeX's glue setting); Hangul
        // letter-space takes its share up to its limit and spaces take the rest.
        var glueRatio = 0.0, kernRatio = 0.0
        var justified = false
        if natural > target, shrink + kernShrink > 0 {
            glueRatio = max(-1, (target - natural) / (shrink + kernShrink)); kernRatio = glueRatio; justified = justify
        } else if justify, natural < target, glueStretch + kernStretch > 0 {
            let extra = target - natural
            let r = extra / (glueStretch + kernStretch)
            if r <= Self.kernRatioLimit || glueStretch == 0 {
                kernRatio = glueStretch == 0 ? min(r, 2 * Self.kernRatioLimit) : r
                glueRatio = r
            } else {
                kernRatio = Self.kernRatioLimit
                glueRatio = (extra - kernStretch * kernRatio) / glueStretch
            }
            justified = true
        }
        var x: Double
        switch spec.align {
        case .center: x = indent + max(0, (width - natural) / 2)
        case .right: x = indent + max(0, width - natural)
        default: x = indent
        }
        var runs = RunAssembler(baseline: baseline)
        var linkAreas: [(x0: Double, x1: Double, target: LinkTarget)] = []
        var strikes: [(x0: Double, x1: Double, style: Int32)] = []
        var destinations: [DisplayItem] = []
        var footnotes: [Int] = []
        // Styles are read in place through their index: a SpanStyle copied per item was destroyed each time through
        // the runtime's generic (unspecialised) value witnesses of its optionals.
        var lastStyle: Int32 = -1
        /// Link areas and strike-through for text set from `startX` to `x` in `style`.
        func mark(_ style: Int32, from startX: Double) {
            lastStyle = style
            if let target = text.styles[Int(style)].link {
                if let last = linkAreas.last, last.target == target, abs(last.x1 - startX) < 0.01 {
                    linkAreas[linkAreas.count - 1].x1 = x
                } else {
                    linkAreas.append((startX, x, target))
                }
            }
            if text.styles[Int(style)].strike { strikes.append((startX, x, style)) }
        }
        /// Sets a discretionary's part (or its unbroken ligature) in the discretionary's run.
        func set(_ part: ShapedText, of disc: ParagraphItems.Discretionary) {
            let run = paragraph.runs[disc.run], startX = x, width = disc.width(part)
            if run.face >= 0 {
                runs.add(glyphs: part.glyphs, utf8: part.utf8, scale: disc.scale, width: width,
                         face: paragraph.faces[run.face].ref, color: text.styles[Int(run.style)].font.color.rgb, run: run, x: x)
            }
            x += width
            mark(run.style, from: startX)
        }
        if let post { set(post.post, of: post) }
        for k in range {
            let startX = x
            let style: Int32
            switch paragraph.items[k] {
            case .box(let b):
                let run = paragraph.runs[b.run]
                style = run.style
                if run.face >= 0 {
                    runs.add(glyphs: b.glyphs, utf8: b.utf8, scale: b.scale, width: b.width,
                             face: paragraph.faces[run.face].ref, color: text.styles[Int(style)].font.color.rgb, run: run, x: x)
                }
                x += b.width
                if let n = text.styles[Int(style)].footnote, !footnotes.contains(n) {
                    footnotes.append(n)
                    destinations.append(.destination(name: "fnref-\(n)", at: Point(x: startX, y: 0)))
                }
            case .glue(let g):
                let run = paragraph.runs[g.run]
                style = run.style
                let w = g.width + (glueRatio >= 0 ? g.stretch * glueRatio : g.shrink * glueRatio)
                if run.face >= 0, let space = paragraph.faces[run.face].face.spaceGlyph {
                    runs.add(space: space, face: paragraph.faces[run.face].ref, color: text.styles[Int(style)].font.color.rgb,
                             run: run, x: x, width: w)
                }
                x += w
            case .kern(let kern):
                x += kern.width + (kernRatio >= 0 ? kern.stretch * kernRatio : kern.shrink * kernRatio)
                continue
            case .penalty(let p):
                if let disc = p.disc { set(disc.nobreak, of: disc) }
                continue
            }
            mark(style, from: startX)
        }
        if let hyphen, paragraph.runs[hyphen.run].face >= 0 {
            let run = paragraph.runs[hyphen.run]
            // A discretionary's pre-break part fills the hyphen's leading (ParagraphBuilder sets it to that width).
            if let pre { set(pre.pre, of: pre) } else { x += hyphen.leading }
            runs.add(glyphs: hyphen.glyphs, utf8: [0x2D], scale: hyphen.scale, width: hyphen.width,
                     face: paragraph.faces[run.face].ref, color: text.styles[Int(lastStyle >= 0 ? lastStyle : run.style)].font.color.rgb,
                     run: run, x: x)
            x += hyphen.width
        }
        var items = runs.finish()
        for area in linkAreas {
            items.append(.link(Rect(x: area.x0, y: 0, width: area.x1 - area.x0, height: spec.lineHeight), area.target))
        }
        for (x0, x1, style) in strikes {
            let font = text.styles[Int(style)].font
            let y = baseline - font.size * 0.28
            items.append(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y), width: font.size * 0.06, color: font.color.rgb))
        }
        items.append(contentsOf: destinations)
        var line = LineBox(height: spec.lineHeight, baseline: baseline, items: items, width: width + indent,
                           contentWidth: x, footnotes: footnotes, justified: justified)
        if glueRatio > 0, glueStretch > 0, let g = range.lazy.compactMap({ k -> ParagraphItems.Glue? in
            if case .glue(let g) = self.paragraph.items[k] { return g } else { return nil } }).first, g.width > 0 {
            line.looseness = (g.width + g.stretch * glueRatio) / g.width
        }
        return line
    }
}

/// Collects glyphs into runs of one font, size, colour and baseline, with their UTF-8 text and clusters.
struct RunAssembler {
    let baseline: Double
    private var runs: [GlyphRun] = []
    private var current: GlyphRun?
    /// The current run's text as UTF-8, made a String once when the run is done (not appended to one per word).
    private var text: [UInt8] = []

    init(baseline: Double) { self.baseline = baseline }

    private mutating func target(face: FontRef, color: RGB, run: TextRun, x: Double) {
        let y = baseline - run.rise
        // Compared field by field: binding `current` to a constant would copy the run (four arrays retained) per word.
        if current != nil, current!.size == run.size, current!.origin.y == y, current!.color == color, current!.font == face { return }
        flush()
        current = GlyphRun(font: face, size: run.size, color: color, origin: Point(x: x, y: y),
                           glyphs: [], text: "", clusters: [])
    }

    private mutating func flush() {
        guard var c = current.take() else { return }
        c.text = String(decoding: text, as: UTF8.self)
        runs.append(c)
        text.removeAll(keepingCapacity: true)
    }

    mutating func add(glyphs: [ShapedGlyph], utf8: [UInt8], scale: Double, width: Double, face: FontRef, color: RGB, run textRun: TextRun, x: Double) {
        target(face: face, color: color, run: textRun, x: x)
        // Moved out (not copied and then cleared): the run's arrays are referenced once, so appends extend them in
        // place, and no Optional<GlyphRun> is destroyed through its generic value witness per word.
        guard var run = current.take() else { return }
        let dx = x - run.origin.x
        var pen = 0.0
        for g in glyphs {
            run.glyphs.append(PlacedGlyph(id: g.id, x: dx + pen + Double(g.xOffset) * scale, y: -Double(g.yOffset) * scale))
            pen += Double(g.advance) * scale
        }
        Self.appendClusters(glyphs, byteCount: utf8.count, to: &run.clusters)
        text.append(contentsOf: utf8)
        run.width = dx + width
        current = run
    }

    mutating func add(space glyph: UInt32, face: FontRef, color: RGB, run textRun: TextRun, x: Double, width: Double) {
        target(face: face, color: color, run: textRun, x: x)
        guard var run = current.take() else { return }
        run.glyphs.append(PlacedGlyph(id: glyph, x: x - run.origin.x, y: 0))
        run.clusters.append(TextCluster(bytes: 1, glyphs: 1))
        text.append(0x20)
        run.width = x - run.origin.x + width
        current = run
    }

    mutating func finish() -> [DisplayItem] {
        flush()
        return runs.map { .glyphs($0) }
    }

    /// Appends the glyphs' clusters to `out`: grouped by HarfBuzz cluster (a UTF-8 byte offset, non-decreasing for
    /// left-to-right text) into byte/glyph counts; text that maps oddly falls back to one cluster for the whole box.
    static func appendClusters(_ glyphs: [ShapedGlyph], byteCount: Int, to out: inout [TextCluster]) {
        guard !glyphs.isEmpty else {
            if byteCount > 0 { out.append(TextCluster(bytes: byteCount, glyphs: 0)) }
            return
        }
        let mark = out.count
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
        if !monotone {
            out.removeSubrange(mark...)
            out.append(TextCluster(bytes: byteCount, glyphs: glyphs.count))
        }
    }
}
