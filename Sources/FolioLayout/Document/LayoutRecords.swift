import FolioDisplay
import FolioImages
import FolioModel

/// What one edition is laid out from.
public struct EditionInput {
    public var document: Document
    public var layout: Layout
    public var title: String
    public var subtitle: String?
    /// Organisation names in the edition's language, and their short names.
    public var organizations: [String]
    public var organizationsShort: [String] = []
    /// Each organisation's web site and contact line, joined ("" when it gave neither).
    public var contacts: [String] = []
    /// Organisation logos, checked.
    public var logos: [Logo] = []
    /// The images the Markdown names, checked, by the path as written.
    public var images: [String: ImageInfo] = [:]
    public var date: String
    public var language: String
    public var info: DocumentInfo
    public init(document: Document, layout: Layout, title: String, subtitle: String?, organizations: [String],
                date: String, language: String, info: DocumentInfo) {
        self.document = document; self.layout = layout; self.title = title; self.subtitle = subtitle
        self.organizations = organizations; self.date = date; self.language = language; self.info = info
    }
}

/// An organisation's logo and the text that stands for it (its name).
public struct Logo: Sendable {
    public var image: ImageInfo
    public var alt: String
    public init(image: ImageInfo, alt: String) { self.image = image; self.alt = alt }
}

/// What the layout of one edition produced besides its pages.
public struct LayoutReport: Sendable {
    public var warnings: [Warning] = []
    /// Line ends inside a word (Korean syllable breaks in word mode, cut long words).
    public var emergencyBreaks = 0
    /// Each paragraph with such breaks, located (shown by `--verbose`).
    public var emergencyNotes: [Warning] = []
    /// Where headings, notes and the body landed.
    public var landings = Landings([])
    /// The label shown in the contents for each heading anchor.
    public var contentsLabels: [String: String] = [:]
    /// Layout passes made until page numbers settled.
    public var passes = 1
    /// What is on each page: sources of its first and last lines, headings, footnotes.
    public var pageMap: [PageSummary] = []
    public var lineStats = LineStats()
    /// Paragraphs set (body, notes, headings, title; cells not counted).
    public var paragraphs = 0
    /// Of those, the ones set on several threads at once (`ParagraphJobs`).
    public var parallelJobs = 0
    /// Time per layout stage.
    public var times = PhaseTimes()
}

/// What a page holds, for `folio preview`'s page map and for checks.
public struct PageSummary: Sendable {
    public var label: String
    public var headings: [String]
    public var footnotes: [Int]
    /// Source lines of the body text on the page (first and last).
    public var firstSource: SourceLocation?
    public var lastSource: SourceLocation?
    /// Whether the last body line of the page is a heading (a fault).
    public var endsWithHeading: Bool
    /// Layout boxes for previews: the text block, each line or block, the footnote area.
    public var boxes: [LayoutBox] = []
}

/// A rectangle the layout used, drawn by `folio preview --boxes`.
public struct LayoutBox: Sendable {
    /// What the box outlines.
    public enum Kind: Sendable { case textBlock, line, block, footnotes, baseline }
    public var kind: Kind
    public var rect: Rect
}
