import FolioDisplay
import FolioFonts
import FolioModel
import FolioUnicode

/// Collects glyphs into runs of one font, size, colour and baseline, with their UTF-8 text and clusters.
struct RunAssembler {
    let baseline: Double
    /// Finished runs, and the inline elements' tags and link areas between them.
    private var runs: [DisplayItem] = []
    var current: GlyphRun?
    /// The current run's text as UTF-8, made a String once when the run is done (not appended to one per word).
    var text: [UInt8] = []
    /// Whether glyphs join the current run only where it ends (pieces set out of order, in bidi lines).
    var contiguousOnly = false
    /// Whether the current run holds only spaces, which draw nothing: it takes the widening of the glyphs that join it.
    private var spacesOnly = false

    init(baseline: Double) { self.baseline = baseline }

    /// Makes the current run the one a piece `width` wide at `x` joins; true when it joins on the run's left.
    /// A piece of glyphs widened by `stretch` joins only a run widened alike; nil (a space, which draws nothing)
    /// joins any.
    private mutating func target(face: FontRef, color: RGB, run: TextRun, x: Double, width: Double, stretch: Double?) -> Bool {
        let y = baseline - run.rise
        // Compared field by field: binding `current` to a constant would copy the run (four arrays retained) per word.
        if current != nil, current!.size == run.size, current!.origin.y == y, current!.color == color, current!.font == face,
           stretch == nil || current!.stretch == stretch! || spacesOnly {
            let right = !contiguousOnly || abs(current!.origin.x + current!.width - x) < 0.001
            // Right-to-left pieces, set in logical order, go leftwards: each joins the run on its left.
            let left = !right && run.isRightToLeft && abs(x + width - current!.origin.x) < 0.001
            if right || left {
                if let stretch { current!.stretch = stretch; spacesOnly = false }
                return left
            }
        }
        flush()
        current = GlyphRun(font: face, size: run.size, color: color, origin: Point(x: x, y: y),
                           glyphs: [], text: "", clusters: [])
        current!.stretch = stretch ?? 1
        spacesOnly = stretch == nil
        return false
    }

    private mutating func flush() {
        guard var c = current.take() else { return }
        c.text = String(decoding: text, as: UTF8.self)
        runs.append(.glyphs(c))
        text.removeAll(keepingCapacity: true)
    }

    /// Adds shaped glyphs set at `x`, `width` wide, their advances and offsets widened by `stretch` (font expansion).
    mutating func add(glyphs: [ShapedGlyph], utf8: [UInt8], scale: Double, width: Double, stretch: Double = 1, face: FontRef,
                      color: RGB, run textRun: TextRun, x: Double) {
        if target(face: face, color: color, run: textRun, x: x, width: width, stretch: stretch) {
            // Only right-to-left pieces of lines set in visual order, which never expand.
            prepend([], shaped: glyphs, utf8: utf8, scale: scale, x: x)
            return
        }
        // Moved out (not copied and then cleared): the run's arrays are referenced once, so appends extend them in
        // place, and no Optional<GlyphRun> is destroyed through its generic value witness per word.
        guard var run = current.take() else { return }
        // Expansion widens the glyphs, not their heights: only advances and x offsets scale with it.
        let dx = x - run.origin.x, xScale = scale * stretch
        var pen = 0.0
        for g in glyphs {
            run.glyphs.append(PlacedGlyph(id: g.id, x: dx + pen + Double(g.xOffset) * xScale, y: -Double(g.yOffset) * scale))
            pen += Double(g.advance) * xScale
        }
        if textRun.isRightToLeft {
            // Shaped right to left, the glyphs come in visual order, and stay so, with the text of the piece reversed
            // to match (see `visualText`).
            run.clusters += Self.rightToLeftClusters(glyphs, utf8: utf8)
            text.append(contentsOf: Self.visualText(utf8))
        } else {
            Self.appendClusters(glyphs, byteCount: utf8.count, to: &run.clusters)
            text.append(contentsOf: utf8)
        }
        run.width = dx + width
        current = run
    }

    mutating func add(space glyph: UInt32, face: FontRef, color: RGB, run textRun: TextRun, x: Double, width: Double) {
        if target(face: face, color: color, run: textRun, x: x, width: width, stretch: nil) {
            prepend([PlacedGlyph(id: glyph, x: 0, y: 0)], shaped: nil, utf8: [0x20], scale: 0, x: x)
            return
        }
        guard var run = current.take() else { return }
        run.glyphs.append(PlacedGlyph(id: glyph, x: x - run.origin.x, y: 0))
        run.clusters.append(TextCluster(bytes: 1, glyphs: 1))
        text.append(0x20)
        run.width = x - run.origin.x + width
        current = run
    }

    /// Ends the current run and adds an item after it (an inline element's begin or end, a link area).
    mutating func tag(_ item: DisplayItem) {
        flush()
        runs.append(item)
    }

    mutating func finish() -> [DisplayItem] {
        flush()
        return runs
    }
}
