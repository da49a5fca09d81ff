import FolioDisplay
import FolioImages
import FolioModel

/// Where a block sits: inside quotes or lists, which changes its style, numbering and markers.
struct BlockPosition {
    var inQuote = false
    var listLevel = 0
    var inList = false
}

/// The collect stage: walks an edition's document once, in reading order. It decides each block's style, width,
/// paragraph number and structure element (all of which depend on what came before), and makes every paragraph,
/// heading and note to set a job, so that the inline stages can run on every core before compose assembles the flow.
struct Collector {
    let context: LayoutContext
    var plan = FlowPlan()
    /// The images the Markdown names, checked by the engine, by the path as written.
    var images: [String: ImageInfo] = [:]
    private var paragraphNumber = 1
    /// Whether the current top-level section is numbered (numbered paragraphs may skip sections).
    private var numberingSection = true
    var layout: Layout { context.layout }

    static func collect(_ input: EditionInput, context: LayoutContext) -> FlowPlan {
        var c = Collector(context: context)
        c.images = input.images
        c.plan.images = input.images
        let front = c.frontElements(input)
        c.plan.front = front
        let root = c.plan.structure.root
        c.plan.body = c.blocks(input.document.blocks, indent: 0, width: context.textWidth, position: BlockPosition(), parent: root)
        c.collectNotes(input.document.footnotes)
        return c.plan
    }

    private mutating func element(_ role: StructureRole, _ parent: StructureID, name: String? = nil) -> StructureID {
        plan.structure.add(role, under: parent, name: name)
    }

    /// A job for a paragraph's text set `width` wide, and its index; nil for no text.
    mutating func job(_ text: StyledText, at: SourceLocation, width: Double, align: Alignment, leading: Double) -> Int? {
        guard !text.isEmpty else { return nil }
        plan.jobs.append(ParagraphJob(text: text, spec: Self.spec(text, width: width, align: align, leading: leading, layout: layout),
                                      location: at))
        return plan.jobs.count - 1
    }

    /// The spec a paragraph is set with: its line height from its largest style.
    static func spec(_ text: StyledText, width: Double, align: Alignment, leading: Double, layout: Layout) -> ParagraphSpec {
        let size = text.styles.first?.font.size ?? layout.body.font.size
        let base = text.styles.first(where: { !$0.superscript }) ?? SpanStyle(font: layout.body.font)
        return ParagraphSpec(width: width, align: align, lineHeight: max(size, base.font.size) * leading, baseStyle: base)
    }

    private mutating func blocks(_ blocks: [Block], indent: Double, width: Double, position: BlockPosition,
                                 parent: StructureID) -> [PlannedBlock] {
        blocks.map { block($0, indent: indent, width: width, position: position, parent: parent) }
    }

    private mutating func block(_ block: Block, indent: Double, width: Double, position: BlockPosition,
                                parent: StructureID) -> PlannedBlock {
        switch block {
        case .heading(let h):
            return heading(h, indent: indent, width: width, parent: parent)
        case .paragraph(let inlines, let at):
            return paragraph(inlines, at: at, indent: indent, width: width, position: position, parent: parent)
        case .list(let list):
            return .list(self.list(list, indent: indent, width: width, position: position, parent: parent))
        case .quote(let inner, _):
            let q = layout.quote
            var inside = position
            inside.inQuote = true
            let id = element(.quote, parent)
            let step = q.indent.points + q.indentRight.points
            // Nested past the floor, the quote keeps the measure and its rule stands the usual distance before the text.
            let stepped = mayNest(width: width, by: step)
            return .quote(blocks(inner, indent: stepped ? indent + q.indent.points : indent, width: stepped ? width - step : width,
                                 position: inside, parent: id), indent: stepped ? indent : indent - q.indent.points)
        case .table(let table):
            return .table(table, indent: indent, width: width, element: element(.table, parent))
        case .code(let code, let at):
            var text = StyledText()
            text.append(code.hasSuffix("\n") ? String(code.dropLast()) : code, SpanStyle(font: layout.code))
            let id = element(.code, parent)
            return .paragraph(PlannedParagraph(job: job(text, at: at, width: width, align: .left, leading: 1.3), indent: indent, element: id))
        case .rule:
            return .rule(indent: indent, width: width)
        case .pageBreak:
            return .pageBreak
        case .figure(let f):
            return figure(f, indent: indent, width: width, parent: parent)
        }
    }

    private mutating func heading(_ h: Heading, indent: Double, width: Double, parent: StructureID) -> PlannedBlock {
        if h.level == 1 {
            numberingSection = !layout.numberedParagraphs.skipSections.contains(h.content.plainText)
        }
        let style = layout.heading(h.level)
        let id = element(.heading(level: h.level), parent, name: h.anchor)
        let j = job(context.styled(h.content, style.font), at: h.location, width: width, align: .left, leading: style.leading)
        if let j { plan.jobs[j].spec.balanced = true }
        return .heading(PlannedParagraph(job: j, indent: indent, element: id),
                        HeadingMark(anchor: h.anchor, level: h.level, title: h.content.plainText), style)
    }

    /// A paragraph of the body (also the alternative text of an image that could not be placed).
    mutating func paragraphBlock(_ inlines: [Inline], at: SourceLocation, indent: Double, width: Double, parent: StructureID) -> PlannedBlock {
        paragraph(inlines, at: at, indent: indent, width: width, position: BlockPosition(), parent: parent)
    }

    private mutating func paragraph(_ inlines: [Inline], at: SourceLocation, indent: Double, width: Double,
                                    position: BlockPosition, parent: StructureID) -> PlannedBlock {
        let (style, align, attribution) = Self.paragraphStyle(inlines, inQuote: position.inQuote, layout: layout)
        let number = attribution ? nil : nextParagraphNumber(position)
        let np = layout.numberedParagraphs
        var text = context.styled(inlines, style)
        if let number, np.position == .inline, !text.isEmpty {
            var numbered = StyledText()
            numbered.append("\(number). ", SpanStyle(font: np.font))
            for (i, s) in text.scalars.enumerated() { numbered.append(String(s), text.styles[Int(text.styleOf[i])]) }
            text = numbered
        }
        let id = element(.paragraph, parent)
        var planned = PlannedParagraph(job: job(text, at: at, width: width, align: align, leading: layout.body.leading),
                                       indent: indent, element: id)
        if let number, np.position == .margin, planned.job != nil {
            planned.marginNumber = (number, element(.label, id))
        }
        return .paragraph(planned)
    }

    /// The number for a body paragraph, when the layout numbers paragraphs here.
    private mutating func nextParagraphNumber(_ position: BlockPosition) -> Int? {
        let np = layout.numberedParagraphs
        guard np.enabled, numberingSection else { return nil }
        if position.inQuote && !np.quotes { return nil }
        if position.inList && !np.lists { return nil }
        defer { paragraphNumber += 1 }
        return paragraphNumber
    }

    /// A paragraph block's style and alignment, and whether it is a testimony's attribution (in a quote, starting
    /// with a dash: upright, smaller, set right, never numbered).
    static func paragraphStyle(_ inlines: [Inline], inQuote: Bool, layout: Layout) -> (style: TextStyle, align: Alignment, attribution: Bool) {
        var style = inQuote ? layout.quote.font : layout.body.font
        guard inQuote, case .text(let t)? = inlines.first, t.hasPrefix("—") || t.hasPrefix("―") else {
            return (style, layout.body.align, false)
        }
        style.italic = false; style.size *= 0.92
        return (style, .right, true)
    }

    /// The share of the text width below which a nested list or quote is not indented further: blocks nested deeper
    /// than the page allows keep the measure of the level above (their structure keeps every level), so that their
    /// text stays set in words and costs what it holds, rather than a letter a line.
    static let minimumMeasure = 1.0 / 3.0

    /// Whether a block nested in `width` may take `step` more off its measure.
    private func mayNest(width: Double, by step: Double) -> Bool {
        width - step >= context.textWidth * Self.minimumMeasure
    }

    private mutating func list(_ list: ListBlock, indent: Double, width: Double, position: BlockPosition,
                               parent: StructureID) -> PlannedList {
        // Nested past the floor, the items stand where the enclosing items do, their markers hanging before them.
        let itemIndent = mayNest(width: width, by: layout.list.indent.points) ? layout.list.indent.points : 0
        var inner = position
        inner.inList = true
        inner.listLevel = position.inList ? position.listLevel + 1 : 0
        let level = inner.listLevel
        let id = element(.list(ordered: list.ordered), parent)
        var items: [PlannedList.Item] = []
        for (n, blocks) in list.items.enumerated() {
            let item = element(.listItem, id)
            let label = element(.label, item)
            let body = element(.listBody, item)
            let planned = self.blocks(blocks, indent: indent + itemIndent, width: width - itemIndent, position: inner, parent: body)
            let text = list.ordered ? layout.list.numbering(level: level).label(list.start + n) : layout.list.bullet(level: level)
            items.append(PlannedList.Item(blocks: planned, label: text, labelElement: label))
        }
        return PlannedList(items: items, tight: list.tight, itemStart: indent + itemIndent,
                           markerFont: position.inQuote ? layout.quote.font : layout.body.font)
    }
}
