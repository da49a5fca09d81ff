extension Document {
    /// Every image the edition names, in reading order: figures, images in table cells and in lines (notes included).
    public var images: [ImageSource] {
        var out: [ImageSource] = []
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .image(let i): out.append(i)
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): inlines(c)
                default: break
                }
            }
        }
        func blocks(_ list: [Block]) {
            for block in list {
                switch block {
                case .figure(let f): out.append(f.image); inlines(f.caption)
                case .paragraph(let c, _): inlines(c)
                case .heading(let h): inlines(h.content)
                case .list(let l): l.items.forEach(blocks)
                case .quote(let b, _): blocks(b)
                case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(inlines)
                case .code, .rule, .pageBreak: break
                }
            }
        }
        blocks(self.blocks)
        footnotes.forEach { blocks($0.blocks) }
        return out
    }
}
