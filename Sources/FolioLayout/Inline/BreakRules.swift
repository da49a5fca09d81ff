import FolioModel
import FolioUnicode

/// Folio's line-break rules on top of UAX #14 (ICU):
/// - Korean word mode: a break touching Hangul without a space between is only an emergency break (어절 stay whole),
///   except before the bracket that opens a word's gloss;
/// - klreq: nothing that must not start a line starts one, nothing that must not end a line ends one, numbers
///   keep their units and currency signs, footnote marks keep to their word;
/// - URLs may break after / . - _ ? & = # (without a hyphen);
/// - soft hyphens are hyphenation points.
struct BreakRules {
    let scalars: [Unicode.Scalar]
    let text: StyledText
    let koreanBreaks: KoreanBreaks
    /// Space-delimited words, each with whether it looks like a URL and whether it may be hyphenated.
    private let words: [Word]
    /// The index into `words` of each scalar (-1 for spaces).
    private let wordOf: [Int32]

    struct Word { var range: Range<Int>; var isURL: Bool; var plain: Bool; var capitalized: Bool }

    init(scalars: [Unicode.Scalar], text: StyledText, koreanBreaks: KoreanBreaks) {
        self.scalars = scalars; self.text = text; self.koreanBreaks = koreanBreaks
        var words: [Word] = []
        var wordOf = [Int32](repeating: -1, count: scalars.count)
        var start = 0
        let n = scalars.count
        while start < n {
            while start < n, Self.isBreakingSpace(scalars[start]) { start += 1 }
            var end = start
            var plain = true, capitalized = false
            // Chinese and Japanese put no space around Latin words and URLs: a word also ends where CJK text starts
            // or stops, so that a URL's rules do not reach into the ideographs beside it.
            let cjk = start < n && Self.isCJK(scalars[start])
            while end < n, !Self.isBreakingSpace(scalars[end]), Self.isCJK(scalars[end]) == cjk {
                let s = scalars[end]
                if Self.isDigit(s) || s == "/" || s == "@" || s == "_" { plain = false }
                if s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : (s.value < 0xAC00 && s.properties.isUppercase) { capitalized = true }
                wordOf[end] = Int32(words.count)
                end += 1
            }
            if end > start {
                words.append(Word(range: start..<end, isURL: Self.looksLikeURL(scalars, start..<end), plain: plain, capitalized: capitalized))
            }
            start = end
        }
        self.words = words
        self.wordOf = wordOf
    }

    /// klreq: characters that never start a line (closing brackets and quotes, periods, commas, middle dots,
    /// colons, ? and !, hyphens and dashes that close).
    /// JLREQ and CLREQ add full-width closing brackets, and (JLREQ's strict set) small kana, the prolonged sound
    /// mark and iteration marks.
    static let noLineStart: Set<UInt32> = Set((")]}〉》」』】〕〗〙〛’”»›.,。、，．:;：；?!？！·・‧‐-–~〜%‰℃°′″"
        + "）］｝｠〟‼⁇⁈⁉゠ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーゝゞヽヾ々〻").unicodeScalars.map(\.value))
    /// klreq: characters that never end a line (opening brackets and quotes); middle dots bind both sides
    /// ("남·북" stays whole).
    static let noLineEnd: Set<UInt32> = Set("([{〈《「『【〔〖〘〚‘“«‹·・‧（［｛｟〝".unicodeScalars.map(\.value))
    /// Opening brackets that start a gloss after a Korean word ("조선민주주의인민공화국(DPRK)", "법「…」"): the word
    /// itself is whole before them, so word mode may break there, at a cost (CSS `word-break: keep-all` keeps the
    /// break UAX #14 gives there too). A break after the closing bracket would leave its particle alone and stays an
    /// emergency break.
    static let glossOpeners: Set<UInt32> = Set("([{〈《「『【〔〖〘〚（［｛".unicodeScalars.map(\.value))

    static func opensGloss(_ s: Unicode.Scalar) -> Bool { glossOpeners.contains(s.value) }

    /// The ASCII members of `noLineStart` and `noLineEnd` as bitmaps over 0..<128.
    private static let asciiNoLineStart = asciiBitmap(noLineStart)
    private static let asciiNoLineEnd = asciiBitmap(noLineEnd)

    private static func asciiBitmap(_ set: Set<UInt32>) -> UInt128 {
        set.reduce(UInt128(0)) { $1 < 128 ? $0 | (1 << $1) : $0 }
    }

    /// Characters before which a URL may break (The Chicago Manual of Style, 6.8): a period, hyphen or slash at
    /// the end of a line would read as the end of a sentence, a hyphenation or a finished path.
    static let urlBreakBefore: Set<UInt32> = Set("/.,-_?#%~@".unicodeScalars.map(\.value))
    /// Characters before or after which a URL may break.
    static let urlBreakAround: Set<UInt32> = Set("=&".unicodeScalars.map(\.value))

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
                classes[i] = UnicodeProperties.isHangul(a) && Self.opensGloss(b) ? .gloss : .emergency
            }
        }
        for i in 1..<n where scalars[i - 1] == "\u{AD}" { classes[i] = .softHyphen }
        // Only where a break is possible: clearing a class that is already none would change nothing.
        for i in 1..<n where classes[i] != .none && classes[i] != .mandatory && !Self.isBreakingSpace(scalars[i - 1]) && forbidden(i) {
            classes[i] = .none
        }
        // Last: a URL breaks before . , ? which the kinsoku rules keep from starting a line.
        markURLs(&classes)
        markSymbols(&classes)
        return classes
    }

    /// Whether klreq forbids a break before scalar `i` (the characters around it are not spaces).
    private func forbidden(_ i: Int) -> Bool {
        let a = scalars[i - 1], b = scalars[i]
        // Between two letters (the common case) only the footnote rule can apply: skip the set lookups.
        if Self.isPlainLetter(a) && Self.isPlainLetter(b) { return text.styles[Int(text.styleOf[i])].footnote != nil }
        if Self.neverStartsLine(b) || Self.neverEndsLine(a) { return true }
        let digitA = Self.isDigit(a), digitB = Self.isDigit(b)
        if digitA && digitB { return true }                                   // digit runs
        if digitA && (Self.isLetter(b) || Self.isHangulSyllable(b)) { return true }   // 10km, 2020년
        if Self.isCurrency(a) && digitB { return true }                       // ₩1,000 $5
        if text.styles[Int(text.styleOf[i])].footnote != nil { return true }  // a footnote mark keeps to its word
        return false
    }

    /// In `noLineStart` (ASCII from a bitmap, without hashing).
    @inline(__always)
    static func neverStartsLine(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? asciiNoLineStart & (1 << s.value) != 0 : noLineStart.contains(s.value)
    }

    /// In `noLineEnd` (ASCII from a bitmap, without hashing).
    @inline(__always)
    static func neverEndsLine(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? asciiNoLineEnd & (1 << s.value) != 0 : noLineEnd.contains(s.value)
    }

    /// A currency sign (ASCII's only one is $, answered without a property lookup).
    @inline(__always)
    static func isCurrency(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s == "$" : s.properties.generalCategory == .currencySymbol
    }

    /// An ASCII letter or a Hangul syllable: in none of the kinsoku sets, not a digit or currency sign.
    @inline(__always)
    static func isPlainLetter(_ s: Unicode.Scalar) -> Bool { (s.isASCII && isLetter(s)) || isHangulSyllable(s) }

    /// Inside words that look like URLs, the breaks of The Chicago Manual of Style (6.8) replace UAX #14's: after
    /// `//`, before a single slash and before . , - _ ? # % ~ @, before or after = and &; never between two of
    /// those characters, at the URL's ends or before a footnote mark.
    private func markURLs(_ classes: inout [BreakClass]) {
        for word in words where word.isURL {
            let start = word.range.lowerBound, end = word.range.upperBound
            // Do not break before the closing punctuation that follows a URL.
            var last = end
            while last > start, Self.neverStartsLine(scalars[last - 1]) { last -= 1 }
            guard last - start > 2 else { continue }
            func special(_ s: Unicode.Scalar) -> Bool {
                Self.urlBreakBefore.contains(s.value) || Self.urlBreakAround.contains(s.value) || s == ":"
            }
            for i in (start + 1)..<last where classes[i] != .mandatory {
                let a = scalars[i - 1], b = scalars[i]
                let afterDoubleSlash = a == "/" && i - 2 >= start && scalars[i - 2] == "/" && b != "/"
                let beforeSingleSlash = b == "/" && a != "/" && a != ":" && (i + 1 >= last || scalars[i + 1] != "/")
                let before = b != "/" && Self.urlBreakBefore.contains(b.value) && !special(a)
                let around = (Self.urlBreakAround.contains(b.value) && !special(a)) || (Self.urlBreakAround.contains(a.value) && !special(b))
                let mark = text.styles[Int(text.styleOf[i])].footnote != nil
                classes[i] = (afterDoubleSlash || beforeSingleSlash || before || around) && !mark ? .url : .none
            }
        }
    }

    /// UN document symbols (A/HRC/25/63, E/CN.4/2005/34: capitals and digits parted by slashes) break inside
    /// only when nothing else fits.
    private func markSymbols(_ classes: inout [BreakClass]) {
        for word in words where !word.isURL && word.capitalized && !word.plain {
            var slashes = 0
            for i in word.range where scalars[i] == "/" { slashes += 1 }
            guard slashes > 0 else { continue }
            for i in (word.range.lowerBound + 1)..<word.range.upperBound where classes[i] == .allowed { classes[i] = .bound }
        }
    }

    /// A word with a scheme (`https://`) or starting with `www.`, or an e-mail address.
    static func looksLikeURL(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var at = false, dot = false
        for i in r {
            switch s[i] {
            case ":": if i + 2 < r.upperBound, s[i + 1] == "/", s[i + 2] == "/" { return true }
            case "@": at = true
            case ".": dot = true
            default: break
            }
        }
        if at && dot { return true }
        var k = r.lowerBound
        if k < r.upperBound, s[k] == "(" { k += 1 }
        return r.upperBound - k > 4 && s[k] == "w" && s[k + 1] == "w" && s[k + 2] == "w" && s[k + 3] == "."
    }

    /// Whether the word around `range` looks like a URL.
    func isURL(_ range: Range<Int>) -> Bool {
        let w = wordOf[range.lowerBound]
        return w >= 0 && words[Int(w)].isURL
    }

    /// Whether the letters in `range` may be hyphenated: not part of a URL, no digits, and no capitals
    /// unless allowed (names and acronyms).
    func mayHyphenate(_ range: Range<Int>, capitalized: Bool) -> Bool {
        let w = wordOf[range.lowerBound]
        guard w >= 0 else { return false }
        let word = words[Int(w)]
        if word.isURL || !word.plain || (word.capitalized && !capitalized) { return false }
        return text.styles[Int(text.styleOf[range.lowerBound])].font.family != .mono
    }

    /// The letters of a piece without the punctuation around them.
    static func letterCore(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, !isLetter(scalars[lo]) { lo += 1 }
        while hi > lo, !isLetter(scalars[hi - 1]) { hi -= 1 }
        for i in lo..<hi where !isLetter(scalars[i]) && scalars[i] != "'" && scalars[i] != "’" {
            return lo..<lo   // an inner apostrophe is fine; other punctuation makes it no plain word
        }
        return lo..<hi
    }

    /// Characters that may hang into the right margin at a line end.
    static func hangs(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "-" || s == "\u{2010}" || s == "、" || s == "。"
    }

    static func isBreakingSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
    /// A letter, with ASCII answered without a property lookup.
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return s.properties.isAlphabetic
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isHangulSyllable(_ s: Unicode.Scalar) -> Bool { s.value >= 0xAC00 && s.value <= 0xD7A3 }
    /// A character set on the square em grid of Chinese and Japanese: ideographs, kana, CJK punctuation and
    /// full-width forms (not the ideographic space, which is a breaking space).
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001...0x303F, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF01...0xFF60, 0x20000...0x3FFFF: true
        default: false
        }
    }
    static func isLatinLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || (s.value < 0x250 && s.properties.isAlphabetic)
    }
}
