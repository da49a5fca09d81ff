/// The display list: laid-out pages as plain data, the contract between layout and every backend.
/// Coordinates are PostScript points from the page's top-left corner, y growing downwards.

/// A point on a page.
public struct Point: Sendable, Hashable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A rectangle on a page.
public struct Rect: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// An sRGB colour, components 0…1.
public struct RGB: Sendable, Hashable {
    public var r: Double, g: Double, b: Double
    public init(r: Double, g: Double, b: Double) { self.r = r; self.g = g; self.b = b }
    public static let black = RGB(r: 0, g: 0, b: 0)
}

/// A font face as backends load it: the file, the face index in a collection, and synthesis to apply.
public struct FontRef: Sendable, Hashable {
    public var path: String
    public var index: Int
    /// Embolden outlines because the family has no bold face.
    public var syntheticBold: Bool
    public init(path: String, index: Int, syntheticBold: Bool = false) {
        self.path = path; self.index = index; self.syntheticBold = syntheticBold
    }
}

/// A glyph placed relative to its run's origin.
public struct PlacedGlyph: Sendable, Hashable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

/// How many bytes of a run's UTF-8 text map to how many of its glyphs (HarfBuzz clusters, in order).
public struct TextCluster: Sendable, Hashable {
    public var bytes: Int
    public var glyphs: Int
    public init(bytes: Int, glyphs: Int) { self.bytes = bytes; self.glyphs = glyphs }
}

/// Glyphs of one font and size on one baseline, with the source text they came from,
/// so that PDF text extraction and copy-paste return the text (ligatures and Hangul included).
public struct GlyphRun: Sendable, Hashable {
    public var font: FontRef
    public var size: Double
    public var color: RGB
    /// The start of the baseline.
    public var origin: Point
    public var glyphs: [PlacedGlyph]
    public var text: String
    public var clusters: [TextCluster]
    public init(font: FontRef, size: Double, color: RGB, origin: Point, glyphs: [PlacedGlyph], text: String, clusters: [TextCluster]) {
        self.font = font; self.size = size; self.color = color; self.origin = origin
        self.glyphs = glyphs; self.text = text; self.clusters = clusters
    }
    /// Where the run's last glyph ends, if known from the layout (for tests and previews).
    public var width: Double = 0
    /// How much wider than `size` gives the glyphs are drawn (font expansion: 0.98…1.02 in a justified line; 1 else).
    public var stretch: Double = 1
}

/// Where a link leads.
public enum LinkTarget: Sendable, Hashable {
    case uri(String)
    /// A named destination in the same document.
    case destination(String)
}

/// The image formats Folio places (logos on covers, figures); the raw value is the usual file extension.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case png, svg
    /// Embedded in PDFs as the file's bytes (DCT), never decoded and compressed again.
    case jpeg = "jpg"
}

/// An image file to draw, checked before layout.
public struct ImageRef: Sendable, Hashable {
    public var path: String
    public var format: ImageFormat
    public init(path: String, format: ImageFormat) { self.path = path; self.format = format }
}

/// A range of pages numbered one way in PDF viewers (PDF page labels).
public struct PageLabelRange: Sendable, Hashable {
    /// PDF page label styles: /D decimal, /r lower-case roman.
    public enum Style: String, Sendable { case decimal = "D", lowerRoman = "r" }
    /// First page of the range (0-based).
    public var start: Int
    public var style: Style
    public var firstNumber: Int
    public init(start: Int, style: Style, firstNumber: Int) { self.start = start; self.style = style; self.firstNumber = firstNumber }
}

/// One thing drawn or marked on a page.
public enum DisplayItem: Sendable, Hashable {
    case glyphs(GlyphRun)
    /// A straight line from `from` to `to`.
    case line(from: Point, to: Point, width: Double, color: RGB)
    case fill(Rect, RGB)
    /// An image scaled into a rectangle.
    case image(ImageRef, Rect)
    /// A clickable area.
    case link(Rect, LinkTarget)
    /// A named destination: links and outline entries land at this point.
    case destination(name: String, at: Point)
    /// The items up to the matching `.end` belong to a structure element, or are an artifact.
    case begin(ContentTag)
    case end
}

/// One laid-out page.
public struct Page: Sendable {
    public var width: Double
    public var height: Double
    public var items: [DisplayItem]
    public init(width: Double, height: Double, items: [DisplayItem] = []) {
        self.width = width; self.height = height; self.items = items
    }
}

/// An entry of the PDF outline (bookmarks).
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    /// 1 = top level.
    public var level: Int
    public var destination: String
    public var page: Int
    public init(title: String, level: Int, destination: String, page: Int) {
        self.title = title; self.level = level; self.destination = destination; self.page = page
    }
}

/// Document metadata written into the PDF.
public struct DocumentInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// BCP 47 language of the document (PDF /Lang).
    public var language: String
    /// Creation and modification date, `YYYY-MM-DDThh:mm:ssZ`.
    public var date: String
    public init(title: String, author: String, subject: String, keywords: String, creator: String, language: String, date: String) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.creator = creator; self.language = language; self.date = date
    }
}

/// A whole laid-out document.
public struct DisplayDocument: Sendable {
    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var info: DocumentInfo
    /// How viewers number the pages; empty for plain 1, 2, 3.
    public var pageLabels: [PageLabelRange] = []
    /// What the content is, in reading order; the pages' `.begin` items point into it.
    public var structure: StructureTree
    public init(pages: [Page], outline: [OutlineEntry], info: DocumentInfo, structure: StructureTree = StructureTree()) {
        self.pages = pages; self.outline = outline; self.info = info; self.structure = structure
    }
}
