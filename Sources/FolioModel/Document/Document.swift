/// An edition's content as Folio understands it: blocks of styled inline text, independent of Markdown.
public struct Document: Sendable {
    public var blocks: [Block]
    /// Footnote bodies by their number (1-based, in order of first reference).
    public var footnotes: [Footnote]
    public var file: String
    public init(blocks: [Block], footnotes: [Footnote], file: String) {
        self.blocks = blocks; self.footnotes = footnotes; self.file = file
    }

    /// The body's figures in reading order (in lists and quotes too).
    public var figures: [Figure] {
        func walk(_ blocks: [Block]) -> [Figure] {
            blocks.flatMap { block -> [Figure] in
                switch block {
                case .figure(let f): [f]
                case .list(let l): l.items.flatMap(walk)
                case .quote(let b, _): walk(b)
                default: []
                }
            }
        }
        return walk(blocks)
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
    /// A paragraph holding only an image (and its caption): a numbered figure.
    case figure(Figure)
}

/// An image as the Markdown names it: the file (relative to the Markdown file's folder), its alternative text and
/// the hints given in the link's fragment (`map.png#width=60%&id=detention-map`).
public struct ImageSource: Sendable {
    /// The path as written, without the fragment.
    public var path: String
    public var alt: String
    /// Width as a share of the measure (or of the column, in a table), from `#width=60%`.
    public var width: Double?
    /// An anchor given with `#id=name`.
    public var id: String?
    public var location: SourceLocation
}

/// A figure: an image on its own, numbered, with a caption; it floats to the top of the next page when it does not
/// fit where it is referred to.
public struct Figure: Sendable {
    public var image: ImageSource
    /// From the image's title or the line under it; empty for none.
    public var caption: [Inline]
    /// Its number in the edition (1-based, in order).
    public var number: Int
    /// The anchor links use: the `id` given, else `figure-<number>`.
    public var anchor: String
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
    /// An image in a line or a table cell.
    case image(ImageSource)
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
            case .image(let image): s += image.alt
            case .softBreak, .lineBreak: s += " "
            }
        }
        return s
    }
}
