/// A problem worth telling the user that does not stop the edition.
public struct Warning: Sendable, Hashable, CustomStringConvertible {
    public var kind: DiagnosticKind
    public var location: SourceLocation?
    public var message: String
    public init(_ kind: DiagnosticKind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind; self.location = location; self.message = message
    }
    public var description: String { (location.map { "\($0): " } ?? "") + "warning: " + message }
}

/// What a warning, or a finding of `folio check`, is about. The raw value is its stable code for machines
/// (`folio check --format json`): a new kind gets a new code, and a code is never reused for another kind.
public enum DiagnosticKind: String, Sendable, Hashable, CaseIterable, Codable {
    // Warnings of reading and laying out an edition.
    /// Raw HTML in the Markdown (not a comment or a page break), which is left out.
    case rawHTML = "raw-html"
    /// A Markdown block of a kind Folio does not set, which is left out.
    case unsupportedMarkdown = "unsupported-markdown"
    /// An inline image, set as its alt text.
    case inlineImage = "inline-image"
    /// An image without alternative text, or with a hint Folio does not understand.
    case imageAlt = "image-alt"
    /// A link whose target is not http, https, mailto or #anchor, set as text.
    case linkTarget = "link-target"
    /// A footnote reference `[^label]` with no definition, set as typed.
    case undefinedFootnote = "undefined-footnote"
    /// A footnote definition nothing refers to (or a second one of a label), which is left out.
    case unusedFootnote = "unused-footnote"
    /// TeX maths (`$…$`, `\,`), which Folio does not typeset: set as typed.
    case unsupportedMath = "unsupported-math"
    /// A character a PDF cannot carry (noncharacter, NUL) or an invisible control (bidi override), replaced or removed.
    case invalidCharacter = "invalid-character"
    /// A character no configured font has, drawn as the notdef box.
    case missingCharacter = "missing-character"
    /// A font family without a bold face, whose bold is synthesized.
    case syntheticBold = "synthetic-bold"
    /// A table whose columns do not fit at full size, set smaller.
    case tableTooWide = "table-too-wide"
    /// The contents' page numbers, which still moved after the last layout pass.
    case contentsUnsettled = "contents-unsettled"
    /// Lines broken inside a word because nothing else fitted (a note, shown with --verbose).
    case wordBroken = "word-broken"

    // Findings of `folio check` on the laid-out edition and the layout's submission rules.
    /// An error in the report, its layout or its content that stops the edition.
    case model
    /// A line whose spaces stretch to more than twice their width.
    case looseLine = "loose-line"
    /// Text past the right margin (which layout should never produce).
    case overfullLine = "overfull-line"
    /// A page whose last line is a heading.
    case headingAtPageEnd = "heading-at-page-end"
    /// A link to `#anchor` that no heading has.
    case brokenLink = "broken-link"
    /// More words than the layout's submission rules allow.
    case wordLimit = "word-limit"
    /// A layout that does not number paragraphs where the submission rules require it.
    case numberedParagraphs = "numbered-paragraphs"
    /// No edition in a language the submission rules accept.
    case language
    /// A field of report.yaml that the edition's layout does not use (a logo without a cover).
    case ignoredField = "ignored-field"

    // Errors of any command outside the input's content.
    /// A file that could not be read or written.
    case io
    /// A failure of Folio itself.
    case internalError = "internal"
}
