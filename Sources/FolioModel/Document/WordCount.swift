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
        case .rule, .pageBreak: return 0
        }
    }

    /// Words are runs of non-space characters holding at least one letter or digit.
    static func count(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
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
