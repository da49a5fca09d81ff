import FolioDisplay
import FolioImages
import FolioModel

/// GFM tables: column widths from the cells' content (CSS automatic table layout: each column gets its
/// minimum, and the rest of the width in proportion to how much more it would like), one flow item per row,
/// the header row shaded and repeated at the top of each continuation page. A table too wide for the page sets
/// its text smaller (down to `minimumScale`), then wraps inside words; a row taller than a page is split.
struct TableLayout {
    let context: LayoutContext
    /// The images the Markdown names, checked, by the path as written: a cell that holds only an image shows it.
    var images: [String: ImageInfo] = [:]
    var style: TableStyle { context.layout.table }
    /// Cells are set ragged with spaces that never shrink.
    var cellLayout: InlineLayout {
        InlineLayout(selector: context.selector, cache: context.inline.cache, configuration: context.inline.configuration.cells)
    }
    /// Space inside each cell's edges: at least a quarter em, so that columns stand half an em apart.
    var padding: Double { max(style.padding.points, 0.25 * style.font.size) }
    /// The smallest text scale a too-wide table may use before its words are broken.
    static let minimumScale = 0.75
    /// Body rows a table keeps together at its start before a page may break.
    static let rowsBeforeBreak = 3
    /// Body rows a table keeps together at its end.
    static let rowsAfterBreak = 2

    func layout(_ table: Table, indent: Double, width: Double, element: StructureID,
                structure: inout StructureTree) throws -> [FlowItem] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let pictures = self.pictures(table)
        let (rows, scale, widths) = try fit(table, columns: columns, width: width, pictures: pictures)
        let lineHeight = style.font.size * scale * style.leading
        var out: [FlowItem] = []
        var headerIndex: Int? = nil
        var group: StructureID? = nil
        // A row slice may be at most this tall: a page, less the repeated header and a margin.
        var sliceLimit = context.textHeight * 0.9
        for (r, row) in rows.enumerated() {
            if group == nil || (!row.header && structure[group!].role == .tableHeader) {
                group = structure.add(row.header ? .tableHeader : .tableBody, under: element)
            }
            let rowElement = structure.add(.tableRow, under: group!)
            let cells = (0..<columns).map { _ in structure.add(row.header ? .headerCell : .cell, under: rowElement) }
            let cellLines = try (0..<columns).map { c in
                if let picture = pictures[r][c] {
                    return [picture(cells[c], width: widths[c] - 2 * padding, structure: &structure)]
                }
                return try lines(c < row.cells.count ? row.cells[c] : StyledText(), column: c, table: table, width: widths[c],
                                 lineHeight: lineHeight)
            }
            // Split each cell's lines into slices no taller than the limit; most rows have one slice.
            let slices = cellLines.map { Self.slice($0, limit: sliceLimit - 2 * padding) }
            let sliceCount = max(slices.map(\.count).max() ?? 1, 1)
            for s in 0..<sliceCount {
                let rules = (top: r == 0 && s == 0, bottom: s == sliceCount - 1, heavy: row.header || r == rows.count - 1)
                var item = slice(slices.map { s < $0.count ? $0[s] : [] }, cells: cells, header: row.header, indent: indent,
                                 widths: widths, rules: rules)
                // A table breaks after at least three body rows and before at least two (a row's own slices may
                // always break): a short table moves whole to the next page.
                item.breakBefore = s > 0 || (r > (headerIndex == nil ? 0 : 1) + Self.rowsBeforeBreak - 1
                                             && r <= rows.count - Self.rowsAfterBreak)
                item.source = table.location
                if row.header {
                    headerIndex = out.count
                    sliceLimit = context.textHeight * 0.9 - item.height
                } else if let h = headerIndex {
                    item.repeatHeader = h - out.count
                }
                out.append(item)
            }
        }
        return out
    }

    /// The styled rows at the scale that fits the width (with a warning when smaller than 1), and column widths.
    private func fit(_ table: Table, columns: Int, width: Double, pictures: [[CellPicture?]]) throws
        -> (rows: [(cells: [StyledText], header: Bool)], scale: Double, widths: [Double]) {
        var scale = 1.0
        var rows = cells(table, scale: scale)
        var (minW, maxW) = try measure(rows, columns: columns, pictures: pictures)
        if minW.reduce(0, +) > width {
            scale = max(Self.minimumScale, width / minW.reduce(0, +))
            rows = cells(table, scale: scale)
            (minW, maxW) = try measure(rows, columns: columns, pictures: pictures)
            context.warn(Warning(.tableTooWide, "table is too wide for the page: its text is set at \(Int((scale * 100).rounded()))%\(minW.reduce(0, +) > width ? " and long words are broken" : "")", at: table.location))
        }
        return (rows, scale, Self.columnWidths(min: minW, max: maxW, available: width))
    }

    /// A cell's text set in its column.
    private func lines(_ text: StyledText, column c: Int, table: Table, width: Double, lineHeight: Double) throws -> [LineBox] {
        guard !text.isEmpty else { return [] }
        let align: Alignment = switch c < table.alignments.count ? table.alignments[c] : .none {
        case .center: .center
        case .right: .right
        default: .left
        }
        let spec = ParagraphSpec(width: max(1, width - 2 * padding), align: align, lineHeight: lineHeight,
                                 baseStyle: text.styles[0])
        let result = try cellLayout.layout(text, spec, times: &context.times)
        context.report(missing: result.missing, at: table.location)
        return result.lines
    }

    /// One slice of a row as a flow item: the header's shading, each cell's lines tagged with its cell, the rules.
    private func slice(_ parts: [[LineBox]], cells: [StructureID], header: Bool, indent: Double, widths: [Double],
                       rules: (top: Bool, bottom: Bool, heavy: Bool)) -> FlowItem {
        let pad = padding
        let height = (parts.map { $0.reduce(0) { $0 + $1.height } }.max() ?? 0) + 2 * pad
        let total = widths.reduce(0, +)
        var items: [DisplayItem] = []
        if header { items += DisplayItem.artifact(.shading, [.fill(Rect(x: indent, y: 0, width: total, height: height), style.headerShade.rgb)]) }
        var x = indent
        var footnotes: [Int] = []
        for (c, lines) in parts.enumerated() {
            var y = pad
            var cell: [DisplayItem] = []
            for line in lines {
                cell += line.items.map { $0.offset(dx: x + pad, dy: y) }
                footnotes += line.footnotes
                y += line.height
            }
            items += DisplayItem.tagged(cells[c], cell)
            x += widths[c]
        }
        let rule = style.ruleWidth.points, color = style.ruleColor.rgb
        if rules.top {
            items += DisplayItem.artifact(.rule, [.line(from: Point(x: indent, y: 0), to: Point(x: indent + total, y: 0), width: rule * 1.5, color: color)])
        }
        if rules.bottom {
            items += DisplayItem.artifact(.rule, [.line(from: Point(x: indent, y: height), to: Point(x: indent + total, y: height),
                                                        width: rules.heavy ? rule * 1.5 : rule * 0.6, color: color)])
        }
        var item = FlowItem(kind: .block, height: height, items: items, breakBefore: true)
        item.footnotes = footnotes
        return item
    }

    /// Styled cell texts, header row first, at a text scale.
    private func cells(_ table: Table, scale: Double) -> [(cells: [StyledText], header: Bool)] {
        var body = style.font
        body.size *= scale
        var head = body
        head.bold = true
        return (table.header.isEmpty ? [] : [(table.header.map { context.styled($0, head) }, true)])
            + table.rows.map { ($0.map { context.styled($0, body) }, false) }
    }

    /// Minimum (widest unbreakable piece) and preferred (one line) widths per column, padding included. A header
    /// cell counts for its column's minimum but not for the width it would like: a heading such as "Recommending
    /// State" over short names may wrap, leaving the width to a column of sentences; a column with nothing but its
    /// heading wants the heading's width.
    private func measure(_ rows: [(cells: [StyledText], header: Bool)], columns: Int, pictures: [[CellPicture?]]) throws -> ([Double], [Double]) {
        let pad = padding
        var minW = [Double](repeating: 0, count: columns), maxW = minW, headerW = minW
        for (r, row) in rows.enumerated() {
            for (c, text) in row.cells.enumerated() where c < columns {
                let m = try pictures[r][c].map { (min: min(CellPicture.narrowest, $0.natural), max: $0.natural) } ?? measure(text)
                minW[c] = max(minW[c], m.min + 2 * pad)
                if row.header { headerW[c] = max(headerW[c], m.max + 2 * pad) } else { maxW[c] = max(maxW[c], m.max + 2 * pad) }
            }
        }
        for c in 0..<columns { maxW[c] = maxW[c] > 2 * pad ? max(maxW[c], minW[c]) : max(headerW[c], minW[c]) }
        return (minW, maxW)
    }

    /// Lines grouped into slices of at most `limit` height (a line taller than the limit gets a slice alone).
    static func slice(_ lines: [LineBox], limit: Double) -> [[LineBox]] {
        var out: [[LineBox]] = [[]]
        var h = 0.0
        for line in lines {
            if h + line.height > limit, !out[out.count - 1].isEmpty { out.append([]); h = 0 }
            out[out.count - 1].append(line)
            h += line.height
        }
        return out
    }

    /// Column widths filling `available`: minimums first, the rest shared by how much each column wants more.
    static func columnWidths(min: [Double], max: [Double], available: Double) -> [Double] {
        let sumMax = max.reduce(0, +), sumMin = min.reduce(0, +)
        if sumMax <= available {
            // Everything fits on one line per cell: share the spare width in proportion to content.
            return max.map { $0 + (available - sumMax) * ($0 / Swift.max(sumMax, 0.001)) }
        }
        if sumMin >= available {
            return min.map { $0 * available / Swift.max(sumMin, 0.001) }
        }
        // Columns that want less than an equal share of the spare width get all they want (a date, a number, a
        // short name stays on one line); the rest is shared by how much the others want more.
        let want = zip(max, min).map { $0 - $1 }
        var widths = min
        var spare = available - sumMin
        var open = Set(want.indices)
        while true {
            let share = spare / Double(Swift.max(open.count, 1))
            let satisfied = open.filter { want[$0] <= share }
            if satisfied.isEmpty || satisfied.count == open.count { break }
            for c in satisfied { widths[c] = max[c]; spare -= want[c]; open.remove(c) }
        }
        let sumWant = open.reduce(0) { $0 + want[$1] }
        for c in open { widths[c] += spare * (want[c] / Swift.max(sumWant, 0.001)) }
        return widths
    }

    /// The widest unbreakable piece and the one-line width of a cell's text.
    private func measure(_ text: StyledText) throws -> (min: Double, max: Double) {
        guard !text.isEmpty else { return (0, 0) }
        let builder = ParagraphBuilder(selector: context.selector, cache: context.inline.cache, configuration: context.inline.configuration.plain)
        let items = try builder.build(text, maxWidth: 1e9).items
        var widest = 0.0, piece = 0.0, total = 0.0
        var bound = false   // after a break that only a lack of room takes ("2023년 10월" is one piece)
        for item in items {
            switch item {
            case .box(let b): piece += b.width; total += b.width; bound = false
            case .glue(let g):
                if bound { piece += g.width } else { widest = Swift.max(widest, piece); piece = 0 }
                total += g.width
            case .kern(let k): piece += k.width; total += k.width
            case .penalty(let p):
                // (Cells are measured without hyphenation; a discretionary would count as its ligature.)
                if let disc = p.disc { piece += disc.width(disc.nobreak); total += disc.width(disc.nobreak) }
                else if p.cost >= ParagraphBuilder.unitCost { bound = true }
                else if !p.emergency { widest = Swift.max(widest, piece); piece = 0 }
            }
        }
        return (Swift.max(widest, piece), total)
    }
}
