import FolioDisplay
import FolioModel

/// One unit of the vertical flow: a line, a table row, a rule or a space. Pages break only between items.
public struct FlowItem: Sendable {
    /// A set line, an unbreakable block (table row, rule, image row), a discardable space, or a forced page break.
    public enum Kind: Sendable { case line, block, space, pageBreak }
    public var kind: Kind
    public var height: Double
    /// Display items in local coordinates (x from the text block's left edge, y from the item's top).
    public var items: [DisplayItem]
    /// Whether a page may break just before this item (false keeps it with the item above: orphans,
    /// widows, headings kept with their text).
    public var breakBefore: Bool
    /// Footnotes this item refers to; their notes go on the same page.
    public var footnotes: [Int] = []
    /// For a table row: the header row to repeat when a page starts with this row.
    public var repeatHeader: Int?
    /// Heading anchors placed by this item, for outlines (name, level, title).
    public var headings: [HeadingMark] = []
    /// Whether the item is a line of a heading (a page must not end with one).
    public var isHeading = false
    /// Where the item's text comes from, for checks and page maps.
    public var source: SourceLocation?
    /// A name the paginator reports the page of ("body-start").
    public var marker: String?
    /// Never moved to the next page even if it overflows (the cover's items).
    public var keepOnPage = false

    public init(kind: Kind, height: Double, items: [DisplayItem], breakBefore: Bool) {
        self.kind = kind; self.height = height; self.items = items; self.breakBefore = breakBefore
    }

    static func space(_ h: Double) -> FlowItem { FlowItem(kind: .space, height: h, items: [], breakBefore: true) }
}

/// A heading placed in the flow, for the outline.
public struct HeadingMark: Sendable {
    public var anchor: String
    public var level: Int
    public var title: String
}
