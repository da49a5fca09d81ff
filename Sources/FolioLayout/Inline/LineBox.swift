import FolioDisplay
import FolioModel

/// A set line: its display items in local coordinates (x from the line's start, y from its top),
/// and what pagination needs to know about it.
public struct LineBox: Sendable {
    public var height: Double
    /// Distance from the line's top to its baseline.
    public var baseline: Double
    public var items: [DisplayItem]
    /// The width the line was set to, and the width its content takes.
    public var width: Double
    public var contentWidth: Double
    /// Footnotes referenced on this line, in order.
    public var footnotes: [Int]
    /// Whether the line's spaces were stretched or shrunk to fill the width.
    public var justified: Bool
    /// Set width of the widest space over its natural width (1 when spaces are as designed).
    public var looseness: Double = 1
    /// Whether the line ends inside what reads as one unit: a hyphenated word, or a Korean word before its gloss.
    /// A page does not end after it unless nothing else fits.
    public var partsWord = false
    /// Whether justifying the line stretches its spaces past their stretch (set so, or ragged when it holds a URL).
    public var overstretched = false
}

/// How to set one paragraph.
public struct ParagraphSpec: Hashable, Sendable {
    public var width: Double
    public var firstLineIndent: Double = 0
    public var align: Alignment
    /// Line height in points.
    public var lineHeight: Double
    /// The style whose face metrics place the baseline.
    public var baseStyle: SpanStyle
    /// Display text (titles, headings): ragged lines of about equal length (CSS's text-wrap: balance).
    public var balanced = false
    /// Justified text that is set ragged right whole when it holds a URL and a justified line would stretch its
    /// spaces past their stretch (notes: a URL's long unbreakable pieces leave the line before them loose).
    public var raggedWhenURLStretches = false
    public init(width: Double, align: Alignment, lineHeight: Double, baseStyle: SpanStyle) {
        self.width = width; self.align = align; self.lineHeight = lineHeight; self.baseStyle = baseStyle
    }
}

extension DisplayItem {
    /// The item moved by (dx, dy).
    public func offset(dx: Double, dy: Double) -> DisplayItem {
        switch self {
        case .glyphs(var run):
            run.origin.x += dx; run.origin.y += dy
            return .glyphs(run)
        case .line(let a, let b, let w, let c):
            return .line(from: Point(x: a.x + dx, y: a.y + dy), to: Point(x: b.x + dx, y: b.y + dy), width: w, color: c)
        case .fill(let r, let c):
            return .fill(Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height), c)
        case .image(let ref, let r):
            return .image(ref, Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height))
        case .link(let r, let t):
            return .link(Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height), t)
        case .destination(let name, let p):
            return .destination(name: name, at: Point(x: p.x + dx, y: p.y + dy))
        case .begin, .end:
            return self
        }
    }
}

extension Color {
    var rgb: RGB { RGB(r: red, g: green, b: blue) }
}
