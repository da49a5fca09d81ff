import FolioDisplay
import FolioImages
import FolioModel
import FolioUnicode

/// The look of a span of text once the layout is applied.
public struct SpanStyle: Hashable, Sendable {
    public var font: TextStyle
    public var link: LinkTarget?
    /// Set smaller and raised: footnote marks.
    public var superscript: Bool = false
    /// The footnote a mark refers to.
    public var footnote: Int?
    public var strike: Bool = false
    /// An image set in the line in place of the object replacement character (U+FFFC) this style is on.
    public var image: InlineImage?

    public init(font: TextStyle, link: LinkTarget? = nil) { self.font = font; self.link = link }

    /// An inline image's height: the font's size and a little more, so that it stands from the descender line to
    /// about the ascender's height (scaled to the line, whatever the image's own size).
    var imageHeight: Double { drawnSize * 1.1 }

    /// The size glyphs are drawn at. A superscript's figures reach a little above the capitals; within these
    /// proportions (size over 0.625, rise under half the size) text extraction (poppler's) keeps a footnote mark on
    /// its line even when the mark is the first word it meets there, instead of setting it apart as a block of its own.
    var drawnSize: Double { superscript ? font.size * 0.65 : font.size }
    /// How far the baseline is raised.
    var rise: Double { superscript ? font.size * 0.30 : 0 }
}

/// An image in a line: the file to draw, its width over its height, and the text that stands for it.
public struct InlineImage: Hashable, Sendable {
    public var ref: ImageRef
    public var aspect: Double
    public var alt: String
}

/// A paragraph's text as scalars, each with a style index: the input of inline layout.
public struct StyledText: Sendable {
    public var scalars: [Unicode.Scalar] = []
    public var styleOf: [Int32] = []
    public var styles: [SpanStyle] = []
    private var styleIndex: [SpanStyle: Int32] = [:]
    /// The checked images an `.image` inline may show, while `from` builds the text.
    private var images: [String: ImageInfo] = [:]
    /// How an emphasis span holding Hangul is set, while `from` builds the text.
    private var hangulEmphasis: HangulEmphasis = .italic

    public init() {}

    /// Appends text in a style.
    public mutating func append(_ text: String, _ style: SpanStyle) {
        let index = intern(style)
        for s in text.unicodeScalars {
            scalars.append(s)
            styleOf.append(index)
        }
    }

    private mutating func intern(_ style: SpanStyle) -> Int32 {
        if let i = styleIndex[style] { return i }
        let i = Int32(styles.count)
        styles.append(style)
        styleIndex[style] = i
        return i
    }

    public var isEmpty: Bool { scalars.isEmpty }

    /// Builds styled text from inline Markdown content.
    /// `hangulEmphasis` is how an emphasis span holding Hangul is set (`body.hangul-emphasis`).
    public static func from(_ inlines: [Inline], base: SpanStyle, codeFont: TextStyle, images: [String: ImageInfo] = [:],
                            hangulEmphasis: HangulEmphasis = .italic) -> StyledText {
        var text = StyledText()
        text.images = images
        text.hangulEmphasis = hangulEmphasis
        text.add(inlines, base, codeFont)
        text.images = [:]
        // Spaces at either end carry nothing.
        while let last = text.scalars.last, last == " " { text.scalars.removeLast(); text.styleOf.removeLast() }
        while let first = text.scalars.first, first == " " { text.scalars.removeFirst(); text.styleOf.removeFirst() }
        return text
    }

    /// The style of an emphasis span: italic (upright inside italic), unless it holds Hangul, which has no italic:
    /// then the whole span takes the layout's Hangul emphasis, so that its Latin letters look like its Hangul.
    private func emphasised(_ style: SpanStyle, _ content: [Inline]) -> SpanStyle {
        var s = style
        let hangul = hangulEmphasis != .italic && content.plainText.unicodeScalars.contains(where: UnicodeProperties.isHangul)
        switch hangul ? hangulEmphasis : .italic {
        case .italic: s.font.italic = !s.font.italic
        case .bold: s.font.bold = true
        case .sans where style.font.family == .sans: s.font.bold = true
        case .sans: s.font.family = .sans; s.font.italic = false
        case .none: break
        }
        return s
    }

    private mutating func add(_ inlines: [Inline], _ style: SpanStyle, _ codeFont: TextStyle) {
        for inline in inlines {
            switch inline {
            case .text(let t): append(t, style)
            case .softBreak: append(" ", style)
            case .lineBreak: append("\u{2028}", style)
            // An image in a line, or its alternative text when it was not loaded (in a heading).
            case .image(let image):
                guard let info = images[image.path], info.height > 0 else { append(image.alt, style); continue }
                var s = style
                s.image = InlineImage(ref: ImageRef(path: info.path, format: info.format), aspect: info.width / info.height, alt: image.alt)
                append("\u{FFFC}", s)
            case .code(let t):
                var s = style
                s.font = TextStyle(family: codeFont.family, size: style.font.size * 0.92, bold: style.font.bold,
                                   italic: false, color: style.font.color)
                append(t, s)
            case .emphasis(let c):
                add(c, emphasised(style, c), codeFont)
            case .strong(let c):
                var s = style; s.font.bold = true; add(c, s, codeFont)
            case .strikethrough(let c):
                var s = style; s.strike = true; add(c, s, codeFont)
            case .link(let url, let c):
                var s = style
                s.link = url.hasPrefix("#") ? .destination(String(url.dropFirst())) : .uri(url)
                add(c, s, codeFont)
            case .footnoteReference(let n):
                var s = style
                s.superscript = true; s.footnote = n; s.link = .destination("fn-\(n)")
                append(String(n), s)
            }
        }
    }
}
