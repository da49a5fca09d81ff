import FolioDisplay
import FolioFonts
import FolioModel
import FolioUnicode

/// Turns chosen breaks into set lines: justifies spaces (and Hangul letter-space), sets the hyphen of a
/// hyphenated line, lets end punctuation hang, places glyphs, and merges them into runs that carry their text
/// and HarfBuzz clusters, with link areas and footnote-mark destinations.
struct LineBuilder {
    let paragraph: ParagraphItems
    let text: StyledText
    let spec: ParagraphSpec
    let baseline: Double
    let languages: SpanLanguages
    /// Whether the edition runs right to left: lines start at the right, and their items come out reflected, for the
    /// text block to be reflected as a whole (`FlowComposer`) with everything else in it.
    var rightToLeft = false
    /// Hangul letter-space stretches at most this multiple of its stretchability (the rest goes to spaces; a line
    /// without spaces is left short), so that syllables are spaced alike from line to line.
    static let kernRatioLimit = 1.0
    /// Font expansion is set in steps of this share of a glyph's width (microtype's `step`): a line's glyphs are
    /// widened by a multiple of it, and its spaces take what the rounding leaves.
    static let expansionStep = 0.005

    func lines(breaks: [Int]) -> [LineBox] {
        var out: [LineBox] = []
        var start = 0
        let items = paragraph.items
        var post: ParagraphItems.Discretionary? = nil   // the discretionary the previous line broke at
        let bidi = needsBidi
        for (index, stop) in breaks.enumerated() {
            var hyphen: ParagraphItems.Hyphen? = nil
            var endsForced = false
            var disc: ParagraphItems.Discretionary? = nil
            var gloss = false
            if stop < items.count, case .penalty(let p) = items[stop] {
                endsForced = p.forced
                hyphen = p.flagged ? p.hyphen : nil
                disc = p.disc
                gloss = p.gloss
            }
            let isLast = index == breaks.count - 1
            let indent = index == 0 ? spec.firstLineIndent : 0
            let end = min(stop, items.count)
            let range = trimmed(min(start, end)..<end)
            out.append(setLine(range, hyphen: hyphen, pre: disc, post: post, width: spec.width - indent, indent: indent,
                               justify: spec.align == .justify && !isLast && !endsForced, bidi: bidi, url: holdsURL(range, stop: stop)))
            out[out.count - 1].partsWord = hyphen != nil || gloss
            post = disc
            start = KnuthPlass.nextLineStart(after: stop, items)
        }
        return out
    }

    /// Whether a line holds a piece of URL: a URL break inside it or at its end.
    private func holdsURL(_ range: Range<Int>, stop: Int) -> Bool {
        let items = paragraph.items
        if stop < items.count, case .penalty(let p) = items[stop], p.inURL { return true }
        return range.contains { k in if case .penalty(let p) = items[k] { return p.inURL } else { return false } }
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
                         post: ParagraphItems.Discretionary?, width: Double, indent: Double, justify: Bool, bidi: Bool, url: Bool) -> LineBox {
        let extent = measure(range, hyphen: hyphen, post: post, expanding: !bidi)
        // The end glyph may hang into the margin: a justified line is that much longer.
        var protrusion = 0.0
        if justify {
            if let hyphen { protrusion = hyphen.width * ParagraphBuilder.protrusionFactor }
            else if let last = range.last, case .box(let b) = paragraph.items[last] { protrusion = b.protrusion }
        }
        var (glueRatio, kernRatio, justified) = Self.ratios(extent, target: width + protrusion, justify: justify)
        var stretch = Self.expansion(extent, glueRatio: &glueRatio, kernRatio: kernRatio)
        let overstretched = justified && glueRatio > 1
        // A line holding a piece of URL is set ragged rather than with spaces past their stretch (notes of long links).
        if url && glueRatio > 1 {
            (glueRatio, kernRatio, justified) = Self.ratios(extent, target: width + protrusion, justify: false)
            stretch = Self.expansion(extent, glueRatio: &glueRatio, kernRatio: kernRatio)
        }
        let placement = bidi ? placement(range, hyphen: hyphen, post: post, glueRatio: glueRatio, kernRatio: kernRatio) : nil
        let x: Double
        switch spec.align {
        case _ where rightToLeft: x = rightToLeftStart(total: placement?.total ?? extent.natural, width: width)
        case .center: x = indent + max(0, (width - extent.natural) / 2)
        case .right: x = indent + max(0, width - extent.natural)
        default: x = indent
        }
        var pen = Pen(x: x, runs: RunAssembler(baseline: baseline))
        pen.runs.contiguousOnly = placement != nil
        pen.bidi = placement != nil
        if let post {
            if let at = placement?.post { pen.x = x + at }
            set(post.post, of: post, &pen)
        }
        for k in range {
            if let at = placement?.items[k - range.lowerBound] { pen.x = x + at; pen.linkLow = min(pen.linkLow, pen.x) }
            place(k, glueRatio: glueRatio, kernRatio: kernRatio, stretch: stretch, &pen)
            pen.linkHigh = max(pen.linkHigh, pen.x)
        }
        if let hyphen, paragraph.runs[hyphen.run].face >= 0 {
            if let at = placement?.hyphen { pen.x = x + at }
            setHyphen(hyphen, pre: pre, &pen)
        }
        let contentWidth = placement.map { rightToLeft ? width + indent - x : x + $0.total } ?? pen.x, footnotes = pen.footnotes
        var items = finish(&pen)
        if rightToLeft { items = items.map { $0.mirrored(width: width + indent) } }
        var line = LineBox(height: spec.lineHeight, baseline: baseline, items: items, width: width + indent,
                           contentWidth: contentWidth, footnotes: footnotes, justified: justified)
        line.overstretched = overstretched
        if glueRatio > 0, extent.glueStretch > 0, let g = range.lazy.compactMap({ k -> ParagraphItems.Glue? in
            if case .glue(let g) = self.paragraph.items[k] { return g } else { return nil } }).first, g.width > 0 {
            line.looseness = (g.width + g.stretch * glueRatio) / g.width
        }
        return line
    }

    /// A line's natural width, and how far its spaces and its Hangul letter-space and font expansion (`kern…`)
    /// stretch and shrink; the width of its expanding glyphs, and the share they expand by.
    private struct Extent {
        var natural = 0.0
        var glueStretch = 0.0, kernStretch = 0.0
        var shrink = 0.0, kernShrink = 0.0
        var expanding = 0.0, expansion = 0.0
    }

    /// Measures a line; font expansion counts only when `expanding` (not in lines set in visual order).
    private func measure(_ range: Range<Int>, hyphen: ParagraphItems.Hyphen?, post: ParagraphItems.Discretionary?,
                         expanding: Bool) -> Extent {
        var e = Extent()
        e.natural = (hyphen.map { $0.leading + $0.width } ?? 0) + (post.map { $0.width($0.post) } ?? 0)
        for k in range {
            switch paragraph.items[k] {
            case .box(let b):
                e.natural += b.width
                if expanding && b.expansion > 0 {
                    let x = b.width * b.expansion
                    e.kernStretch += x; e.kernShrink += x
                    e.expanding += b.width; e.expansion = max(e.expansion, b.expansion)
                }
            case .glue(let g): e.natural += g.width; e.glueStretch += g.stretch; e.shrink += g.shrink
            case .kern(let kern): e.natural += kern.width; e.kernStretch += kern.stretch; e.kernShrink += kern.shrink
            case .penalty(let p): e.natural += p.disc.map { $0.width($0.nobreak) } ?? 0
            }
        }
        return e
    }

    /// How far spaces (`glue`) and Hangul letter-space (`kern`) are set, as multiples of their stretch or shrink,
    /// for the line to fill `target`; and whether that justifies it. Spaces stretch or shrink in proportion to
    /// their stretchability (TeX's glue setting); Hangul letter-space takes its share up to its limit and spaces
    /// take the rest.
    private static func ratios(_ e: Extent, target: Double, justify: Bool) -> (glue: Double, kern: Double, justified: Bool) {
        if e.natural > target, e.shrink + e.kernShrink > 0 {
            let r = max(-1, (target - e.natural) / (e.shrink + e.kernShrink))
            return (r, r, justify)
        }
        guard justify, e.natural < target, e.glueStretch + e.kernStretch > 0 else { return (0, 0, false) }
        let extra = target - e.natural
        let r = extra / (e.glueStretch + e.kernStretch)
        if r <= Self.kernRatioLimit || e.glueStretch == 0 {
            return (r, min(r, Self.kernRatioLimit), r <= Self.kernRatioLimit)
        }
        return ((extra - e.kernStretch * Self.kernRatioLimit) / e.glueStretch, Self.kernRatioLimit, true)
    }

    /// The factor a line's expanding glyphs are widened by: the share `kernRatio` gives them, rounded to
    /// `expansionStep` when the spaces can take up what the rounding leaves without shrinking past their limit or
    /// stretching past their stretch (`glueRatio` is adjusted); else the share itself.
    private static func expansion(_ e: Extent, glueRatio: inout Double, kernRatio: Double) -> Double {
        guard e.expanding > 0, e.expansion > 0 else { return 1 }
        let share = min(e.expansion, max(-e.expansion, kernRatio * e.expansion))
        let q = (share / expansionStep).rounded() * expansionStep
        let spaces = (glueRatio >= 0 ? e.glueStretch : e.shrink) * glueRatio + e.expanding * (share - q)
        let ratio: Double? = spaces >= 0 ? (e.glueStretch > 0 ? spaces / e.glueStretch : spaces == 0 ? 0 : nil)
            : (e.shrink > 0 ? spaces / e.shrink : nil)
        guard let ratio, ratio >= -1, ratio <= max(1, glueRatio) else { return 1 + share }
        glueRatio = ratio
        return 1 + q
    }

    /// What setting a line has placed so far: the pen position, glyph runs, link areas, strike-through and
    /// footnote-mark destinations, and the style last set.
    private struct Pen {
        var x: Double
        var runs: RunAssembler
        /// The inline elements open (a note reference, a link, a span in another language), where the open link
        /// began, and the style and script they were last checked for.
        var open = InlineKey()
        var linkStart = 0.0
        var tagStyle: Int32 = -1
        var tagScript = ScriptTag.unknown
        var strikes: [(x0: Double, x1: Double, style: Int32)] = []
        var destinations: [DisplayItem] = []
        var footnotes: [Int] = []
        var lastStyle: Int32 = -1
        /// Set in visual order (bidi): a link's area spans from the leftmost to the rightmost x of its pieces.
        var bidi = false
        var linkLow = Double.infinity, linkHigh = -Double.infinity
    }

    /// Sets item `k`: a box's glyphs (widened by `stretch` when it expands), a space stretched by `glueRatio`, a kern
    /// by `kernRatio`, a ligature.
    private func place(_ k: Int, glueRatio: Double, kernRatio: Double, stretch: Double, _ pen: inout Pen) {
        let startX = pen.x
        // Styles are read in place through their index: a SpanStyle copied per item was destroyed each time through
        // the runtime's generic (unspecialised) value witnesses of its optionals.
        let style: Int32
        switch paragraph.items[k] {
        case .box(let b):
            let run = paragraph.runs[b.run]
            style = run.style
            enter(run, isSpace: false, &pen)
            let f = b.expansion > 0 ? stretch : 1, width = b.width * f
            if let image = text.styles[Int(style)].image {
                setImage(image, style: text.styles[Int(style)], count: b.range.count, &pen)
            } else if run.face >= 0 {
                pen.runs.add(glyphs: b.glyphs, utf8: b.utf8, scale: b.scale, width: width, stretch: f,
                             face: paragraph.faces[run.face].ref, color: text.styles[Int(style)].font.color.rgb, run: run, x: pen.x)
            }
            pen.x += width
            if let n = text.styles[Int(style)].footnote, !pen.footnotes.contains(n) {
                pen.footnotes.append(n)
                pen.destinations.append(.destination(name: "fnref-\(n)", at: Point(x: startX, y: 0)))
            }
        case .glue(let g):
            let run = paragraph.runs[g.run]
            style = run.style
            enter(run, isSpace: true, &pen)
            let w = g.width + (glueRatio >= 0 ? g.stretch * glueRatio : g.shrink * glueRatio)
            if run.face >= 0, let space = paragraph.faces[run.face].face.spaceGlyph {
                pen.runs.add(space: space, face: paragraph.faces[run.face].ref, color: text.styles[Int(style)].font.color.rgb,
                             run: run, x: pen.x, width: w)
            }
            pen.x += w
        case .kern(let kern):
            pen.x += kern.width + (kernRatio >= 0 ? kern.stretch * kernRatio : kern.shrink * kernRatio)
            return
        case .penalty(let p):
            if let disc = p.disc { set(disc.nobreak, of: disc, &pen) }
            return
        }
        mark(style, from: startX, &pen)
    }

    /// An image in the line: a `Figure` with its alternative text, standing on the baseline and reaching a little
    /// below it, as letters with descenders do.
    private func setImage(_ image: InlineImage, style: SpanStyle, count: Int, _ pen: inout Pen) {
        let h = style.imageHeight, w = h * image.aspect
        for k in 0..<count {
            pen.runs.tag(.begin(.inline(.figure(alt: image.alt))))
            pen.runs.tag(.image(image.ref, Rect(x: pen.x + Double(k) * w, y: baseline - style.rise - h * 0.85, width: w, height: h)))
            pen.runs.tag(.end)
        }
    }

    /// Strike-through for text set from `startX` to the pen in `style`.
    @inline(__always)
    private func mark(_ style: Int32, from startX: Double, _ pen: inout Pen) {
        pen.lastStyle = style
        if text.styles[Int(style)].strike { pen.strikes.append((startX, pen.x, style)) }
    }

    /// The inline elements text is set in: a note reference, a link, a span in another language.
    struct InlineKey: Equatable {
        var note: Int?
        var link: LinkTarget?
        var language: String?
    }

    /// Opens and closes the inline elements of a run about to be set: a note reference, a link (its clickable area
    /// goes inside it, as the annotation of its structure element), a span in another language. A space keeps the
    /// language open: only a word in another script changes it.
    @inline(__always)
    private func enter(_ run: TextRun, isSpace: Bool, _ pen: inout Pen) {
        if run.style == pen.tagStyle && (isSpace || run.script == pen.tagScript) { return }
        pen.tagStyle = run.style
        if !isSpace { pen.tagScript = run.script }
        let style = text.styles[Int(run.style)]
        let key = InlineKey(note: style.footnote, link: style.link,
                            language: isSpace ? pen.open.language : languages.language(of: run.script))
        if key == pen.open { return }
        close(&pen)
        pen.open = key
        if let n = key.note { pen.runs.tag(.begin(.inline(.noteReference(number: n)))) }
        if let target = key.link {
            pen.runs.tag(.begin(.inline(.link(target))))
            pen.linkStart = pen.x
            pen.linkLow = pen.x; pen.linkHigh = pen.x
        }
        if let language = key.language { pen.runs.tag(.begin(.inline(.span(language: language)))) }
    }

    /// Closes the open inline elements, innermost first; a link's area goes in before its end.
    private func close(_ pen: inout Pen) {
        if pen.open.language != nil { pen.runs.tag(.end) }
        if let target = pen.open.link {
            let (low, high) = pen.bidi ? (pen.linkLow, pen.linkHigh) : (pen.linkStart, pen.x)
            pen.runs.tag(.link(Rect(x: low, y: 0, width: high - low, height: spec.lineHeight), target))
            pen.runs.tag(.end)
        }
        if pen.open.note != nil { pen.runs.tag(.end) }
        pen.open = InlineKey()
    }

    /// Sets a discretionary's part (or its unbroken ligature) in the discretionary's run.
    @inline(__always)
    private func set(_ part: ShapedText, of disc: ParagraphItems.Discretionary, _ pen: inout Pen) {
        let run = paragraph.runs[disc.run], startX = pen.x, width = disc.width(part)
        enter(run, isSpace: false, &pen)
        if run.face >= 0 {
            pen.runs.add(glyphs: part.glyphs, utf8: part.utf8, scale: disc.scale, width: width,
                         face: paragraph.faces[run.face].ref, color: text.styles[Int(run.style)].font.color.rgb, run: run, x: pen.x)
        }
        pen.x += width
        mark(run.style, from: startX, &pen)
    }

    /// Sets the hyphen of a line that breaks at a hyphenation point, in the colour of the text before it.
    private func setHyphen(_ hyphen: ParagraphItems.Hyphen, pre: ParagraphItems.Discretionary?, _ pen: inout Pen) {
        let run = paragraph.runs[hyphen.run]
        // A discretionary's pre-break part fills the hyphen's leading (ParagraphBuilder sets it to that width).
        if let pre { set(pre.pre, of: pre, &pen) } else { pen.x += hyphen.leading }
        pen.runs.add(glyphs: hyphen.glyphs, utf8: [0x2D], scale: hyphen.scale, width: hyphen.width,
                     face: paragraph.faces[run.face].ref,
                     color: text.styles[Int(pen.lastStyle >= 0 ? pen.lastStyle : run.style)].font.color.rgb, run: run, x: pen.x)
        pen.x += hyphen.width
    }

    /// The line's display items: glyph runs inside their inline elements, strike-through lines, footnote-mark
    /// destinations.
    private func finish(_ pen: inout Pen) -> [DisplayItem] {
        close(&pen)
        var items = pen.runs.finish()
        for (x0, x1, style) in pen.strikes {
            let font = text.styles[Int(style)].font
            let y = baseline - font.size * 0.28
            items.append(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y), width: font.size * 0.06, color: font.color.rgb))
        }
        items.append(contentsOf: pen.destinations)
        return items
    }
}
