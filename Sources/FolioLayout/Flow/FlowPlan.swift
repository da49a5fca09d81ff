import FolioDisplay
import FolioImages
import FolioModel

/// A paragraph to set: the whole input of the inline stages. Collect makes the jobs in document order; they are
/// set on every core by index, and compose takes each result by its index.
struct ParagraphJob {
    var text: StyledText
    var spec: ParagraphSpec
    var location: SourceLocation
}

/// A paragraph waiting for its lines.
struct PlannedParagraph {
    /// Nil for a paragraph with no text.
    var job: Int?
    var indent: Double
    var element: StructureID
    /// Its number when set in the margin (a number set inline is part of the text), and the number's element.
    var marginNumber: (number: Int, element: StructureID)? = nil
}

/// A block as collect leaves it: styles, widths, numbers and structure elements decided (they depend on what
/// came before), the text waiting to be set.
indirect enum PlannedBlock {
    case paragraph(PlannedParagraph)
    case heading(PlannedParagraph, HeadingMark, HeadingStyle)
    case list(PlannedList)
    case quote([PlannedBlock], indent: Double)
    case table(Table, indent: Double, width: Double, element: StructureID)
    case rule(indent: Double, width: Double)
    case pageBreak
    case figure(PlannedFigure)
}

/// A list: each item's blocks and the label that hangs before its first line.
struct PlannedList {
    struct Item {
        var blocks: [PlannedBlock]
        var label: String
        var labelElement: StructureID
    }
    var items: [Item]
    var tight: Bool
    /// Where the labels end: the items' blocks start a gap to the right of it.
    var itemStart: Double
    var markerFont: TextStyle
}

/// A footnote or endnote: its text as a job, its element and its number's.
struct PlannedNote {
    var number: Int
    var job: Int?
    var element: StructureID
    var labelElement: StructureID
}

/// The structure elements of the front matter, made in reading order before the body's.
struct FrontElements {
    /// The cover's logos (figures) and lines (title, subtitle, organisations, date).
    var coverLogos: [StructureID] = []
    var coverLines: [StructureID] = []
    var contents: StructureID?
    var contentsTitle: StructureID?
    /// One entry per heading shown in the contents, by anchor.
    var contentsEntries: [String: StructureID] = [:]
    /// The list of figures after the contents: its title, list and entries by anchor.
    var figureListTitle: StructureID?
    var figureList: StructureID?
    var figureEntries: [String: StructureID] = [:]
    /// The title block's lines: title, subtitle, organisations, date.
    var titleLines: [StructureID] = []
    var endnotes: StructureID?
}

/// What collect leaves for compose.
struct FlowPlan {
    var jobs: [ParagraphJob] = []
    var body: [PlannedBlock] = []
    var notes: [PlannedNote] = []
    var front = FrontElements()
    var structure = StructureTree()
    /// The images the Markdown names, checked, by the path as written.
    var images: [String: ImageInfo] = [:]
}

extension PlannedBlock {
    var isFigure: Bool { if case .figure = self { true } else { false } }
}
