/// Where footnotes are set.
public enum FootnotePlacement: String, Decodable, Sendable, CaseIterable {
    /// At the foot of the page that refers to them.
    case page
    /// All together at the end of the document, under the notes heading.
    case endnotes
}

/// How list items are numbered, per nesting level.
public enum NumberingStyle: String, Decodable, Sendable, CaseIterable {
    /// 1. 2. 3.
    case decimal
    /// 1) 2) 3)
    case decimalParen = "decimal-paren"
    /// 가. 나. 다.
    case hangulSyllable = "hangul-syllable"
    /// ㄱ. ㄴ. ㄷ.
    case hangulJamo = "hangul-jamo"
    /// a. b. c.
    case lowerAlpha = "lower-alpha"
    /// i. ii. iii.
    case lowerRoman = "lower-roman"

    /// The label of item `n` (1-based).
    public func label(_ n: Int) -> String {
        switch self {
        case .decimal: return "\(n)."
        case .decimalParen: return "\(n))"
        case .hangulSyllable:
            let syllables = Array("가나다라마바사아자차카타파하")
            return n >= 1 && n <= syllables.count ? "\(syllables[n - 1])." : "\(n)."
        case .hangulJamo:
            let jamo = Array("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ")
            return n >= 1 && n <= jamo.count ? "\(jamo[n - 1])." : "\(n)."
        case .lowerAlpha:
            return n >= 1 && n <= 26 ? "\(Character(Unicode.Scalar(UInt8(96 + n))))." : "\(n)."
        case .lowerRoman: return Roman.lower(n) + "."
        }
    }
}

/// Roman numerals for page labels and list numbers.
public enum Roman {
    public static func lower(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, s = ""
        for (v, r) in table { while n >= v { s += r; n -= v } }
        return s
    }
}

/// The cover page: a page of its own before everything else, built from report.yaml.
public struct CoverStyle: Decodable, Sendable {
    public var enabled: Bool
    public var title: TextStyle
    public var subtitle: TextStyle
    public var meta: TextStyle
    /// Height of organisation logos.
    public var logoHeight: Length
    /// Where the title starts, from the top of the page.
    public var titleTop: Length
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, title, subtitle, meta, logoHeight = "logo-height", titleTop = "title-top"
    }
}

/// The table of contents.
public struct ContentsStyle: Decodable, Sendable {
    public var enabled: Bool
    public var title: LocalizedText
    /// Deepest heading level listed.
    public var depth: Int
    public var font: TextStyle
    /// The character repeated between an entry and its page number.
    public var leader: String
    /// Start the body on a new page after the contents.
    public var pageBreakAfter: Bool
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, title, depth, font, leader, pageBreakAfter = "page-break-after"
    }
}

/// Figures: their captions, numbering and list.
public struct FiguresStyle: Decodable, Sendable {
    /// The word before a figure's number ("Figure 1", "그림 1").
    public var label: LocalizedText
    public var caption: TextStyle
    /// Space above and below a figure, and between the image and its caption.
    public var space: Length
    /// A list of figures after the contents (when the layout has contents).
    public var list: Bool
    public var listTitle: LocalizedText
    enum CodingKeys: String, CodingKey, CaseIterable {
        case label, caption, space, list, listTitle = "list-title"
    }
}

/// Numbered paragraphs, as UN submissions number every body paragraph.
public struct NumberedParagraphsStyle: Decodable, Sendable {
    /// In the left margin, or at the start of the paragraph.
    public enum Position: String, Decodable, Sendable, CaseIterable { case margin, inline }
    public var enabled: Bool
    public var position: Position
    /// Also number list items and paragraphs in quotes.
    public var lists: Bool
    public var quotes: Bool
    /// Number only in sections after the first heading of level 1 that is not in `skipSections`.
    public var skipSections: [String]
    public var font: TextStyle
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, position, lists, quotes, skipSections = "skip-sections", font
    }
}

/// PDF page labels: how viewers number pages.
public struct PageLabelStyle: Decodable, Sendable {
    /// Cover and contents numbered i, ii, iii; the body from 1.
    public var frontMatterRoman: Bool
    enum CodingKeys: String, CodingKey, CaseIterable { case frontMatterRoman = "front-matter-roman" }
}

/// Which standards the PDF claims and meets, beyond the tagged PDF (PDF/UA-1) every file is.
public enum PDFStandard: String, Decodable, Sendable, CaseIterable {
    /// PDF/UA-1 only.
    case ua1 = "ua-1"
    /// PDF/UA-1 and PDF/A-2 level a (archival: sRGB output intent, XMP identification, no transparency groups).
    case ua1A2a = "ua-1+a-2a"

    /// Whether the file is PDF/A (part 2, or part 3 when the source is attached).
    public var isArchival: Bool { self == .ua1A2a }
}

/// What the PDF file is, beyond its pages.
public struct PDFStyle: Decodable, Sendable {
    public var standard: PDFStandard
    enum CodingKeys: String, CodingKey, CaseIterable { case standard }
}

/// Submission rules a layout checks (`folio check`): the UN's, as data a user can change.
public struct ChecksStyle: Decodable, Sendable {
    /// Most words for a submission by one organisation, and for a joint submission (0: no limit).
    public var wordLimit: Int
    public var wordLimitJoint: Int
    /// Whether footnote text counts towards the limit.
    public var countFootnotes: Bool
    /// Languages a submission may be in (empty: any).
    public var languages: [String]
    /// Whether body paragraphs must be numbered.
    public var numberedParagraphs: Bool
    enum CodingKeys: String, CodingKey, CaseIterable {
        case wordLimit = "word-limit", wordLimitJoint = "word-limit-joint", countFootnotes = "count-footnotes", languages
        case numberedParagraphs = "numbered-paragraphs"
    }
}

/// Limits that protect a run from input that is too large or too deep; each is reported when hit.
public struct LimitsStyle: Decodable, Sendable {
    /// Largest content file, in bytes.
    public var maxContentBytes: Int
    /// Most pixels of an image (width × height).
    public var maxImagePixels: Int
    /// Deepest nesting of lists and quotes.
    public var maxNesting: Int
    /// Most pages of one edition.
    public var maxPages: Int
    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxContentBytes = "max-content-bytes", maxImagePixels = "max-image-pixels", maxNesting = "max-nesting"
        case maxPages = "max-pages"
    }
}
