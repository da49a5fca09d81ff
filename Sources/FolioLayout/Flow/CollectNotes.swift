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
            let index = job(Self.footnoteText(note, context: context), at: note.location, width: context.textWidth - indent,
                            align: layout.body.align, leading: fn.leading)
            if let index { plan.jobs[index].spec.raggedWhenURLStretches = true }
            plan.notes.append(PlannedNote(number: note.number, job: index, element: id, labelElement: label))
        }
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
        case .figure(let f): f.caption.plainText
        case .rule, .pageBreak: ""
        }
    }
}
