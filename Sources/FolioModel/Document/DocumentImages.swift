extension Document {
    /// The images the edition places, in reading order: figures, images in lines and table cells, in notes too.
    /// An image in a heading is set as its alternative text: its file is not read.
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
                case .list(let l): l.items.forEach(blocks)
                case .quote(let b, _): blocks(b)
                case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(inlines)
                case .heading, .code, .rule, .pageBreak: break
                }
            }
        }
        blocks(self.blocks)
        footnotes.forEach { blocks($0.blocks) }
        return out
    }
}

extension Array where Element == Inline {
    /// The image when it is all the content (spaces aside): a table cell that shows it.
    public var onlyImage: ImageSource? {
        let content = filter { if case .text(let t) = $0 { !t.allSatisfy(\.isWhitespace) } else { true } }
        guard content.count == 1, case .image(let source) = content[0] else { return nil }
        return source
    }
}
