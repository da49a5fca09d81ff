import FolioModel

/// Everything the inline stages take from the layout (`body.korean-breaks` and `body.composer`), resolved once per
/// edition: which breaker sets justified text with which Knuth–Plass passes, how spaces and Hangul letter-space
/// adjust, hanging punctuation and hyphenation. Paragraphs read it; none copies settings out of the layout.
public struct ComposerConfiguration: Sendable {
    /// Where Korean lines may end.
    var koreanBreaks: KoreanBreaks
    /// The Knuth–Plass passes tried in turn on justified text; none: justified text is set first fit.
    var passes: [KnuthPlass.Pass] = []
    /// How far a space may stretch and shrink, as fractions of its width.
    var spaceStretch = 0.5
    var spaceShrink = 0.33
    /// Most letter-space (em) added and taken away between Hangul syllables.
    var hangulLetterSpace = 0.0
    var hangulLetterShrink = 0.0
    /// Space (em) between Hangul and Latin letters that touch.
    var hangulLatinSpace = 0.0
    /// Most space (em) added and taken away between Chinese or Japanese characters, and the space (em) between
    /// them and Latin letters or digits.
    var cjkLetterSpace = 0.0
    var cjkLetterShrink = 0.0
    var cjkLatinSpace = 0.0
    var hangingPunctuation = false
    /// Most a Latin, Greek or Cyrillic glyph is widened or narrowed in a justified line (a share of its width).
    var expansion = 0.0
    /// Where words may be hyphenated; nil: they are not.
    var hyphenation: Hyphenation? = nil

    /// Hyphenation limits, as TeX's \lefthyphenmin and \righthyphenmin with a shortest word.
    struct Hyphenation: Sendable {
        var minWord: Int
        var minLeft: Int
        var minRight: Int
        /// Whether words with capitals (names, acronyms) may be hyphenated.
        var capitalized: Bool
    }

    /// How much Hangul letter-space (em) one line may add to the paragraph's: lines of a paragraph then differ by
    /// at most this in the advance of a syllable.
    static let hangulLineVariation = 0.03
    /// Most letter-space (em) added to or taken from every Latin letter of a paragraph whose lines are loose.
    static let latinLetterSpacing = 0.01

    /// Badness accepted in the second pass: loose lines (spaces stretched up to 4.6 times their stretchability)
    /// are still better than a word broken in two.
    static let secondPassTolerance = 10000.0
    /// Badness accepted in the last pass, where emergency breaks (inside Korean words, inside long words) are legal.
    static let emergencyPassTolerance = 10000.0

    /// Line-break rules alone: first fit, spaces of fixed stretch, nothing hyphenated, no Hangul spacing.
    public init(koreanBreaks: KoreanBreaks = .word) {
        self.koreanBreaks = koreanBreaks
    }

    /// The configuration of a layout's body text.
    public init(_ layout: Layout) {
        let c = layout.body.composer
        koreanBreaks = layout.body.koreanBreaks
        spaceStretch = c.spaceStretch
        spaceShrink = c.spaceShrink
        hangulLetterSpace = c.hangulLetterSpace
        hangulLetterShrink = c.hangulLetterShrink
        hangulLatinSpace = c.hangulLatinSpace
        cjkLetterSpace = c.cjkLetterSpace
        cjkLetterShrink = c.cjkLetterShrink
        cjkLatinSpace = c.cjkLatinSpace
        hangingPunctuation = c.hangingPunctuation
        expansion = c.expansion
        if c.hyphenate {
            hyphenation = Hyphenation(minWord: c.hyphenMinWord, minLeft: c.hyphenMinLeft, minRight: c.hyphenMinRight,
                                      capitalized: c.hyphenateCapitalized)
        }
        if c.algorithm == .optimal {
            var strict = KnuthPlass.Parameters()
            strict.tolerance = c.tolerance
            strict.looseness = c.looseness
            strict.maxConsecutiveHyphens = c.hyphenMaxConsecutive
            strict.shortLastLine = c.shortLastLine
            var loose = strict
            loose.tolerance = max(c.tolerance, Self.secondPassTolerance)
            loose.allowBound = true
            var emergency = strict
            emergency.tolerance = max(c.tolerance, Self.emergencyPassTolerance)
            emergency.allowEmergency = true
            emergency.allowBound = true
            passes = [.init(name: .optimal, parameters: strict), .init(name: .optimalLoose, parameters: loose),
                      .init(name: .optimalEmergency, parameters: emergency)]
        }
    }

    /// The configuration for text that is not justified: first fit, with no hyphenation, hanging punctuation or
    /// added Hangul letter-space.
    var ragged: ComposerConfiguration {
        var r = self
        r.passes = []
        r.hyphenation = nil
        r.hangingPunctuation = false
        r.expansion = 0
        r.hangulLetterSpace = 0
        r.cjkLetterSpace = 0
        return r
    }

    /// The same line-break rules with nothing adjustable (for measuring table cells).
    var plain: ComposerConfiguration { ComposerConfiguration(koreanBreaks: koreanBreaks) }

    /// The configuration of table cells: as `ragged`, and spaces never squeezed (a cell's line is simply shorter
    /// than its column, never pressed against the next one).
    var cells: ComposerConfiguration {
        var r = ragged
        r.spaceShrink = 0
        r.hangulLetterShrink = 0
        return r
    }
}
