import FolioDisplay
import FolioModel

extension Collector {
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
            let figures = input.document.figures
            if l.figures.list && !figures.isEmpty {
                front.figureListTitle = plan.structure.add(.paragraph, under: root)
                let list = plan.structure.add(.contents, under: root)
                front.figureList = list
                for f in figures where front.figureEntries[f.anchor] == nil {
                    front.figureEntries[f.anchor] = plan.structure.add(.contentsEntry, under: list, name: f.anchor)
                }
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
