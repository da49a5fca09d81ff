/// How text lines up with the text block's edges.
public enum Alignment: String, Decodable, Sendable, Equatable, CaseIterable { case justify, left, center, right }

/// Where Korean lines may end: between words (어절, klreq's modern norm) or between any two syllables.
public enum KoreanBreaks: String, Decodable, Sendable, CaseIterable { case word, syllable }

/// How an emphasis span (`*…*`) that holds Hangul is set, since Korean faces have no italic: in the sans face
/// (bold where the text is sans already), bold, italic (Hangul stays upright, only its Latin letters slant) or as
/// the text around it. The whole span takes it, Latin letters included.
public enum HangulEmphasis: String, Decodable, Sendable, CaseIterable { case sans, bold, italic, none }

/// Font role: the families of fonts.yaml.
public enum FontRole: String, Decodable, Sendable, CaseIterable { case serif, sans, mono }

/// Page size and margins.
public struct PageStyle: Decodable, Sendable {
    public var width: Length
    public var height: Length
    public var marginTop: Length, marginBottom: Length, marginInner: Length, marginOuter: Length
    enum CodingKeys: String, CodingKey {
        case width, height, marginTop = "margin-top", marginBottom = "margin-bottom"
        case marginInner = "margin-inner", marginOuter = "margin-outer"
    }
}

/// A style for a run of text: family role, size, weight, slant and colour.
public struct TextStyle: Decodable, Sendable, Hashable {
    public var family: FontRole
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: Color
    public init(family: FontRole, size: Double, bold: Bool, italic: Bool, color: Color) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic; self.color = color
    }
}

/// Which line breaker sets justified paragraphs.
public enum ComposerAlgorithm: String, Decodable, Sendable, CaseIterable {
    /// Knuth–Plass total fit: the best breaks for the whole paragraph.
    case optimal
    /// Each line as full as it can be (fast, uneven).
    case firstFit = "first-fit"
}

/// How paragraphs are composed: line breaking, justification, hyphenation, hanging punctuation.
public struct ComposerStyle: Decodable, Sendable {
    public var algorithm: ComposerAlgorithm
    /// Largest badness (100·r³) accepted in the first pass, as TeX's \tolerance.
    public var tolerance: Double
    /// Lines more (positive) or fewer (negative) than optimal, as TeX's \looseness.
    public var looseness: Int
    /// How far a space may stretch and shrink, as fractions of its width.
    public var spaceStretch: Double
    public var spaceShrink: Double
    /// Most letter-space (em) added between Hangul syllables when a Korean line has too few spaces.
    public var hangulLetterSpace: Double
    /// Most letter-space (em) taken away between Hangul syllables when a line is a little too long.
    public var hangulLetterShrink: Double
    /// Extra space (em) between Hangul and Latin letters that touch; 0 turns it off.
    public var hangulLatinSpace: Double
    /// Most space (em) added between two Chinese or Japanese characters (ideographs, kana, punctuation) when a
    /// justified line is filled, and most taken away.
    public var cjkLetterSpace: Double
    public var cjkLetterShrink: Double
    /// Space (em) between Chinese or Japanese and Latin letters or digits that touch; 0 turns it off.
    public var cjkLatinSpace: Double
    /// Let hyphens, periods and commas at a line end protrude into the margin (optical margin alignment).
    public var hangingPunctuation: Bool
    public var hyphenate: Bool
    public var hyphenMinWord: Int
    public var hyphenMinLeft: Int
    public var hyphenMinRight: Int
    /// At most this many hyphenated lines in a row.
    public var hyphenMaxConsecutive: Int
    /// Whether words with capitals (names, acronyms) may be hyphenated.
    public var hyphenateCapitalized: Bool
    /// A last line shorter than this share of the line width is avoided when the paragraph allows.
    public var shortLastLine: Double
    /// Most a Latin, Greek or Cyrillic glyph's width is stretched or shrunk in a justified line, as a share of it
    /// (pdfTeX's font expansion); 0 turns it off.
    public var expansion: Double
    enum CodingKeys: String, CodingKey {
        case algorithm, tolerance, looseness, spaceStretch = "space-stretch", spaceShrink = "space-shrink"
        case hangulLetterSpace = "hangul-letter-space", hangulLetterShrink = "hangul-letter-shrink", hangulLatinSpace = "hangul-latin-space"
        case cjkLetterSpace = "cjk-letter-space", cjkLetterShrink = "cjk-letter-shrink", cjkLatinSpace = "cjk-latin-space"
        case hangingPunctuation = "hanging-punctuation", hyphenate, hyphenMinWord = "hyphen-min-word"
        case hyphenMinLeft = "hyphen-min-left", hyphenMinRight = "hyphen-min-right"
        case hyphenMaxConsecutive = "hyphen-max-consecutive", hyphenateCapitalized = "hyphenate-capitalized"
        case shortLastLine = "short-last-line", expansion
    }
}

/// Body text: the base style and how paragraphs are set.
public struct BodyStyle: Decodable, Sendable {
    public var font: TextStyle
    /// Line height as a multiple of the font size.
    public var leading: Double
    public var align: Alignment
    public var paragraphSpacing: Length
    public var firstLineIndent: Length
    public var koreanBreaks: KoreanBreaks
    public var hangulEmphasis: HangulEmphasis
    public var composer: ComposerStyle
    /// Fewest lines of a paragraph left alone at the foot (orphans) and head (widows) of a page.
    public var orphans: Int
    public var widows: Int
    enum CodingKeys: String, CodingKey, CaseIterable {
        case font, leading, align, paragraphSpacing = "paragraph-spacing", firstLineIndent = "first-line-indent"
        case koreanBreaks = "korean-breaks", hangulEmphasis = "hangul-emphasis", composer, orphans, widows
    }
}

/// How one heading level looks and keeps with its text.
public struct HeadingStyle: Decodable, Sendable {
    public var font: TextStyle
    public var leading: Double
    public var spaceBefore: Length
    public var spaceAfter: Length
    enum CodingKeys: String, CodingKey { case font, leading, spaceBefore = "space-before", spaceAfter = "space-after" }
}

/// Lists: markers per nesting level, indent and spacing.
public struct ListStyle: Decodable, Sendable {
    public var indent: Length
    public var itemSpacing: Length
    /// Bullets by nesting level (the last repeats).
    public var bullets: [String]
    /// Numbering by nesting level (the last repeats).
    public var numbering: [NumberingStyle]
    enum CodingKeys: String, CodingKey, CaseIterable { case indent, itemSpacing = "item-spacing", bullets, numbering }

    public func bullet(level: Int) -> String { bullets.isEmpty ? "•" : bullets[min(level, bullets.count - 1)] }
    public func numbering(level: Int) -> NumberingStyle { numbering.isEmpty ? .decimal : numbering[min(level, numbering.count - 1)] }
}

/// Block quotes (testimony): indents, type and an optional rule on the left.
public struct QuoteStyle: Decodable, Sendable {
    public var indent: Length
    /// Indent from the right edge (0: quotes share the body's right edge).
    public var indentRight: Length
    public var font: TextStyle
    public var rule: Bool
    public var ruleColor: Color
    enum CodingKeys: String, CodingKey { case indent, indentRight = "indent-right", font, rule, ruleColor = "rule-color" }
}

/// Tables: type, cell padding, rules and header shading.
public struct TableStyle: Decodable, Sendable {
    public var font: TextStyle
    public var leading: Double
    public var padding: Length
    public var ruleWidth: Length
    public var ruleColor: Color
    public var headerShade: Color
    enum CodingKeys: String, CodingKey {
        case font, leading, padding, ruleWidth = "rule-width", ruleColor = "rule-color", headerShade = "header-shade"
    }
}

/// Footnotes: type and where they are set.
public struct FootnoteStyle: Decodable, Sendable {
    public var font: TextStyle
    public var leading: Double
    public var spacing: Length
    /// Title of the endnotes.
    public var heading: LocalizedText
    public var placement: FootnotePlacement
    /// Length of the rule above the notes, as a share of the text width.
    public var ruleLength: Double
    enum CodingKeys: String, CodingKey, CaseIterable { case font, leading, spacing, heading, placement, ruleLength = "rule-length" }
}

/// A running head or foot: three slots of template text with fields such as `{page}` and `{title}`.
public struct RunningStyle: Decodable, Sendable {
    public var left: String
    public var center: String
    public var right: String
    public var font: TextStyle
    /// Whether the first page shows it.
    public var onFirstPage: Bool
    enum CodingKeys: String, CodingKey { case left, center, right, font, onFirstPage = "first-page" }
}

/// The block at the top of the first page: title, subtitle, organisations and date.
public struct TitleBlockStyle: Decodable, Sendable {
    public var title: TextStyle
    public var subtitle: TextStyle
    public var meta: TextStyle
    public var spaceAfter: Length
    enum CodingKeys: String, CodingKey { case title, subtitle, meta, spaceAfter = "space-after" }
}

/// A layout: every choice of how a report edition looks, loaded from Layouts/*.yaml.
public struct Layout: Decodable, Sendable {
    /// The layout's name (its file name without .yaml).
    public var name: String = ""
    public var page: PageStyle
    public var body: BodyStyle
    public var h1: HeadingStyle, h2: HeadingStyle, h3: HeadingStyle
    public var list: ListStyle
    public var quote: QuoteStyle
    public var table: TableStyle
    public var footnotes: FootnoteStyle
    public var header: RunningStyle
    public var footer: RunningStyle
    public var titleBlock: TitleBlockStyle
    public var code: TextStyle
    public var cover: CoverStyle
    public var contents: ContentsStyle
    public var figures: FiguresStyle
    public var numberedParagraphs: NumberedParagraphsStyle
    public var pageLabels: PageLabelStyle
    public var checks: ChecksStyle
    public var limits: LimitsStyle
    public var pdf: PDFStyle

    enum CodingKeys: String, CodingKey {
        case page, body, h1, h2, h3, list, quote, table, footnotes, header, footer, titleBlock = "title-block", code
        case cover, contents, figures, numberedParagraphs = "numbered-paragraphs", pageLabels = "page-labels", checks, limits, pdf
    }

    /// The style of a heading level (levels past 3 use level 3's).
    public func heading(_ level: Int) -> HeadingStyle {
        switch level { case 1: h1; case 2: h2; default: h3 }
    }
}
