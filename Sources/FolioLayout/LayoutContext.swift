import Foundation
import FolioDisplay
import FolioImages
import FolioFonts
import FolioModel
import FolioUnicode

/// What every stage of one edition's layout shares: the layout, fonts, inline layout and the warnings found.
final class LayoutContext {
    let layout: Layout
    let selector: FontSelector
    let inline: InlineLayout
    let language: String
    /// Width and height of the text block.
    let textWidth: Double
    /// Whether the edition's language is written right to left: its text block is set from the right.
    var rightToLeft: Bool { Bidi.isRightToLeft(language: language) }
    let textHeight: Double
    private(set) var warnings: [Warning] = []
    private var missingSeen = Set<String>()
    var emergencyBreaks = 0
    /// Time spent in the inline stages (shape, break, set), summed over paragraphs.
    var times = PhaseTimes()
    /// Loose lines and line counts, for `folio check`.
    var lineStats = LineStats()
    /// Paragraphs set (for the composer's cost per paragraph).
    var paragraphs = 0
    /// Set paragraphs kept from earlier layouts of the process (nil: every paragraph is set afresh).
    var paragraphCache: ParagraphCache?
    /// Paragraphs set on several threads at once (`ParagraphJobs`).
    var parallelJobs = 0
    /// Where lines had to break inside words, for `--verbose`.
    var emergencyNotes: [Warning] = []

    /// The images the Markdown names, checked, by the path as written (set in lines and cells).
    var images: [String: ImageInfo] = [:]

    init(layout: Layout, selector: FontSelector, cache: ShapeCache, language: String) {
        self.layout = layout
        self.selector = selector
        self.language = language
        self.inline = InlineLayout(selector: selector, cache: cache, configuration: ComposerConfiguration(layout))
        let p = layout.page
        textWidth = p.width.points - p.marginInner.points - p.marginOuter.points
        textHeight = p.height.points - p.marginTop.points - p.marginBottom.points
    }

    /// Styled text from inline content in a base style (code spans use the layout's code font).
    func styled(_ inlines: [Inline], _ style: TextStyle) -> StyledText {
        StyledText.from(inlines, base: SpanStyle(font: style), codeFont: layout.code, images: images,
                        hangulEmphasis: layout.body.hangulEmphasis)
    }

    /// Records characters that no font has, once per character and place.
    func report(missing: [Unicode.Scalar], at location: SourceLocation?) {
        for s in missing {
            let code = String(format: "U+%04X", s.value)
            if missingSeen.insert("\(code)@\(location?.description ?? "")").inserted {
                warnings.append(Warning(.missingCharacter, "no font has character \(code) '\(s)'; it is drawn with the notdef box",
                                        at: location))
            }
        }
    }

    func warn(_ w: Warning) { warnings.append(w) }
}

/// What checks want to know about set lines: how many, and which are very loose.
public struct LineStats: Sendable {
    public var lines = 0
    /// Lines whose widest space is more than twice its natural width, with where their paragraph starts.
    public var loose: [SourceLocation] = []

    mutating func record(_ set: [LineBox], at: SourceLocation) {
        lines += set.count
        for line in set where line.looseness > 2 { loose.append(at) }
    }
}
