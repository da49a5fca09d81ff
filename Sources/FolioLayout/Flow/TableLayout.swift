import FolioDisplay
import FolioModel

/// GFM tables: column widths from the cells' content (CSS automatic table layout: each column gets its
/// minimum, and the rest of the width in proportion to how much more it would like), one flow item per row,
/// the header row shaded and repeated at the top of each continuation page.
struct TableLayout {
    let context: LayoutContext
    var style: TableStyle { context.layout.table }

    func layout(_ table: Table, indent: Double, width: Double) throws -> [FlowItem] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let pad = style.padding.points
        let headerFont = TextStyle(family: style.font.family, size: style.font.size, bold: true, italic: false, color: style.font.color)
        func cellText(_ inlines: [Inline], header: Bool) -> StyledText { context.styled(inlines, header ? headerFont : style.font) }
        let rows: [(cells: [StyledText], header: Bool)] =
            (table.header.isEmpty ? [] : [(table.header.map { cellText($0, header: true) }, true)])
            + table.rows.map { ($0.map { cellText($0, header: false) }, false) }

        // Minimum (widest unbreakable piece) and preferred (one line) widths per column.
        var minW = [Double](repeating: 0, count: columns), maxW = [Double](repeating: 0, count: columns)
        for row in rows {
            for (c, text) in row.cells.enumerated() where c < columns {
                let m = try measure(text)
                minW[c] = max(minW[c], m.min + 2 * pad)
                maxW[c] = max(maxW[c], m.max + 2 * pad)
            }
        }
        let widths = Self.columnWidths(min: minW, max: maxW, available: width)
        var out: [FlowItem] = []
        var headerIndex: Int? = nil
        for (r, row) in rows.enumerated() {
            var cellLines: [[LineBox]] = []
            var height = 0.0
            for c in 0..<columns {
                let text = c < row.cells.count ? row.cells[c] : StyledText()
                let align: Alignment = switch c < table.alignments.count ? table.alignments[c] : .none {
                case .center: .center
                case .right: .right
                default: .left
                }
                var lines: [LineBox] = []
                if !text.isEmpty {
                    let spec = ParagraphSpec(width: max(1, widths[c] - 2 * pad), align: align,
                                             lineHeight: style.font.size * style.leading, baseStyle: text.styles[0])
                    let result = try context.inline.layout(text, spec, times: &context.times)
                    context.report(missing: result.missing, at: table.location)
                    lines = result.lines
                }
                cellLines.append(lines)
                height = max(height, lines.reduce(0) { $0 + $1.height })
            }
            height += 2 * pad
            var items: [DisplayItem] = []
            if row.header { items.append(.fill(Rect(x: indent, y: 0, width: widths.reduce(0, +), height: height), style.headerShade.rgb)) }
            var x = indent
            var footnotes: [Int] = []
            for c in 0..<columns {
                var y = pad
                for line in cellLines[c] {
                    items += line.items.map { $0.offset(dx: x + pad, dy: y) }
                    footnotes += line.footnotes
                    y += line.height
                }
                x += widths[c]
            }
            let rule = style.ruleWidth.points, color = style.ruleColor.rgb
            let right = indent + widths.reduce(0, +)
            if r == 0 { items.append(.line(from: Point(x: indent, y: 0), to: Point(x: right, y: 0), width: rule * 1.5, color: color)) }
            items.append(.line(from: Point(x: indent, y: height), to: Point(x: right, y: height),
                               width: row.header || r == rows.count - 1 ? rule * 1.5 : rule * 0.6, color: color))
            var item = FlowItem(kind: .block, height: height, items: items, breakBefore: r > (headerIndex == nil ? 0 : 1))
            item.footnotes = footnotes
            if row.header { headerIndex = r } else if let h = headerIndex { item.repeatHeader = h - r }
            out.append(item)
        }
        return out
    }

    /// Column widths filling `available`: minimums first, the rest shared by how much each column wants more.
    static func columnWidths(min: [Double], max: [Double], available: Double) -> [Double] {
        let sumMax = max.reduce(0, +), sumMin = min.reduce(0, +)
        if sumMax <= available {
            // Everything fits on one line per cell: share the spare width in proportion to content.
            return max.map { $0 + (available - sumMax) * ($0 / sumMax) }
        }
        if sumMin >= available {
            return min.map { $0 * available / sumMin }
        }
        let want = zip(max, min).map { $0 - $1 }
        let sumWant = want.reduce(0, +)
        return zip(min, want).map { $0 + (available - sumMin) * ($1 / Swift.max(sumWant, 0.001)) }
    }

    /// The widest unbreakable piece and the one-line width of a cell's text.
    private func measure(_ text: StyledText) throws -> (min: Double, max: Double) {
        guard !text.isEmpty else { return (0, 0) }
        let spec = ParagraphSpec(width: 1e9, align: .left, lineHeight: 10, baseStyle: text.styles[0])
        var options = BuilderOptions()
        options.koreanBreaks = context.layout.body.koreanBreaks
        let builder = ParagraphBuilder(selector: context.selector, cache: context.inline.cache, options: options)
        let items = try builder.build(text, maxWidth: spec.width).items
        var widest = 0.0, piece = 0.0, total = 0.0
        for item in items {
            switch item {
            case .box(let b): piece += b.width; total += b.width
            case .glue(let g): widest = Swift.max(widest, piece); piece = 0; total += g.width
            case .kern(let k): piece += k.width; total += k.width
            case .penalty(let p): if !p.emergency { widest = Swift.max(widest, piece); piece = 0 }
            }
        }
        return (Swift.max(widest, piece), total)
    }
}
