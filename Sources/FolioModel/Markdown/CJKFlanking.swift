/// The character classes and flanking rules of the CJK-friendly amendment to CommonMark's emphasis
/// (github.com/tats-u/markdown-cjk-friendly, specification.md): a delimiter run next to a CJK character counts
/// as flanking even where punctuation is on its other side, so `*원칙(non-refoulement)*을` is emphasis.
enum CJKFlanking {
    /// How a delimiter run may be used.
    struct Verdict: Equatable {
        var canOpen: Bool
        var canClose: Bool
    }

    /// The verdict for a run of `delimiter` (`*` or `_`) between `before` (the character before the run, nearest
    /// first: up to two, for variation sequences) and `after`; an empty `before` or a nil `after` is a line's edge.
    static func verdict(delimiter: Unicode.Scalar, before: [Unicode.Scalar], after: Unicode.Scalar?) -> Verdict {
        let prev = before.first
        let isVS = prev.map(isGeneralVariationSelector) ?? false
        // A variation selector belongs to the character before it, unless that is a space.
        let main: Unicode.Scalar? = isVS && before.count > 1 && !isWhitespace(before[1]) ? before[1] : prev
        let prevWhitespace = isWhitespace(prev)
        let nextWhitespace = isWhitespace(after)
        let prevNonCJKPunct = main.map { isNonCJKPunctuation($0, selector: isVS ? prev : nil) } ?? false
        let nextNonCJKPunct = after.map { isNonCJKPunctuation($0, selector: nil) } ?? false
        let prevCJK = main.map(isCJK) ?? false
        let prevIVS = prev.map { (0xE0100...0xE01EF).contains($0.value) } ?? false
        let left = !nextWhitespace && (!nextNonCJKPunct || prevWhitespace || prevNonCJKPunct || prevCJK || prevIVS)
        let right = !prevWhitespace && (!prevNonCJKPunct || nextWhitespace || nextNonCJKPunct || (after.map(isCJK) ?? false))
        if delimiter == "*" { return Verdict(canOpen: left, canClose: right) }
        let prevPunct = main.map(isPunctuation) ?? false
        let nextPunct = after.map(isPunctuation) ?? false
        return Verdict(canOpen: left && (!right || prevPunct), canClose: right && (!left || nextPunct))
    }

    /// Unicode whitespace (Zs, tab, line feed, form feed, carriage return); a line's edge counts as whitespace.
    static func isWhitespace(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return true }
        return s == "\t" || s == "\n" || s == "\u{0C}" || s == "\r" || s.properties.generalCategory == .spaceSeparator
    }

    /// CommonMark's Unicode punctuation: general category P or S.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Punctuation that is not CJK. A quotation mark followed by U+FE01 is its fullwidth (CJK) form.
    static func isNonCJKPunctuation(_ s: Unicode.Scalar, selector: Unicode.Scalar?) -> Bool {
        guard isPunctuation(s), !isCJK(s) else { return false }
        let quote = s == "\u{2018}" || s == "\u{2019}" || s == "\u{201C}" || s == "\u{201D}"
        return !(quote && selector == "\u{FE01}")
    }

    /// U+FE00–U+FE0E: variation selectors other than the emoji presentation selector.
    static func isGeneralVariationSelector(_ s: Unicode.Scalar) -> Bool { (0xFE00...0xFE0E).contains(s.value) }

    /// A CJK character: East Asian Width W, F or H and not an emoji by default, or the Hangul script.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = cjkRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < cjkRanges[mid].0 { hi = mid - 1 } else if v > cjkRanges[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// The CJK characters as ranges, from Unicode 15's EastAsianWidth.txt (W, F, H, with the unassigned code points
    /// of the ideograph blocks, which default to W), less emoji-data.txt's Emoji_Presentation, plus Scripts.txt's
    /// Hangul.
    static let cjkRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x11FF),
        (0x20A9, 0x20A9),
        (0x2329, 0x232A),
        (0x2E80, 0x2E99),
        (0x2E9B, 0x2EF3),
        (0x2F00, 0x2FD5),
        (0x2FF0, 0x2FFB),
        (0x3000, 0x303E),
        (0x3041, 0x3096),
        (0x3099, 0x30FF),
        (0x3105, 0x312F),
        (0x3131, 0x318E),
        (0x3190, 0x31E3),
        (0x31F0, 0x321E),
        (0x3220, 0x3247),
        (0x3250, 0x4DBF),
        (0x4E00, 0xA48C),
        (0xA490, 0xA4C6),
        (0xA960, 0xA97C),
        (0xAC00, 0xD7A3),
        (0xD7B0, 0xD7C6),
        (0xD7CB, 0xD7FB),
        (0xF900, 0xFAFF),
        (0xFE10, 0xFE19),
        (0xFE30, 0xFE52),
        (0xFE54, 0xFE66),
        (0xFE68, 0xFE6B),
        (0xFF01, 0xFFBE),
        (0xFFC2, 0xFFC7),
        (0xFFCA, 0xFFCF),
        (0xFFD2, 0xFFD7),
        (0xFFDA, 0xFFDC),
        (0xFFE0, 0xFFE6),
        (0xFFE8, 0xFFEE),
        (0x16FE0, 0x16FE4),
        (0x16FF0, 0x16FF1),
        (0x17000, 0x187F7),
        (0x18800, 0x18CD5),
        (0x18D00, 0x18D08),
        (0x1AFF0, 0x1AFF3),
        (0x1AFF5, 0x1AFFB),
        (0x1AFFD, 0x1AFFE),
        (0x1B000, 0x1B122),
        (0x1B132, 0x1B132),
        (0x1B150, 0x1B152),
        (0x1B155, 0x1B155),
        (0x1B164, 0x1B167),
        (0x1B170, 0x1B2FB),
        (0x1F200, 0x1F200),
        (0x1F202, 0x1F202),
        (0x1F210, 0x1F219),
        (0x1F21B, 0x1F22E),
        (0x1F230, 0x1F231),
        (0x1F237, 0x1F237),
        (0x1F23B, 0x1F23B),
        (0x1F240, 0x1F248),
        (0x1F260, 0x1F265),
        (0x20000, 0x2FFFD),
        (0x30000, 0x3FFFD),
    ]
}
