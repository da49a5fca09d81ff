import FolioUnicode

/// A justified paragraph's uniform letter-spacing, the composer's last resort. When the best breaks still stretch
/// a line's spaces past `trigger`, the paragraph is broken again with every Latin letter (or, in Korean text, every
/// pair of Hangul syllables) a step wider or tighter, and the breaks that cost least are kept. One value for the
/// whole paragraph: its lines differ in their word spaces, not in the spacing of their letters.
struct LetterSpacing {
    /// Spaces stretched past this share of their stretchability (about 0.33 em for a 0.26 em space) are loose
    /// enough to try other letter-spacing.
    static let trigger = 0.5

    /// The letter-spacing (em) tried, smallest change first: Hangul within the layout's letter-space less what a
    /// line may still add or take away, Latin within `ComposerConfiguration.latinLetterSpacing`.
    static func steps(_ c: ComposerConfiguration, hangul: Bool) -> [Double] {
        if hangul {
            let low = -c.hangulLetterShrink - 1e-9, high = c.hangulLetterSpace - ComposerConfiguration.hangulLineVariation + 1e-9
            return [0.01, -0.01, 0.02, -0.02, 0.03, -0.03].filter { $0 >= low && $0 <= high }
        }
        let m = ComposerConfiguration.latinLetterSpacing
        return c.hyphenation == nil && c.hangulLetterSpace == 0 ? [] : [m / 2, -m / 2, m, -m]
    }

    /// Whether a paragraph is spaced through its Hangul letter-space: it has more Hangul syllable pairs than Latin words.
    static func isHangul(_ p: ParagraphItems) -> Bool {
        var hangul = 0, latin = 0
        for item in p.items {
            switch item {
            case .kern(let k) where k.hangulEm > 0: hangul += 1
            case .box(let b) where p.runs[b.run].script == .latin: latin += 1
            default: break
            }
        }
        return hangul > latin
    }

    /// Letter-spacing `t` (em) over a paragraph's items: wider Hangul letter-space (`hangul`), or wider advances of the
    /// glyphs of Latin boxes, which the lines then set as they are. The composer reads the widths it gives without a
    /// copy of the items (`KnuthPlass.prepare`); only the spacing chosen is applied.
    struct Spacing {
        let t: Double
        let hangul: Bool
        let runs: [TextRun]

        /// The font units added to each glyph of box `b` with an advance, or nil when the box is not spaced.
        @inline(__always)
        func units(_ b: ParagraphItems.Box) -> Double? {
            guard !hangul && b.scale > 0 && runs[b.run].script == .latin else { return nil }
            return (t * runs[b.run].size / b.scale).rounded()
        }

        /// A box's width letter-spaced.
        @inline(__always)
        func width(_ b: ParagraphItems.Box) -> Double {
            guard let units = units(b) else { return b.width }
            var spaced = 0
            for g in b.glyphs where g.advance != 0 { spaced += 1 }
            return b.width + Double(spaced) * units * b.scale
        }

        /// A kern's width letter-spaced.
        @inline(__always)
        func width(_ kern: ParagraphItems.Kern) -> Double {
            hangul && kern.hangulEm > 0 ? kern.width + t * kern.hangulEm : kern.width
        }

        /// Letter-spaces the items in place.
        func apply(to out: inout [ParagraphItems.Item]) {
            for k in out.indices {
                switch out[k] {
                case .box(var b):
                    guard let units = units(b) else { continue }
                    b.width = width(b)
                    for g in b.glyphs.indices where b.glyphs[g].advance != 0 { b.glyphs[g].advance += Int32(units) }
                    out[k] = .box(b)
                case .kern(var kern) where hangul && kern.hangulEm > 0:
                    kern.width = width(kern)
                    out[k] = .kern(kern)
                default: break
                }
            }
        }
    }
}
