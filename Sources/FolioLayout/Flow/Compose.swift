import FolioDisplay
import FolioModel

/// The compose stage: turns the collected plan and the set paragraphs into the vertical flow. Lines get the
/// page-break rules for orphans and widows, headings keep with their text, list labels hang before their item,
/// quotes get their rule, tables are set row by row, notes get their numbers. Every item's content is tagged with
/// its structure element; rules and shading are artifacts.
final class FlowComposer {
    let context: LayoutContext
    let plan: FlowPlan
    let outcomes: [ParagraphJobs.Outcome]
    /// The plan's structure tree, with the elements compose adds (table rows and cells) and notes moved.
    var structure: StructureTree
    /// The element that first refers to each footnote.
    var noteReferrers: [Int: StructureID] = [:]
    /// How deep in lists compose is (1 inside a top-level list).
    private var listDepth = 0
    var layout: Layout { context.layout }

    init(context: LayoutContext, plan: FlowPlan, outcomes: [ParagraphJobs.Outcome]) {
        self.context = context; self.plan = plan; self.outcomes = outcomes; self.structure = plan.structure
    }

    var front: FrontElements { plan.front }

    /// The body's flow items.
    func body() throws -> [FlowItem] { try blocks(plan.body) }

    /// The blocks' flow items; `spacing` between them (the paragraph spacing unless given: a tight list item's
    /// blocks are as far apart as its items, so a nested list has as much space before it as after it).
    private func blocks(_ blocks: [PlannedBlock], spacing given: Double? = nil) throws -> [FlowItem] {
        var out: [FlowItem] = []
        let spacing = given ?? layout.body.paragraphSpacing.points
        var keepNext = false
        for (i, block) in blocks.enumerated() {
            // After a heading, the next block starts without spacing and must not break from it; after a paragraph
            // that ends with a colon, it keeps with it (the text it introduces, within its own keeps).
            var afterHeading = false
            if i > 0, case .heading = blocks[i - 1] { afterHeading = true }
            let first = i == 0 || afterHeading
            let keep = afterHeading || (i > 0 && introduces(blocks[i - 1]))
            let start = out.count
            switch block {
            case .heading(let p, let mark, let style):
                out += try heading(p, mark, style)
            case .paragraph(let p):
                if !first { out.append(.space(spacing)) }
                out += try paragraph(p)
            case .list(let list):
                if !first { out.append(.space(spacing)) }
                out += try self.list(list)
            case .quote(let inner, let indent):
                if !first { out.append(.space(spacing)) }
                out += try quote(inner, indent: indent)
            case .table(let table, let indent, let width, let element):
                if !first { out.append(.space(spacing * 1.5)) }
                let rows = try TableLayout(context: context, images: plan.images).layout(table, indent: indent, width: width, element: element,
                                                                    structure: &structure)
                for row in rows { for note in row.footnotes where noteReferrers[note] == nil { noteReferrers[note] = element } }
                out += rows
            case .rule(let indent, let width):
                out.append(.space(spacing))
                out.append(.rule(from: Point(x: indent + width * 0.35, y: 0.5), to: Point(x: indent + width * 0.65, y: 0.5),
                                 width: 0.5, color: RGB(r: 0.5, g: 0.5, b: 0.5)))
                out.append(.space(spacing))
            case .pageBreak:
                out.append(.pageBreak)
            case .figure(let f):
                // The paginator puts the space around a figure, wherever it lands.
                out.append(try figure(f))
            }
            if keep {
                var k = start
                while k < out.count { out[k].breakBefore = false; if out[k].kind != .space { break }; k += 1 }
                if !afterHeading, start < out.count { out[start].weakKeep = true }
            }
            // A figure stands outside the text: what keeps with it keeps with the block after it.
            if case .figure = block, keep { keepNext = true } else if keepNext, !(block.isFigure) {
                var k = start
                while k < out.count { out[k].breakBefore = false; if out[k].kind != .space { break }; k += 1 }
                keepNext = false
            }
        }
        return out
    }

    /// Whether a block is a paragraph ending with a colon, which introduces what follows.
    private func introduces(_ block: PlannedBlock) -> Bool {
        guard case .paragraph(let p) = block, let job = p.job else { return false }
        let last = plan.jobs[job].text.scalars.last { !$0.properties.isWhitespace }
        return last == ":" || last == "："
    }

    /// The lines of a collected paragraph, with its number in the margin if it has one.
    private func paragraph(_ p: PlannedParagraph) throws -> [FlowItem] {
        guard let job = p.job else { return [] }
        let result = try take(job)
        var items = lines(result, at: plan.jobs[job].location, indent: p.indent, element: p.element)
        if let (number, label) = p.marginNumber, let firstLine = result.lines.first {
            let np = layout.numberedParagraphs
            if let mark = try context.label("\(number).", SpanStyle(font: np.font), width: 60, lineHeight: firstLine.height) {
                let gap = layout.body.font.size * 0.8
                items[0].items += DisplayItem.tagged(label, mark.items, dx: p.indent - gap - mark.contentWidth,
                                                     dy: firstLine.baseline - mark.baseline)
            }
        }
        return items
    }

    private func heading(_ p: PlannedParagraph, _ mark: HeadingMark, _ style: HeadingStyle) throws -> [FlowItem] {
        var items = try paragraph(p)
        guard !items.isEmpty else { return [] }
        items[0].items.append(.destination(name: mark.anchor, at: Point(x: p.indent, y: 0)))
        items[0].landmarks.append(.heading(mark))
        for i in items.indices { items[i].breakBefore = i == 0; items[i].isHeading = true }
        var after = FlowItem.space(style.spaceAfter.points)
        after.breakBefore = false
        return [.space(style.spaceBefore.points)] + items + [after]
    }

    private func list(_ list: PlannedList) throws -> [FlowItem] {
        var out: [FlowItem] = []
        let f = list.markerFont
        let markerStyle = SpanStyle(font: TextStyle(family: f.family, size: f.size, bold: false, italic: false, color: f.color))
        listDepth += 1
        defer { listDepth -= 1 }
        var starts: [Int] = []
        for (n, item) in list.items.enumerated() {
            starts.append(out.count)
            if n > 0 { out.append(.space(list.tight ? layout.list.itemSpacing.points : layout.body.paragraphSpacing.points)) }
            var content = try blocks(item.blocks, spacing: list.tight ? layout.list.itemSpacing.points : nil)
            guard let firstLine = content.firstIndex(where: { $0.kind == .line }) else { out += content; continue }
            if let marker = try context.label(item.label, markerStyle, base: f, width: layout.list.indent.points * 3,
                                              lineHeight: content[firstLine].height) {
                // Right-align numbers and bullets against the item text, a fixed gap away (a hanging marker).
                let dx = list.itemStart - layout.body.font.size * 0.45 - marker.contentWidth
                let dy = baselineOf(content[firstLine]) - marker.baseline
                content[firstLine].items += DisplayItem.tagged(item.labelElement, marker.items, dx: dx, dy: dy)
            }
            out += content
        }
        if listDepth > 1 { keepItems(&out, starts: starts) }
        return out
    }

    /// A nested list keeps its first items and its last ones together (as many as a paragraph's orphans and widows
    /// lines), so that a page break never leaves one of its items alone on either page; inside an item, the lines'
    /// own rules hold.
    private func keepItems(_ out: inout [FlowItem], starts: [Int]) {
        let first = max(1, layout.body.orphans), last = max(1, layout.body.widows)
        for (n, start) in starts.enumerated() where n > 0 && (n < first || n > starts.count - last) {
            var k = start
            while k < out.count { out[k].breakBefore = false; if out[k].kind != .space { break }; k += 1 }
        }
    }

    private func quote(_ inner: [PlannedBlock], indent: Double) throws -> [FlowItem] {
        let q = layout.quote
        var items = try blocks(inner)
        if q.rule {
            let x = indent + q.indent.points * 0.45
            for i in items.indices where items[i].kind != .space || items[i].height > 0 {
                items[i].items += DisplayItem.artifact(.rule, [.line(from: Point(x: x, y: 0), to: Point(x: x, y: items[i].height),
                                                                     width: 1.2, color: q.ruleColor.rgb)])
            }
        }
        return items
    }
}
