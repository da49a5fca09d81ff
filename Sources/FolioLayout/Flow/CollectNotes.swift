import FolioDisplay
import FolioModel

extension Collector {
    /// How far note text is indented: the number sits in the indent.
    static func footnoteIndent(_ layout: Layout) -> Double { layout.footnotes.font.size * 1.8 }

    /// Every note as a job. Endnotes follow their heading; footnotes are placed in the structure after the
    /// paragraph that first refers to them once compose knows which that is.
    mutating func collectNotes(_ footnotes: [Footnote]) {
        let fn = layout.footnotes
        let indent = Self.footnoteIndent(layout)
        if fn.placement == .endnotes, !footnotes.isEmpty {
            plan.front.endnotes = plan.structure.add(.heading(level: 1), under: plan.structure.root, name: "endnotes")
        }
        for note in footnotes {
            let id = plan.structure.add(.note(number: note.number), under: plan.structure.root, name: "fn-\(note.number)")
            let label = plan.structure.add(.label, under: id)
            let text = Self.footnoteText(note, context: context)
            let job = text.isEmpty ? nil : appendJob(ParagraphJob(
                text: text, spec: Self.spec(text, width: context.textWidth - indent, align: layout.body.align, leading: fn.leading,
                                            layout: layout),
                location: note.location))
            plan.notes.append(PlannedNote(number: note.number, job: job, element: id, labelElement: label))
        }
    }

    private mutating func appendJob(_ job: ParagraphJob) -> Int {
        plan.jobs.append(job)
        return plan.jobs.count - 1
    }

    /// A note's blocks as one paragraph of text in the notes' font.
    static func footnoteText(_ note: Footnote, context: LayoutContext) -> StyledText {
        var inlines: [Inline] = []
        for (i, block) in note.blocks.enumerated() {
            if i > 0 { inlines.append(.lineBreak) }
            if case .paragraph(let content, _) = block { inlines += content }
            else { inlines.append(.text(plain(block))) }
        }
        return context.styled(inlines, context.layout.footnotes.font)
    }

    private static func plain(_ block: Block) -> String {
        switch block {
        case .paragraph(let c, _): c.plainText
        case .heading(let h): h.content.plainText
        case .code(let s, _): s
        case .list(let l): l.items.flatMap { $0 }.map(plain).joined(separator: " ")
        case .quote(let b, _): b.map(plain).joined(separator: " ")
        case .table(let t): t.rows.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case .rule, .pageBreak: ""
        }
    }

    /// The front matter's elements, made first so that they come first in reading order: the cover, the
    /// contents, the title block.
    mutating func frontElements(_ input: EditionInput) -> FrontElements {
        var front = FrontElements()
        let root = plan.structure.root
        let l = input.layout
        if l.cover.enabled {
            front.coverLogos = input.logos.map { plan.structure.add(.figure(alt: $0.alt), under: root) }
            front.coverLines = [plan.structure.add(.title, under: root)]
            if input.subtitle != nil { front.coverLines.append(plan.structure.add(.paragraph, under: root)) }
            for i in input.organizations.indices {
                front.coverLines.append(plan.structure.add(.paragraph, under: root))
                if !Self.contact(input, i).isEmpty { front.coverLines.append(plan.structure.add(.paragraph, under: root)) }
            }
            front.coverLines.append(plan.structure.add(.paragraph, under: root))
        }
        if l.contents.enabled {
            front.contentsTitle = plan.structure.add(.paragraph, under: root)
            let toc = plan.structure.add(.contents, under: root)
            front.contents = toc
            for h in input.document.headings where h.level <= l.contents.depth && front.contentsEntries[h.anchor] == nil {
                front.contentsEntries[h.anchor] = plan.structure.add(.contentsEntry, under: toc, name: h.anchor)
            }
        }
        if !l.cover.enabled {
            front.titleLines = [plan.structure.add(.title, under: root)]
            if input.subtitle != nil { front.titleLines.append(plan.structure.add(.paragraph, under: root)) }
            front.titleLines.append(plan.structure.add(.paragraph, under: root))
            if !Self.contacts(input).isEmpty { front.titleLines.append(plan.structure.add(.paragraph, under: root)) }
            front.titleLines.append(plan.structure.add(.paragraph, under: root))
        }
        return front
    }

    /// Organisation `i`'s web site and contact line, and all of them on one line (for the title block).
    static func contact(_ input: EditionInput, _ i: Int) -> String { i < input.contacts.count ? input.contacts[i] : "" }
    static func contacts(_ input: EditionInput) -> String { input.contacts.filter { !$0.isEmpty }.joined(separator: " · ") }
}
