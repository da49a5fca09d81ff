/// An edition's content as Folio understands it: blocks of styled inline text, independent of Markdown.
public struct Document: Sendable {
    public var blocks: [Block]
    /// Footnote bodies by their number (1-based, in order of first reference).
    public var footnotes: [Footnote]
    public var file: String
    public init(blocks: [Block], footnotes: [Footnote], file: String) {
        self.blocks = blocks; self.footnotes = footnotes; self.file = file
    }

    /// The headings in reading order, for outlines and contents.
    public var headings: [(level: Int, text: String, anchor: String)] {
        blocks.compactMap {
            if case .heading(let h) = $0 { return (h.level, h.content.plainText, h.anchor) }
            return nil
        }
    }
}

/// A footnote's number and body (cmark-gfm 0.29 does not expose the source label).
public struct Footnote: Sendable {
    public var number: Int
    public var blocks: [Block]
    public var location: SourceLocation
}

/// A heading with its level (1 = top) and the anchor that links and outlines point at.
public struct Heading: Sendable {
    public var level: Int
    public var content: [Inline]
    public var anchor: String
    public var location: SourceLocation
}

/// A list item holds blocks; a list is bulleted or numbered from `start`.
public struct ListBlock: Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [[Block]]
    public var location: SourceLocation
}

/// Column alignment from the GFM delimiter row.
public enum ColumnAlignment: Sendable { case none, left, center, right }

/// A GFM table: a header row, body rows, per-column alignment.
public struct Table: Sendable {
    public var alignments: [ColumnAlignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var location: SourceLocation
}

/// A block of the document.
public indirect enum Block: Sendable {
    case heading(Heading)
    case paragraph([Inline], SourceLocation)
    case list(ListBlock)
    case quote([Block], SourceLocation)
    case table(Table)
    case code(String, SourceLocation)
    case rule(SourceLocation)
    /// An explicit page break (`<!-- pagebreak -->` on a line of its own).
    case pageBreak(SourceLocation)
}

/// Inline content: text with nested styles, links and footnote references.
public indirect enum Inline: Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// A reference to footnote `number`.
    case footnoteReference(Int)
    /// A soft line break in the source: a space when set.
    case softBreak
    /// A hard line break.
    case lineBreak
}

extension Array where Element == Inline {
    /// The text without styles, for outlines, anchors and word counts.
    public var plainText: String {
        var s = ""
        for inline in self {
            switch inline {
            case .text(let t), .code(let t): s += t
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): s += c.plainText
            case .footnoteReference: break
            case .softBreak, .lineBreak: s += " "
            }
        }
        return s
    }
}
