import FolioUnicode

/// The kerns a paragraph's item list gets where two boxes meet without a space: Hangul letter-space, the space
/// between Hangul or CJK and Latin, Chinese and Japanese letter-space and punctuation compression.
extension ParagraphBuilder {
    /// Letter-space between Hangul syllables and optional space between Hangul and Latin, where two boxes meet
    /// without a space (`first` is the index of the box just appended).
    func addKern(between first: Int, text: StyledText, cjk: CJKSpacing, into p: inout ParagraphItems) {
        var first = first
        if first < p.items.count, case .penalty(let pen) = p.items[first], pen.emergency { first += 1 }
        guard first < p.items.count, case .box(let box) = p.items[first] else { return }
        var k = first - 1
        while k >= 0, case .penalty(let pen) = p.items[k], !pen.forced { k -= 1 }
        guard k >= 0, case .box(let previous) = p.items[k] else { return }
        let a = text.scalars[previous.range.upperBound - 1], b = text.scalars[box.range.lowerBound]
        let size = p.runs[box.run].size
        let hangulA = BreakRules.isHangulSyllable(a), hangulB = BreakRules.isHangulSyllable(b)
        var kern = ParagraphItems.Kern(width: 0, stretch: 0)
        if hangulA && hangulB {
            // A line adds only a little letter-space to the paragraph's (LetterSpacing), so that syllables are
            // evenly spaced from line to line; it adds rather than takes away, as loose lines are the ones seen.
            kern.stretch = min(configuration.hangulLetterSpace, ComposerConfiguration.hangulLineVariation) * size
            kern.hangulEm = size
        }
        if configuration.hangulLatinSpace > 0, (hangulA && BreakRules.isLatinLetterOrDigit(b)) || (hangulB && BreakRules.isLatinLetterOrDigit(a)) {
            kern.width = configuration.hangulLatinSpace * size
        }
        let mark = text.styles[Int(text.styleOf[previous.range.upperBound - 1])].footnote != nil
            || text.styles[Int(text.styleOf[box.range.lowerBound])].footnote != nil
        if cjk.isCJK, !mark { cjkKern(a, b, size: size, cjk: cjk, &kern) }
        if kern.width != 0 || kern.stretch > 0 || kern.shrink > 0 { p.items.insert(.kern(kern), at: first) }
    }

    /// Letter-space between Chinese or Japanese characters, space between them and Latin, punctuation compression.
    func cjkKern(_ a: Unicode.Scalar, _ b: Unicode.Scalar, size: Double, cjk: CJKSpacing, _ kern: inout ParagraphItems.Kern) {
        let cjkA = BreakRules.isCJK(a), cjkB = BreakRules.isCJK(b)
        if cjkA && cjkB {
            kern.width = -cjk.compression(a, b) * size
            kern.stretch = configuration.cjkLetterSpace * size
            kern.shrink = configuration.cjkLetterShrink * size
        } else if configuration.cjkLatinSpace > 0, CJKSpacing.meetsLatin(a, b) {
            kern.width = configuration.cjkLatinSpace * size
        }
    }

    /// Where two boxes meet without a break only to be spaced apart (a quarter em from Latin) or set closer
    /// (punctuation compression).
    @inline(__always)
    func splitsCJK(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ cjk: CJKSpacing) -> Bool {
        cjk.isCJK && (cjk.compression(a, b) != 0 || (configuration.cjkLatinSpace > 0 && CJKSpacing.meetsLatin(a, b)))
    }
}
