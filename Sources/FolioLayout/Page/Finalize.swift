import FolioDisplay
import FolioModel

/// The finalize stage: the display list of each page (body and notes placed in the text block, the footnote rule,
/// running heads and feet), the outline, and the page map with its preview boxes.
struct Finalizer {
    let context: LayoutContext
    /// The structure tree, which gains the inline elements of the placed lines.
    var structure: StructureTree
    let run: RunRecord
    let pageRun: PageRun
    let furniture: PageFurniture
    var layout: Layout { context.layout }
    var left: Double { layout.page.marginInner.points }
    var top: Double { layout.page.marginTop.points }

    mutating func pages() throws -> (pages: [Page], outline: [OutlineEntry], map: [PageSummary]) {
        var pages: [Page] = [], outline: [OutlineEntry] = [], map: [PageSummary] = []
        var section = ""
        let lastLabel = label(run.pages.count - 1)
        for (index, content) in run.pages.enumerated() {
            if let h = content.body.first?.item.headings.first(where: { $0.level == 1 }) { section = h.title }
            let sectionAtTop = section
            var page = Page(width: layout.page.width.points, height: layout.page.height.points)
            var summary = self.summary(content, index: index)
            for placed in content.body {
                page.items += items(of: placed)
                for h in placed.item.headings {
                    outline.append(OutlineEntry(title: h.title, level: h.level, destination: h.anchor, page: index))
                    summary.headings.append(h.title)
                    if h.level == 1 { section = h.title }
                }
            }
            page.items += notes(content)
            // The cover has no running heads or feet; front matter shows only the foot.
            if !(layout.cover.enabled && index == 0) {
                let isBodyFirst = index == run.landings.bodyStart
                page.items += structure.resolveInline(try furniture.items(
                    page: summary.label, pages: lastLabel, section: sectionAtTop,
                    showHeader: index >= run.landings.bodyStart && (!isBodyFirst || layout.header.onFirstPage),
                    showFooter: !isBodyFirst || layout.footer.onFirstPage))
            }
            pages.append(page)
            map.append(summary)
        }
        return (pages, outline, map)
    }

    func label(_ index: Int) -> String { pageRun.pageLabel(index, bodyStart: run.landings.bodyStart) }

    /// A placed item's display items on the page; a repeated table header is an artifact, not content.
    private mutating func items(of placed: Placed) -> [DisplayItem] {
        let moved = placed.item.items.map { $0.offset(dx: left, dy: top + placed.y) }
        guard placed.repeated else { return structure.resolveInline(moved) }
        return DisplayItem.artifact(.repeatedHeader, moved.filter {
            if case .begin = $0 { return false }
            if case .end = $0 { return false }
            return true
        })
    }

    /// The footnote area: a short rule, then the note lines.
    private mutating func notes(_ content: PageContent) -> [DisplayItem] {
        guard let first = content.notes.first else { return [] }
        let fn = layout.footnotes
        let ruleY = top + first.y - fn.font.size * 0.8
        // The rule starts where lines start: at the right in a right-to-left edition.
        let start = context.rightToLeft ? left + context.textWidth : left
        let end = context.rightToLeft ? start - context.textWidth * fn.ruleLength : start + context.textWidth * fn.ruleLength
        var out = DisplayItem.artifact(.rule, [.line(from: Point(x: start, y: ruleY), to: Point(x: end, y: ruleY),
                                                     width: 0.5, color: RGB(r: 0.3, g: 0.3, b: 0.3))])
        for placed in content.notes { out += structure.resolveInline(placed.item.items.map { $0.offset(dx: left, dy: top + placed.y) }) }
        return out
    }

    /// What the page holds, for the page map, checks and `preview --boxes`.
    private func summary(_ content: PageContent, index: Int) -> PageSummary {
        var summary = PageSummary(label: label(index), headings: [], footnotes: [], endsWithHeading: false)
        summary.boxes = boxes(content)
        for placed in content.body + content.notes {
            for case .noteStart(let n) in placed.item.landmarks { summary.footnotes.append(n) }
        }
        for placed in content.body where placed.item.kind == .line {
            guard let s = placed.item.source else { continue }
            if summary.firstSource == nil { summary.firstSource = s }
            summary.lastSource = s
        }
        summary.endsWithHeading = content.body.last(where: { $0.item.kind != .space })?.item.isHeading ?? false
        return summary
    }

    /// The text block, each line and block with its baseline, and the footnote area.
    private func boxes(_ content: PageContent) -> [LayoutBox] {
        let width = context.textWidth
        var boxes = [LayoutBox(kind: .textBlock, rect: Rect(x: left, y: top, width: width, height: context.textHeight))]
        if let first = content.notes.first, let last = content.notes.last {
            boxes.append(LayoutBox(kind: .footnotes, rect: Rect(x: left, y: top + first.y, width: width,
                                                                height: last.y + last.item.height - first.y)))
        }
        for placed in content.body where placed.item.kind == .line || placed.item.kind == .block {
            let item = placed.item
            boxes.append(LayoutBox(kind: item.kind == .line ? .line : .block, rect: Rect(x: left, y: top + placed.y, width: width, height: item.height)))
            if item.kind == .line, case .glyphs(let run)? = item.items.first(where: { if case .glyphs = $0 { true } else { false } }) {
                boxes.append(LayoutBox(kind: .baseline, rect: Rect(x: left, y: top + placed.y + run.origin.y, width: width, height: 0)))
            }
        }
        return boxes
    }
}
