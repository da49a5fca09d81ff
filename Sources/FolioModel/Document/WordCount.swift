/// Word counts as the UN counts them for submission limits: space-separated words of the body (a Korean
/// 어절 is one word), with or without the footnotes.
extension Document {
    public func wordCount(includeFootnotes: Bool) -> Int {
        var n = blocks.reduce(0) { $0 + Self.words(in: $1) }
        if includeFootnotes { n += footnotes.reduce(0) { $0 + $1.blocks.reduce(0) { $0 + Self.words(in: $1) } } }
        return n
    }

    static func words(in block: Block) -> Int {
        switch block {
        case .heading(let h): return count(h.content.plainText)
        case .paragraph(let c, _): return count(c.plainText)
        case .list(let l): return l.items.flatMap { $0 }.reduce(0) { $0 + words(in: $1) }
        case .quote(let b, _): return b.reduce(0) { $0 + words(in: $1) }
        case .table(let t): return (t.header + t.rows.flatMap { $0 }).reduce(0) { $0 + count($1.plainText) }
        case .code(let s, _): return count(s)
        case .figure(let f): return count(f.caption.plainText)
        case .rule, .pageBreak: return 0
        }
    }

    /// Words are runs of non-space characters holding at least one letter or digit.
    static func count(_ text: String) -> Int {
        // While every scalar is a character of its own, read scalars, which costs a fraction of splitting
        // characters; otherwise split characters.
        var n = 0
        var inWord = false, hasLetter = false
        for s in text.unicodeScalars {
            let v = s.value
            guard v < 0x300 || isWholeCharacter(s) else {
                return text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
            }
            // ASCII and Hangul syllables without the property tables.
            let space = v < 0x80 ? v == 0x20 || (0x09...0x0D).contains(v) : v < 0xAC00 && s.properties.isWhitespace
            if space {
                if inWord && hasLetter { n += 1 }
                inWord = false
                hasLetter = false
            } else {
                inWord = true
                if !hasLetter {
                    let letter = v < 0x80 ? (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                        : (0xAC00...0xD7A3).contains(v) || s.properties.isAlphabetic || s.properties.numericType != nil
                    if letter { hasLetter = true }
                }
            }
        }
        return inWord && hasLetter ? n + 1 : n
    }

    /// Scalars that never join another in one character (no combining marks, joiners, jamo or selectors): Latin
    /// up to U+02FF, general and CJK punctuation, Hangul syllables, Han, fullwidth forms.
    static func isWholeCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xFF01...0xFF60: return true
        default: return false
        }
    }

    /// Every link target in the document, with where its paragraph starts.
    public var links: [(url: String, at: SourceLocation)] {
        var out: [(String, SourceLocation)] = []
        func visit(_ inlines: [Inline], _ at: SourceLocation) {
            for i in inlines {
                switch i {
                case .link(let url, let c): out.append((url, at)); visit(c, at)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): visit(c, at)
                default: break
                }
            }
        }
        func visit(_ block: Block) {
            switch block {
            case .heading(let h): visit(h.content, h.location)
            case .paragraph(let c, let at): visit(c, at)
            case .list(let l): l.items.flatMap { $0 }.forEach(visit)
            case .quote(let b, _): b.forEach(visit)
            case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach { visit($0, t.location) }
            default: break
            }
        }
        blocks.forEach(visit)
        for f in footnotes { f.blocks.forEach(visit) }
        return out
    }
}
