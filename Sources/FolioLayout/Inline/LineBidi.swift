import FolioDisplay
import FolioUnicode

/// Where the pieces of one line go once they are in visual order (UAX #9 rule L2 over the line's pieces): the line is
/// broken in logical order, then each piece (a word, a space, the hyphen) is given its x from the line's visual start,
/// and the pieces are still set in logical order, so that text extraction and the structure read logically.
struct LinePlacement {
    /// The x of the post-break part of the discretionary the line starts with.
    var post: Double?
    /// The x of each item of the line's range, by index from the range's start.
    var items: [Double]
    /// The x of the hyphen (with the pre-break part before it) of a hyphenated line.
    var hyphen: Double?
    /// The width of the whole line as set.
    var total: Double
}

extension LineBuilder {
    /// Whether the paragraph needs bidi placement: text at a level other than 0 (right-to-left text, or any text of a
    /// right-to-left edition).
    var needsBidi: Bool { rightToLeft || paragraph.runs.contains { $0.level != 0 } }

    /// The x of each piece of a line set with these ratios, from the left end of its content.
    func placement(_ range: Range<Int>, hyphen: ParagraphItems.Hyphen?, post: ParagraphItems.Discretionary?,
                   glueRatio: Double, kernRatio: Double) -> LinePlacement {
        var widths: [Double] = [], levels: [UInt8] = []
        widths.reserveCapacity(range.count + 2); levels.reserveCapacity(range.count + 2)
        // Pieces that draw nothing, or letter-space, take the level before them, so that they do not split a run.
        func add(_ width: Double, _ level: UInt8?) {
            widths.append(width)
            levels.append(level ?? levels.last ?? (rightToLeft ? 1 : 0))
        }
        if let post { add(post.width(post.post), paragraph.runs[post.run].level) }
        for k in range {
            switch paragraph.items[k] {
            case .box(let b): add(b.width, paragraph.runs[b.run].level)
            case .glue(let g): add(g.width + (glueRatio >= 0 ? g.stretch * glueRatio : g.shrink * glueRatio), paragraph.runs[g.run].level)
            case .kern(let kern): add(kern.width + (kernRatio >= 0 ? kern.stretch * kernRatio : kern.shrink * kernRatio), nil)
            case .penalty(let p):
                if let disc = p.disc { add(disc.width(disc.nobreak), paragraph.runs[disc.run].level) } else { add(0, nil) }
            }
        }
        if let hyphen { add(hyphen.leading + hyphen.width, paragraph.runs[hyphen.run].level) }
        var xs = [Double](repeating: 0, count: widths.count)
        var x = 0.0
        for logical in Bidi.visualOrder(levels: levels) {
            xs[logical] = x
            x += widths[logical]
        }
        let first = post == nil ? 0 : 1
        return LinePlacement(post: post == nil ? nil : xs[0], items: Array(xs[first..<(first + range.count)]),
                             hyphen: hyphen == nil ? nil : xs[xs.count - 1], total: x)
    }

    /// Where a right-to-left line's content starts from the left of a line box `width` wide (its first-line indent on
    /// the right): against the right edge, or the left for `.right` (the line's end in right-to-left text).
    func rightToLeftStart(total: Double, width: Double) -> Double {
        switch spec.align {
        case .center: max(0, (width - total) / 2)
        case .right: 0
        default: width - total
        }
    }
}

extension DisplayItem {
    /// The item reflected left for right inside a box `width` wide: a glyph run moves as a whole (its glyphs keep their
    /// visual order), areas and points are reflected.
    public func mirrored(width: Double) -> DisplayItem {
        switch self {
        case .glyphs(var run):
            run.origin.x = width - run.origin.x - run.width
            return .glyphs(run)
        case .line(let a, let b, let w, let c):
            return .line(from: Point(x: width - a.x, y: a.y), to: Point(x: width - b.x, y: b.y), width: w, color: c)
        case .fill(let r, let c):
            return .fill(Rect(x: width - r.x - r.width, y: r.y, width: r.width, height: r.height), c)
        case .image(let ref, let r):
            return .image(ref, Rect(x: width - r.x - r.width, y: r.y, width: r.width, height: r.height))
        case .link(let r, let t):
            return .link(Rect(x: width - r.x - r.width, y: r.y, width: r.width, height: r.height), t)
        case .destination(let name, let p):
            return .destination(name: name, at: Point(x: width - p.x, y: p.y))
        case .begin, .end:
            return self
        }
    }
}

extension LayoutContext {
    /// Flow items of a right-to-left edition reflected inside the text block: lines (set reflected, so that they
    /// read right to left again), their indents, paragraph and note numbers, list labels, table columns and rules
    /// all move to the other side. Left-to-right editions' items are returned as they are.
    func mirrored(_ items: [FlowItem]) -> [FlowItem] {
        guard rightToLeft else { return items }
        return items.map { item in
            var item = item
            item.items = item.items.map { $0.mirrored(width: textWidth) }
            return item
        }
    }
}
