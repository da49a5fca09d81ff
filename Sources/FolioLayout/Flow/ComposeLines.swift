import FolioDisplay
import FolioModel

extension FlowComposer {
    /// A set paragraph's lines as flow items of one structure element, with the page-break rules for orphans and
    /// widows.
    func lines(_ result: InlineLayout.Result, at: SourceLocation, indent: Double, element: StructureID) -> [FlowItem] {
        let n = result.lines.count
        let orphans = max(1, layout.body.orphans), widows = max(1, layout.body.widows)
        return result.lines.enumerated().map { i, line in
            let orphan = i > 0 && i < orphans
            let widow = i > 0 && i > n - widows
            // A word is not broken across pages, nor parted from its gloss (TeX's \brokenpenalty, here a rule the
            // paginator gives up only when nothing else fits).
            let broken = i > 0 && result.lines[i - 1].partsWord
            var item = FlowItem(kind: .line, height: line.height,
                                items: DisplayItem.tagged(element, line.items, dx: indent),
                                breakBefore: !(orphan || widow || broken))
            item.footnotes = line.footnotes
            item.source = at
            for note in line.footnotes where noteReferrers[note] == nil { noteReferrers[note] = element }
            return item
        }
    }

    /// The result of a collected job, recorded as set.
    func take(_ job: Int) throws -> InlineLayout.Result {
        let result = try outcomes[job].get()
        // The faces' first use is said in the layout's order, whichever thread set the paragraph.
        for face in result.faces { context.selector.use(face) }
        record(result, at: plan.jobs[job].location)
        return result
    }

    /// A paragraph that is not part of the body (title block, cover, contents title), set now, balanced.
    func paragraph(_ text: StyledText, at: SourceLocation, width: Double, leading: Double, element: StructureID) throws -> [FlowItem] {
        guard !text.isEmpty else { return [] }
        var spec = Collector.spec(text, width: width, align: .left, leading: leading, layout: layout)
        spec.balanced = true
        let result = try context.inline.layout(text, spec, times: &context.times)
        record(result, at: at)
        return lines(result, at: at, indent: 0, element: element)
    }

    private func record(_ result: InlineLayout.Result, at: SourceLocation) {
        context.paragraphs += 1
        context.report(missing: result.missing, at: at)
        if result.emergencyBreaks > 0 {
            context.emergencyBreaks += result.emergencyBreaks
            // The line ends say where to look; a paragraph of thousands of lines (a long URL) names the first few.
            let shown = 12, ends = result.lines.dropLast().prefix(shown).map { lineTextTail($0) }
            let more = result.lines.count - 1 > shown ? " | … (\(result.lines.count - 1 - shown) more lines)" : ""
            context.emergencyNotes.append(Warning(.wordBroken, "\(result.emergencyBreaks) line(s) broken inside a word (\(result.composer)); line ends: \(ends.joined(separator: " | "))\(more)", at: at))
        }
        context.lineStats.record(result.lines, at: at)
    }

    /// Each note set as lines: the number hangs in the indent and links back to its reference.
    func notes() throws -> [Int: [FlowItem]] {
        let fn = layout.footnotes
        let indent = Collector.footnoteIndent(layout)
        var out: [Int: [FlowItem]] = [:]
        for note in plan.notes {
            guard let job = note.job else { continue }
            let result = try take(job)
            var lines = self.lines(result, at: plan.jobs[job].location, indent: indent, element: note.element)
            if lines.isEmpty { continue }
            if let mark = try context.label("\(note.number)", SpanStyle(font: fn.font, link: .destination("fnref-\(note.number)")),
                                            width: indent, lineHeight: lines[0].height) {
                lines[0].items += DisplayItem.tagged(note.labelElement, mark.items)
            }
            lines[0].items.append(.destination(name: "fn-\(note.number)", at: Point(x: 0, y: 0)))
            lines[0].landmarks.append(.noteStart(note.number))
            lines[lines.count - 1].height += fn.spacing.points
            // A note is read as a whole: keep its first two lines together.
            for i in lines.indices { lines[i].breakBefore = i == 0 || i >= 2 }
            out[note.number] = lines
        }
        return out
    }

    /// Places each footnote in the structure after the element that first refers to it (its reading order): after
    /// the inline elements of that element, so once finalize has made them.
    func placeFootnotes(in tree: inout StructureTree) {
        for note in plan.notes {
            if let referrer = noteReferrers[note.number] { tree.move(note.element, under: referrer) }
        }
    }

    /// Title, subtitle, organisations and date at the top of the first page, closed by a rule.
    func titleBlock(_ input: EditionInput) throws -> [FlowItem] {
        let tb = layout.titleBlock
        let width = context.textWidth
        let at = SourceLocation(file: input.document.file, line: 0, column: 0)
        var elements = front.titleLines.makeIterator()
        var out: [FlowItem] = []
        func add(_ text: String, _ style: TextStyle, leading: Double, after: Double) throws {
            var styled = StyledText()
            styled.append(text, SpanStyle(font: style))
            out += try paragraph(styled, at: at, width: width, leading: leading, element: elements.next()!)
            out.append(.space(after))
        }
        try add(input.title, tb.title, leading: 1.25, after: tb.title.size * 0.5)
        if let subtitle = input.subtitle { try add(subtitle, tb.subtitle, leading: 1.35, after: tb.subtitle.size * 0.6) }
        try add(input.organizations.joined(separator: " · "), tb.meta, leading: 1.4, after: 0)
        let contacts = Collector.contacts(input)
        if !contacts.isEmpty { try add(contacts, tb.meta, leading: 1.4, after: 0) }
        try add(input.date, tb.meta, leading: 1.4, after: 0)
        out.append(.space(tb.spaceAfter.points * 0.5))
        out.append(.rule(from: Point(x: 0, y: 0.5), to: Point(x: width, y: 0.5), width: 0.8, color: RGB(r: 0.2, g: 0.2, b: 0.2)))
        out.append(.space(tb.spaceAfter.points * 0.5))
        for i in out.indices { out[i].breakBefore = false }
        return out
    }

    /// Endnotes: a heading and every note, in order.
    func endnotes(_ input: EditionInput, notes: [Int: [FlowItem]]) throws -> [FlowItem] {
        guard !notes.isEmpty, let element = front.endnotes else { return [] }
        let h1 = layout.h1
        let title = layout.footnotes.heading.text(for: input.language)
        var styled = StyledText()
        styled.append(title, SpanStyle(font: h1.font))
        var out: [FlowItem] = [.space(h1.spaceBefore.points)]
        var heading = try paragraph(styled, at: SourceLocation(file: input.document.file, line: 0, column: 0),
                                    width: context.textWidth, leading: h1.leading, element: element)
        if !heading.isEmpty {
            heading[0].items.append(.destination(name: "endnotes", at: Point(x: 0, y: 0)))
            heading[0].landmarks.append(.heading(HeadingMark(anchor: "endnotes", level: 1, title: title)))
        }
        out += heading
        var after = FlowItem.space(h1.spaceAfter.points)
        after.breakBefore = false
        out.append(after)
        let headingEnd = out.count
        for n in notes.keys.sorted() { out += notes[n]! }
        // The heading keeps with the first note (and, through the note's own rule, its second line).
        if headingEnd < out.count { out[headingEnd].breakBefore = false }
        return out
    }
}
