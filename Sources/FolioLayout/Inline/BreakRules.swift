import FolioModel
import FolioUnicode

/// Folio's line-break rules on top of UAX #14 (ICU):
/// - Korean word mode: a break touching Hangul without a space between is only an emergency break (어절 stay whole);
/// - klreq: nothing that must not start a line starts one, nothing that must not end a line ends one, numbers
///   keep their units and currency signs, footnote marks keep to their word;
/// - URLs may break after / . - _ ? & = # (without a hyphen);
/// - soft hyphens are hyphenation points.
struct BreakRules {
    let scalars: [Unicode.Scalar]
    let text: StyledText
    let koreanBreaks: KoreanBreaks

    /// klreq: characters that never start a line (closing brackets and quotes, periods, commas, middle dots,
    /// colons, ? and !, hyphens and dashes that close).
    static let noLineStart: Set<UInt32> = Set(")]}〉》」』】〕〗〙〛’”»›.,。、，．:;：；?!？！·・‧‐-–~〜%‰℃°′″".unicodeScalars.map(\.value))
    /// klreq: characters that never end a line (opening brackets and quotes); middle dots bind both sides
    /// ("남·북" stays whole).
    static let noLineEnd: Set<UInt32> = Set("([{〈《「『【〔〖〘〚‘“«‹·・‧".unicodeScalars.map(\.value))
    /// Characters after which a URL may break.
    static let urlBreakAfter: Set<UInt32> = Set("/.-_?&=#".unicodeScalars.map(\.value))

    /// The break class before each scalar index (0...count).
    func classes(language: String) throws -> [BreakClass] {
        let n = scalars.count
        var classes = [BreakClass](repeating: .none, count: n + 1)
        for op in try LineBreakOpportunities.find(in: scalars, locale: language) {
            classes[op.index] = op.kind == .mandatory ? .mandatory : .allowed
        }
        guard n > 1 else { return classes }
        for i in 1..<n where classes[i] == .allowed {
            let a = scalars[i - 1], b = scalars[i]
            if Self.isBreakingSpace(a) || Self.isBreakingSpace(b) { continue }
            if koreanBreaks == .word, UnicodeProperties.isHangul(a) || UnicodeProperties.isHangul(b) {
                classes[i] = .emergency
            }
        }
        markURLs(&classes)
        for i in 1..<n where scalars[i - 1] == "\u{AD}" { classes[i] = .softHyphen }
        for i in 1..<n where classes[i] != .mandatory && !Self.isBreakingSpace(scalars[i - 1]) && forbidden(i) {
            classes[i] = .none
        }
        return classes
    }

    /// Whether klreq forbids a break before scalar `i` (the characters around it are not spaces).
    private func forbidden(_ i: Int) -> Bool {
        let a = scalars[i - 1], b = scalars[i]
        if Self.noLineStart.contains(b.value) || Self.noLineEnd.contains(a.value) { return true }
        let digitA = Self.isDigit(a), digitB = Self.isDigit(b)
        if digitA && digitB { return true }                                   // digit runs
        if digitA && (b.properties.isAlphabetic || Self.isHangulSyllable(b)) { return true }   // 10km, 2020년
        if a.properties.generalCategory == .currencySymbol && digitB { return true }          // ₩1,000 $5
        if text.styles[Int(text.styleOf[i])].footnote != nil { return true }  // a footnote mark keeps to its word
        return false
    }

    /// In words that look like URLs, breaks after / . - _ ? & = # (not between two of them, not at the ends).
    private func markURLs(_ classes: inout [BreakClass]) {
        var start = 0
        let n = scalars.count
        while start < n {
            while start < n, Self.isBreakingSpace(scalars[start]) { start += 1 }
            var end = start
            while end < n, !Self.isBreakingSpace(scalars[end]) { end += 1 }
            if end > start, isURL(start..<end) {
                // Do not break before the closing punctuation that follows a URL.
                var last = end
                while last > start, Self.noLineStart.contains(scalars[last - 1].value) { last -= 1 }
                if last - start > 2 {
                    for i in (start + 2)..<last where Self.urlBreakAfter.contains(scalars[i - 1].value)
                        && !Self.urlBreakAfter.contains(scalars[i].value) && classes[i] == .none {
                        classes[i] = .url
                    }
                }
            }
            start = end
        }
    }

    /// A word with a scheme (`https://`) or starting with `www.`, or an e-mail address.
    func isURL(_ r: Range<Int>) -> Bool {
        let word = String(String.UnicodeScalarView(scalars[r]))
        return word.contains("://") || word.hasPrefix("www.") || word.hasPrefix("(www.")
            || (word.contains("@") && word.contains("."))
    }

    /// Whether the letters in `range` may be hyphenated: not part of a URL, no digits, and no capitals
    /// unless allowed (names and acronyms).
    func mayHyphenate(_ range: Range<Int>, capitalized: Bool) -> Bool {
        var lo = range.lowerBound, hi = range.upperBound
        while lo > 0, !Self.isBreakingSpace(scalars[lo - 1]) { lo -= 1 }
        while hi < scalars.count, !Self.isBreakingSpace(scalars[hi]) { hi += 1 }
        if isURL(lo..<hi) { return false }
        if text.styles[Int(text.styleOf[range.lowerBound])].font.family == .mono { return false }
        for s in scalars[lo..<hi] {
            if Self.isDigit(s) || s == "/" || s == "@" || s == "_" { return false }
            if !capitalized && s.properties.isUppercase { return false }
        }
        return true
    }

    /// The letters of a piece without the punctuation around them.
    static func letterCore(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, !scalars[lo].properties.isAlphabetic { lo += 1 }
        while hi > lo, !scalars[hi - 1].properties.isAlphabetic { hi -= 1 }
        for i in lo..<hi where !scalars[i].properties.isAlphabetic && scalars[i] != "'" && scalars[i] != "’" {
            return lo..<lo   // an inner apostrophe is fine; other punctuation makes it no plain word
        }
        return lo..<hi
    }

    /// Characters that may hang into the right margin at a line end.
    static func hangs(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "-" || s == "\u{2010}" || s == "、" || s == "。"
    }

    static func isBreakingSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isHangulSyllable(_ s: Unicode.Scalar) -> Bool { s.value >= 0xAC00 && s.value <= 0xD7A3 }
    static func isLatinLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || (s.value < 0x250 && s.properties.isAlphabetic)
    }
}
