import FolioDisplay
import FolioModel

/// One unit of the vertical flow: a line, a table row, a rule or a space. Pages break only between items.
public struct FlowItem: Sendable {
    /// A set line, an unbreakable block (table row, rule, image row), a discardable space, or a forced page break.
    public enum Kind: Sendable { case line, block, space, pageBreak }
    public var kind: Kind
    public var height: Double
    /// Display items in local coordinates (x from the text block's left edge, y from the item's top), inside
    /// their structure element's `.begin`/`.end`.
    public var items: [DisplayItem]
    /// Whether a page may break just before this item (false keeps it with the item above: orphans,
    /// widows, headings kept with their text).
    public var breakBefore: Bool
    /// A keep that gives way (the start of what a paragraph ending with a colon introduces): the page may break
    /// before this item after all when honouring the keep would leave more than `Paginator.weakKeepLimit` empty.
    public var weakKeep = false
    /// Footnotes this item refers to; their notes go on the same page.
    public var footnotes: [Int] = []
    /// For a table row: the header row to repeat when a page starts with this row.
    public var repeatHeader: Int?
    /// What starts here that the run stage records the page of.
    public var landmarks: [Landmark] = []
    /// Whether the item is a line of a heading (a page must not end with one).
    public var isHeading = false
    /// Where the item's text comes from, for checks and page maps.
    public var source: SourceLocation?
    /// Never moved to the next page even if it overflows (the cover's items).
    public var keepOnPage = false
    /// A figure: when it does not fit in the rest of the page it goes to the top of the next, and the text goes on.
    public var isFloat = false

    public init(kind: Kind, height: Double, items: [DisplayItem], breakBefore: Bool) {
        self.kind = kind; self.height = height; self.items = items; self.breakBefore = breakBefore
    }

    static func space(_ h: Double) -> FlowItem { FlowItem(kind: .space, height: h, items: [], breakBefore: true) }
    static var pageBreak: FlowItem { FlowItem(kind: .pageBreak, height: 0, items: [], breakBefore: true) }

    /// A block holding one rule, an artifact.
    static func rule(from: Point, to: Point, width: Double, color: RGB) -> FlowItem {
        FlowItem(kind: .block, height: 1, items: DisplayItem.artifact(.rule, [.line(from: from, to: to, width: width, color: color)]),
                 breakBefore: true)
    }

    /// The headings placed by this item.
    var headings: [HeadingMark] {
        landmarks.compactMap { if case .heading(let h) = $0 { h } else { nil } }
    }
}

/// Something whose page the layout needs to know: a heading (for the outline and contents), the start of a
/// note, the first item of the body (where page numbering starts).
public enum Landmark: Sendable, Hashable {
    case heading(HeadingMark)
    case noteStart(Int)
    case bodyStart
    /// A figure, by anchor.
    case figure(String)
}

/// A heading placed in the flow, for the outline.
public struct HeadingMark: Sendable, Hashable {
    public var anchor: String
    public var level: Int
    public var title: String
}

extension DisplayItem {
    /// Items wrapped as the content of a structure element.
    static func tagged(_ id: StructureID, _ items: [DisplayItem], dx: Double = 0, dy: Double = 0) -> [DisplayItem] {
        guard !items.isEmpty else { return [] }
        var out: [DisplayItem] = []
        out.reserveCapacity(items.count + 2)
        out.append(.begin(.element(id)))
        if dx == 0 && dy == 0 { out.append(contentsOf: items) } else { for item in items { out.append(item.offset(dx: dx, dy: dy)) } }
        out.append(.end)
        return out
    }

    /// Items wrapped as an artifact.
    static func artifact(_ kind: ArtifactKind, _ items: [DisplayItem]) -> [DisplayItem] {
        items.isEmpty ? [] : [.begin(.artifact(kind))] + items + [.end]
    }
}
