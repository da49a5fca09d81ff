import FolioDisplay
import FolioModel

/// Where a block sits: inside quotes or lists, which changes its style, numbering and markers.
struct BlockPosition {
    var inQuote = false
    var listLevel = 0
    var inList = false
}

/// Lays out document blocks into flow items: headings kept with their text, paragraphs with orphan and widow
/// control and optional paragraph numbers, lists with hanging markers, quotes with a rule, tables row by row.
final class BlockLayout {
    let context: LayoutContext
    var layout: Layout { context.layout }
    /// The number of the next numbered paragraph.
    private var paragraphNumber = 1
    /// Whether the current top-level section is numbered (numbered paragraphs may skip sections).
    private var numberingSection = true
    /// Paragraphs set ahead of time (on every core), by source location: `paragraph` takes the one whose text
    /// and spec match its own.
    var preset: [SourceLocation: ParagraphPrefetch.Preset] = [:]

    init(context: LayoutContext) { self.context = context }

    func blocks(_ blocks: [Block], indent: Double, width: Double, position: BlockPosition = BlockPosition()) throws -> [FlowItem] {
        var out: [FlowItem] = []
        for (i, block) in blocks.enumerated() {
            // After a heading, the next block starts without spacing and must not break from it.
            var afterHeading = false
            if i > 0, case .heading = blocks[i - 1] { afterHeading = true }
            let first = i == 0 || afterHeading
            let start = out.count
            defer {
                if afterHeading {
                    var k = start
                    while k < out.count { out[k].breakBefore = false; if out[k].kind != .space { break }; k += 1 }
                }
            }
            let spacing = layout.body.paragraphSpacing.points
            switch block {
            case .heading(let h):
                out.append(contentsOf: try heading(h, indent: indent, width: width))
            case .paragraph(let inlines, let at):
                let (style, align, attribution) = paragraphStyle(inlines, inQuote: position.inQuote)
                if !first { out.append(.space(spacing)) }
                let number = attribution ? nil : nextParagraphNumber(position)
                // The text made for a paragraph set ahead in the same style is this text: take it.
                let text = preset[at].flatMap { $0.style == style ? $0.text : nil } ?? context.styled(inlines, style)
                out.append(contentsOf: try paragraph(text, at: at, indent: indent, width: width,
                                                     align: align, leading: layout.body.leading, number: number))
            case .list(let list):
                if !first { out.append(.space(spacing)) }
                out.append(contentsOf: try self.list(list, indent: indent, width: width, position: position))
            case .quote(let inner, _):
                if !first { out.append(.space(spacing)) }
                out.append(contentsOf: try quote(inner, indent: indent, width: width, position: position))
            case .table(let table):
                if !first { out.append(.space(spacing * 1.5)) }
                out.append(contentsOf: try TableLayout(context: context).layout(table, indent: indent, width: width))
            case .code(let code, let at):
                var text = StyledText()
                text.append(code.hasSuffix("\n") ? String(code.dropLast()) : code, SpanStyle(font: layout.code))
                if !first { out.append(.space(spacing)) }
                out.append(contentsOf: try paragraph(text, at: at, indent: indent, width: width, align: .left, leading: 1.3))
            case .rule:
                out.append(.space(spacing))
                out.append(FlowItem(kind: .block, height: 1, items: [
                    .line(from: Point(x: indent + width * 0.35, y: 0.5), to: Point(x: indent + width * 0.65, y: 0.5), width: 0.5, color: RGB(r: 0.5, g: 0.5, b: 0.5)),
                ], breakBefore: true))
                out.append(.space(spacing))
            case .pageBreak:
                out.append(FlowItem(kind: .pageBreak, height: 0, items: [], breakBefore: true))
            }
        }
        return out
    }

    /// The number for a body paragraph, when the layout numbers paragraphs here.
    private func nextParagraphNumber(_ position: BlockPosition) -> Int? {
        let np = layout.numberedParagraphs
        guard np.enabled, numberingSection else { return nil }
        if position.inQuote && !np.quotes { return nil }
        if position.inList && !np.lists { return nil }
        defer { paragraphNumber += 1 }
        return paragraphNumber
    }

    /// A paragraph's lines as flow items, with the page-break rules for orphans and widows.
    func paragraph(_ text: StyledText, at: SourceLocation, indent: Double, width: Double, align: Alignment,
                   leading: Double, firstLineIndent: Double = 0, number: Int? = nil) throws -> [FlowItem] {
        guard !text.isEmpty else { return [] }
        var text = text
        let np = layout.numberedParagraphs
        if let number, np.position == .inline {
            var numbered = StyledText()
            numbered.append("\(number). ", SpanStyle(font: np.font))
            for (i, s) in text.scalars.enumerated() { numbered.append(String(s), text.styles[Int(text.styleOf[i])]) }
            text = numbered
        }
        let spec = paragraphSpec(text, width: width, align: align, leading: leading, firstLineIndent: firstLineIndent)
        let result: InlineLayout.Result
        if let p = preset.removeValue(forKey: at), p.spec == spec, p.text.scalars.count == text.scalars.count {
            result = p.result
            context.prefetched += 1
            for face in result.faces { context.selector.use(face) }
        } else {
            result = try context.inline.layout(text, spec, times: &context.times)
        }
        context.paragraphs += 1
        context.report(missing: result.missing, at: at)
        if result.emergencyBreaks > 0 {
            context.emergencyBreaks += result.emergencyBreaks
            let ends = result.lines.dropLast().map { lineTextTail($0) }
            context.emergencyNotes.append(Warning(.wordBroken, "\(result.emergencyBreaks) line(s) broken inside a word (\(result.composer)); line ends: \(ends.joined(separator: " | "))", at: at))
        }
        context.lineStats.record(result.lines, at: at)
        let n = result.lines.count
        let orphans = max(1, layout.body.orphans), widows = max(1, layout.body.widows)
        var items = result.lines.enumerated().map { i, line in
            let orphan = i > 0 && i < orphans
            let widow = i > 0 && i > n - widows
            var item = FlowItem(kind: .line, height: line.height, items: line.items.map { $0.offset(dx: indent, dy: 0) },
                                breakBefore: !(orphan || widow))
            item.footnotes = line.footnotes
            item.source = at
            return item
        }
        if let number, np.position == .margin, !items.isEmpty, let firstLine = result.lines.first {
            var label = StyledText()
            label.append("\(number).", SpanStyle(font: np.font))
            let markSpec = ParagraphSpec(width: 60, align: .left, lineHeight: firstLine.height, baseStyle: SpanStyle(font: np.font))
            if let mark = try context.inline.layout(label, markSpec).lines.first {
                let gap = layout.body.font.size * 0.8
                items[0].items += mark.items.map { $0.offset(dx: indent - gap - mark.contentWidth, dy: firstLine.baseline - mark.baseline) }
            }
        }
        return items
    }

    /// A paragraph block's style and alignment, and whether it is a testimony's attribution (in a quote, starting
    /// with a dash: upright, smaller, set right, never numbered).
    func paragraphStyle(_ inlines: [Inline], inQuote: Bool) -> (style: TextStyle, align: Alignment, attribution: Bool) {
        var style = inQuote ? layout.quote.font : layout.body.font
        guard inQuote, case .text(let t)? = inlines.first, t.hasPrefix("—") || t.hasPrefix("―") else {
            return (style, layout.body.align, false)
        }
        style.italic = false; style.size *= 0.92
        return (style, .right, true)
    }

    /// The width of a list item's blocks, and of a quote's.
    func listItemWidth(_ width: Double) -> Double { width - layout.list.indent.points }
    func quoteWidth(_ width: Double) -> Double { width - layout.quote.indent.points - layout.quote.indentRight.points }

    /// The spec a paragraph is set with: its line height from its largest style.
    func paragraphSpec(_ text: StyledText, width: Double, align: Alignment, leading: Double, firstLineIndent: Double = 0) -> ParagraphSpec {
        let size = text.styles.first?.font.size ?? layout.body.font.size
        let base = text.styles.first(where: { !$0.superscript }) ?? SpanStyle(font: layout.body.font)
        var spec = ParagraphSpec(width: width, align: align, lineHeight: max(size, base.font.size) * leading, baseStyle: base)
        spec.firstLineIndent = firstLineIndent
        return spec
    }

    private func heading(_ h: Heading, indent: Double, width: Double) throws -> [FlowItem] {
        if h.level == 1 {
            numberingSection = !layout.numberedParagraphs.skipSections.contains(h.content.plainText)
        }
        let style = layout.heading(h.level)
        let text = context.styled(h.content, style.font)
        var items = try paragraph(text, at: h.location, indent: indent, width: width, align: .left, leading: style.leading)
        guard !items.isEmpty else { return [] }
        items[0].items.append(.destination(name: h.anchor, at: Point(x: indent, y: 0)))
        items[0].headings.append(HeadingMark(anchor: h.anchor, level: h.level, title: h.content.plainText))
        for i in items.indices { items[i].breakBefore = i == 0; items[i].isHeading = true }
        var after = FlowItem.space(style.spaceAfter.points)
        after.breakBefore = false
        return [.space(style.spaceBefore.points)] + items + [after]
    }

    private func list(_ list: ListBlock, indent: Double, width: Double, position: BlockPosition) throws -> [FlowItem] {
        let itemIndent = layout.list.indent.points
        var inner = position
        inner.inList = true
        inner.listLevel = position.inList ? position.listLevel + 1 : 0
        let level = inner.listLevel
        var out: [FlowItem] = []
        for (n, blocks) in list.items.enumerated() {
            if n > 0 { out.append(.space(list.tight ? layout.list.itemSpacing.points : layout.body.paragraphSpacing.points)) }
            var content = try self.blocks(blocks, indent: indent + itemIndent, width: listItemWidth(width), position: inner)
            guard let firstLine = content.firstIndex(where: { $0.kind == .line }) else { out += content; continue }
            let label = list.ordered ? layout.list.numbering(level: level).label(list.start + n) : layout.list.bullet(level: level)
            var text = StyledText()
            let markerFont = position.inQuote ? layout.quote.font : layout.body.font
            text.append(label, SpanStyle(font: TextStyle(family: markerFont.family, size: markerFont.size, bold: false, italic: false, color: markerFont.color)))
            let spec = ParagraphSpec(width: itemIndent * 3, align: .left, lineHeight: content[firstLine].height,
                                     baseStyle: SpanStyle(font: markerFont))
            if let marker = try context.inline.layout(text, spec).lines.first {
                // Right-align numbers and bullets against the item text, a fixed gap away (a hanging marker).
                let gap = layout.body.font.size * 0.45
                let dx = indent + itemIndent - gap - marker.contentWidth
                let baselineShift = baselineOf(content[firstLine]) - marker.baseline
                content[firstLine].items += marker.items.map { $0.offset(dx: dx, dy: baselineShift) }
            }
            out += content
        }
        return out
    }

    private func baselineOf(_ item: FlowItem) -> Double {
        for i in item.items { if case .glyphs(let run) = i { return run.origin.y } }
        return item.height * 0.8
    }

    private func quote(_ blocks: [Block], indent: Double, width: Double, position: BlockPosition) throws -> [FlowItem] {
        let q = layout.quote
        var inner = position
        inner.inQuote = true
        var items = try self.blocks(blocks, indent: indent + q.indent.points, width: quoteWidth(width), position: inner)
        if q.rule {
            let x = indent + q.indent.points * 0.45
            for i in items.indices where items[i].kind != .space || items[i].height > 0 {
                items[i].items.append(.line(from: Point(x: x, y: 0), to: Point(x: x, y: items[i].height), width: 1.2, color: q.ruleColor.rgb))
            }
        }
        return items
    }
}

/// The last few characters of a set line, for messages.
func lineTextTail(_ line: LineBox) -> String {
    let text = line.items.compactMap { if case .glyphs(let r) = $0 { return r.text } else { return nil } }.joined()
    return String(text.suffix(8))
}
