import FolioFonts
import FolioModel
import FolioUnicode

/// A paragraph as boxes, glue, kerns and penalties (Knuth and Plass's vocabulary): what line breaking works on.
struct ParagraphItems {
    /// Shaped text that is never broken inside.
    struct Box {
        var range: Range<Int>
        var run: Int
        var width: Double
        var utf8: [UInt8]
        var glyphs: [ShapedGlyph]
        var scale: Double
        /// How far the box may hang into the right margin when a line ends with it (hanging punctuation).
        var protrusion: Double = 0
        /// How far its glyphs may be widened or narrowed, as a share of their width (font expansion); 0: not at all.
        var expansion: Double = 0
    }
    /// Inter-word space: its natural width and how far it may stretch or shrink. A line may end at glue.
    struct Glue {
        var range: Range<Int>
        var run: Int
        var width: Double
        var stretch: Double
        var shrink: Double
    }
    /// Space inside a word that a line never ends at: Hangul letter-spacing, Hangul–Latin spacing.
    struct Kern {
        var width: Double
        var stretch: Double
        var shrink: Double = 0
        /// The em of Hangul letter-space (0 for other kerns): a paragraph's uniform letter-spacing widens it.
        var hangulEm = 0.0
    }
    /// The hyphen set when a line ends at a flagged penalty.
    struct Hyphen {
        var run: Int
        var glyphs: [ShapedGlyph]
        var scale: Double
        var width: Double
        /// Space before the hyphen: what the word's glyph before the break gave up to kerning across it.
        var leading: Double = 0
    }
    /// A place to break that is not a space, with a cost; `forced` ends the line; `flagged` adds a hyphen.
    struct Penalty {
        var width: Double = 0
        var cost: Double
        var flagged: Bool = false
        var forced: Bool = false
        /// A break Folio avoids unless a line cannot be set otherwise (inside a Korean word, inside a long word).
        var emergency: Bool = false
        /// An emergency break inside a unit that is not a word (a document symbol): legal from the loose pass on,
        /// where its cost weighs it against a line with gaps of about two thirds of an em.
        var bound: Bool = false
        /// A break between a Korean word and the bracket of its gloss (kept off a page's end, as a hyphen is).
        var gloss: Bool = false
        /// A break inside a URL: a line holding only a piece of URL has no space to stretch, and may end here short.
        var inURL: Bool = false
        var hyphen: Hyphen? = nil
        /// A hyphenation point inside a glyph (a ligature): text that is set one way unbroken, another broken.
        var disc: Discretionary? = nil
    }
    /// TeX's discretionary: unbroken, a line sets `nobreak` (the ligature); broken here, the line ends with `pre`
    /// and the hyphen, and the next line begins with `post` (the parts shaped apart: "f-" and "fi" for "ffi").
    /// A class, so that every item of a paragraph does not grow to its size (an enum is as large as its largest case).
    final class Discretionary: Sendable {
        /// The run the parts are set in, and its font-unit scale.
        let run: Int
        let scale: Double
        let nobreak: ShapedText
        let pre: ShapedText
        let post: ShapedText
        init(run: Int, scale: Double, nobreak: ShapedText, pre: ShapedText, post: ShapedText) {
            self.run = run; self.scale = scale; self.nobreak = nobreak; self.pre = pre; self.post = post
        }
        /// A part's width in points.
        func width(_ part: ShapedText) -> Double { Double(part.advance) * scale }
    }
    /// One element of the paragraph.
    enum Item {
        case box(Box)
        case glue(Glue)
        case kern(Kern)
        case penalty(Penalty)

        var isBox: Bool { if case .box = self { return true } else { return false } }
        var isForced: Bool { if case .penalty(let p) = self { return p.forced } else { return false } }
        /// A box, or a discretionary, which sets text when the line does not break at it.
        var isContent: Bool {
            switch self {
            case .box: true
            case .penalty(let p): p.disc != nil
            default: false
            }
        }
    }

    var items: [Item] = []
    var runs: [TextRun]
    var faces: [SelectedFace]
    var missing: [Unicode.Scalar]
}

/// Where a line may end between two scalars, after Folio's rules are applied on top of UAX #14.
enum BreakClass: UInt8 {
    /// `bound`: inside a unit that breaks only when nothing else fits (a document symbol such as A/HRC/25/63).
    /// `gloss`: between a Korean word and the bracket that opens its gloss, in word mode (`BreakRules.glossOpeners`).
    case none, allowed, url, softHyphen, emergency, mandatory, bound, gloss
}
