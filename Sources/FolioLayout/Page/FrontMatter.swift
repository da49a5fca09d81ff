import FolioDisplay
import FolioModel

/// The cover page and the table of contents, as flow items.
struct FrontMatter {
    let composer: FlowComposer
    var context: LayoutContext { composer.context }
    var layout: Layout { context.layout }

    /// A cover page from report.yaml: title, subtitle, organisations with their logos, date; then a page break.
    func cover(_ input: EditionInput) throws -> [FlowItem] {
        let c = layout.cover
        let width = context.textWidth
        let at = SourceLocation(file: input.document.file, line: 0, column: 0)
        var out: [FlowItem] = []
        // Logos in a row at the top.
        if !input.logos.isEmpty {
            let h = c.logoHeight.points
            var x = 0.0
            var items: [DisplayItem] = []
            for (logo, element) in zip(input.logos, composer.front.coverLogos) {
                let w = logo.image.width * h / max(logo.image.height, 0.01)
                items += DisplayItem.tagged(element, [.image(ImageRef(path: logo.image.path, format: logo.image.format),
                                                             Rect(x: x, y: 0, width: w, height: h))])
                x += w + h * 0.6
            }
            out.append(FlowItem(kind: .block, height: h, items: items, breakBefore: false))
        }
        let used = out.reduce(0) { $0 + $1.height }
        // A block, not a space: spaces at the top of a page are dropped.
        out.append(FlowItem(kind: .block, height: max(0, c.titleTop.points - layout.page.marginTop.points - used), items: [], breakBefore: false))
        var elements = composer.front.coverLines.makeIterator()
        func add(_ text: String, _ style: TextStyle, leading: Double, after: Double) throws {
            var styled = StyledText()
            styled.append(text, SpanStyle(font: style))
            out += try composer.paragraph(styled, at: at, width: width * 0.85, leading: leading, element: elements.next()!)
            out.append(.space(after))
        }
        try add(input.title, c.title, leading: 1.2, after: c.title.size * 0.8)
        if let subtitle = input.subtitle { try add(subtitle, c.subtitle, leading: 1.35, after: c.subtitle.size * 2) }
        var rule = FlowItem.rule(from: Point(x: 0, y: 0.5), to: Point(x: width * 0.25, y: 0.5), width: 1.5, color: c.title.color.rgb)
        rule.breakBefore = false
        out.append(rule)
        out.append(.space(c.meta.size * 1.5))
        var contactStyle = c.meta
        contactStyle.size *= 0.85
        for (i, name) in input.organizations.enumerated() {
            try add(name, c.meta, leading: 1.4, after: 0)
            let contact = Collector.contact(input, i)
            if !contact.isEmpty { try add(contact, contactStyle, leading: 1.4, after: c.meta.size * 0.4) }
        }
        out.append(.space(c.meta.size))
        try add(input.date, c.meta, leading: 1.4, after: 0)
        for i in out.indices { out[i].breakBefore = false; out[i].keepOnPage = true }
        out.append(.pageBreak)
        return out
    }

    /// The table of contents: one line per heading down to the layout's depth, with leaders and the page
    /// number from the last pass, each line a link to its heading.
    func contents(_ headings: [(level: Int, text: String, anchor: String)], figures: [(anchor: String, text: String)] = [],
                  pages: [String: String], language: String) throws -> [FlowItem] {
        let t = layout.contents
        let width = context.textWidth
        var title = StyledText()
        title.append(t.title.text(for: language), SpanStyle(font: layout.h1.font))
        var out = try composer.paragraph(title, at: SourceLocation(file: "contents", line: 0, column: 0), width: width,
                                         leading: layout.h1.leading, element: composer.front.contentsTitle!)
        out.append(.space(layout.h1.spaceAfter.points * 1.5))
        for h in headings where h.level <= t.depth {
            guard let element = composer.front.contentsEntries[h.anchor] else { continue }
            if h.level == 1 && !out.isEmpty { out.append(.space(t.font.size * 0.5)) }
            out += try entryLines(h, page: pages[h.anchor] ?? "", element: element)
        }
        if let listTitle = composer.front.figureListTitle, !figures.isEmpty {
            // The list of figures: a second title, then one entry per figure ("Figure 3. …"), set like headings of level 2.
            var title = StyledText()
            title.append(layout.figures.listTitle.text(for: language), SpanStyle(font: layout.h2.font))
            out.append(.space(layout.h1.spaceBefore.points))
            out += try composer.paragraph(title, at: SourceLocation(file: "contents", line: 0, column: 0), width: width,
                                          leading: layout.h2.leading, element: listTitle)
            out.append(.space(layout.h2.spaceAfter.points))
            for f in figures {
                guard let element = composer.front.figureEntries[f.anchor] else { continue }
                out += try entryLines((level: 2, text: f.text, anchor: f.anchor), page: pages[f.anchor] ?? "", element: element, indented: false)
            }
        }
        if t.pageBreakAfter { out.append(.pageBreak) }
        return out
    }

    /// The lines of one entry, each one link (one annotation, one Link element) over the text block's width.
    private func entryLines(_ h: (level: Int, text: String, anchor: String), page: String, element: StructureID,
                            indented: Bool = true) throws -> [FlowItem] {
        let width = context.textWidth
        let indent = indented ? Double(h.level - 1) * layout.contents.font.size * 1.5 : 0
        let lines = try entry(h, page: page, width: width, indent: indent)
        let target = LinkTarget.destination(h.anchor)
        return lines.enumerated().map { i, line in
            var items: [DisplayItem] = [.begin(.inline(.link(target)))]
            items += line.items.map { $0.offset(dx: indent, dy: 0) }
            items += [.link(Rect(x: indent, y: 0, width: width - indent, height: line.height), target), .end]
            return FlowItem(kind: .line, height: line.height, items: DisplayItem.tagged(element, items), breakBefore: i == 0)
        }
    }

    /// A contents entry's lines: the heading's text, then on its last line leader dots and the page number.
    private func entry(_ h: (level: Int, text: String, anchor: String), page: String, width: Double, indent: Double) throws -> [LineBox] {
        let t = layout.contents
        var font = t.font
        if h.level == 1 { font.bold = true }
        let numberWidth = t.font.size * 2.6
        var text = StyledText()
        text.append(h.text, SpanStyle(font: font))
        let spec = ParagraphSpec(width: width - indent - numberWidth - t.font.size, align: .left, lineHeight: t.font.size * 1.45,
                                 baseStyle: SpanStyle(font: font))
        var lines = try context.inline.layout(text, spec).lines
        guard !lines.isEmpty else { return [] }
        let last = lines.count - 1
        if let n = try context.label(page, SpanStyle(font: font), width: numberWidth, align: .right,
                                     lineHeight: lines[last].height) {
            lines[last].items += n.items.map { $0.offset(dx: width - indent - numberWidth, dy: 0) }
            lines[last].items += DisplayItem.artifact(.leader, try leaders(
                from: lines[last].contentWidth + t.font.size * 0.5,
                to: width - indent - numberWidth + (numberWidth - n.contentWidth) - t.font.size * 0.5,
                baseline: lines[last].baseline, font: t.font))
        }
        return lines
    }

    /// Leader dots between `from` and `to`, on a grid so that the dots of all entries line up.
    private func leaders(from: Double, to: Double, baseline: Double, font: TextStyle) throws -> [DisplayItem] {
        let leader = layout.contents.leader
        guard !leader.isEmpty, to - from > font.size else { return [] }
        guard let dot = try context.label(leader, SpanStyle(font: font), width: 100, lineHeight: 10),
              case .glyphs(var run)? = dot.items.first(where: { if case .glyphs = $0 { return true } else { return false } }) else { return [] }
        let pitch = font.size * 0.55
        var x = (from / pitch).rounded(.up) * pitch
        let template = run.glyphs
        run.glyphs = []
        run.clusters = []
        run.text = ""
        run.origin = Point(x: x, y: baseline - (dot.baseline - run.origin.y))
        let start = x
        while x + pitch <= to {
            run.glyphs += template.map { PlacedGlyph(id: $0.id, x: $0.x + x - start, y: $0.y) }
            run.clusters.append(TextCluster(bytes: leader.utf8.count, glyphs: template.count))
            run.text += leader
            x += pitch
        }
        run.width = x - start
        return run.glyphs.isEmpty ? [] : [.glyphs(run)]
    }
}
