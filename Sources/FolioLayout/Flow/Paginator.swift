import FolioDisplay

/// A page's share of the flow: body items and footnote lines with their vertical positions in the text block.
struct PageContent {
    var body: [(item: FlowItem, y: Double)] = []
    var notes: [(line: FlowItem, y: Double)] = []
}

/// Breaks the flow into pages. Items are placed top to bottom; when one does not fit, the page ends at the last
/// place a break is allowed (so headings stay with their text and paragraphs keep two lines on each side).
/// Footnotes go at the foot of the page that refers to them, under a rule; a note that does not fit whole
/// continues at the foot of the next page.
struct Paginator {
    let height: Double
    /// Footnote lines by note number.
    let notes: [Int: [FlowItem]]
    /// Space between the body and the notes (the separator rule sits in it).
    let noteSeparation: Double

    func paginate(_ flow: [FlowItem]) -> [PageContent] {
        var pages: [PageContent] = []
        var k = 0
        var carried: [FlowItem] = []       // note lines continued from the previous page
        var placedNotes = Set<Int>()
        while k < flow.count || !carried.isEmpty {
            var page = PageContent()
            var y = 0.0
            var noteLines: [FlowItem] = []
            // Continued notes come first in the note area.
            var noteHeight = 0.0
            var stillCarried: [FlowItem] = []
            for line in carried {
                if noteSeparation + noteHeight + line.height <= height * 0.5 || noteLines.isEmpty {
                    noteLines.append(line); noteHeight += line.height
                } else { stillCarried.append(line) }
            }
            var carryNext = stillCarried
            // Skip spaces (and page breaks, which are already honoured) at the top of a page.
            while k < flow.count, flow[k].kind == .space || flow[k].kind == .pageBreak { k += 1 }
            if k < flow.count, let rel = flow[k].repeatHeader {
                let header = flow[k + rel]
                page.body.append((header, y)); y += header.height
            }
            let pageStart = k
            // The notes placed on this page, in order: a rollback removes the ones placed after the break
            // (a snapshot holds counts, not copies, so pagination stays linear with thousands of notes).
            var pageNotes: [Int] = []
            var lastBreak: (k: Int, body: Int, notes: Int, y: Double, noteHeight: Double, carry: [FlowItem], pageNotes: Int)?
            while k < flow.count {
                let item = flow[k]
                if item.kind == .pageBreak { k += 1; break }
                if k > pageStart, item.breakBefore {
                    lastBreak = (k, page.body.count, noteLines.count, y, noteHeight, carryNext, pageNotes.count)
                }
                // Most lines refer to no note: they make no arrays here.
                let newNotes = item.footnotes.isEmpty ? [] : item.footnotes.filter { !placedNotes.contains($0) }.compactMap { notes[$0] }.flatMap { $0 }
                let newHeight = newNotes.isEmpty ? 0 : newNotes.reduce(0) { $0 + $1.height }
                let sep = noteLines.isEmpty && !newNotes.isEmpty ? noteSeparation : 0
                let fixedSep = noteLines.isEmpty ? 0 : noteSeparation
                if item.keepOnPage || y + item.height + fixedSep + sep + noteHeight + newHeight <= height + 0.01 {
                    page.body.append((item, y)); y += item.height
                    noteLines += newNotes; noteHeight += newHeight
                    for n in item.footnotes where placedNotes.insert(n).inserted { pageNotes.append(n) }
                    k += 1
                    continue
                }
                // The item's notes do not fit whole: place it with the first lines of its notes, carry the rest.
                let room = height - y - item.height - fixedSep - sep - noteHeight
                if item.kind != .space, !newNotes.isEmpty, let first = newNotes.first, room >= first.height {
                    page.body.append((item, y)); y += item.height
                    var used = 0.0
                    for (i, line) in newNotes.enumerated() {
                        if used + line.height <= room { noteLines.append(line); used += line.height }
                        else { carryNext += newNotes[i...]; break }
                    }
                    noteHeight += used
                    for n in item.footnotes where placedNotes.insert(n).inserted { pageNotes.append(n) }
                    k += 1
                    break
                }
                if let b = lastBreak, b.k > pageStart {
                    // Go back to the last allowed break.
                    page.body.removeLast(page.body.count - b.body)
                    noteLines.removeLast(noteLines.count - b.notes)
                    y = b.y; noteHeight = b.noteHeight; carryNext = b.carry
                    for n in pageNotes[b.pageNotes...] { placedNotes.remove(n) }
                    pageNotes.removeLast(pageNotes.count - b.pageNotes)
                    k = b.k
                } else if k == pageStart {
                    // Nothing fits on an empty page: place it anyway rather than loop (a cell taller than a page).
                    page.body.append((item, y)); y += item.height
                    noteLines += newNotes; noteHeight += newHeight
                    for n in item.footnotes where placedNotes.insert(n).inserted { pageNotes.append(n) }
                    k += 1
                }
                break
            }
            // Notes sit at the foot of the text block.
            var ny = height - noteHeight
            for line in noteLines { page.notes.append((line, ny)); ny += line.height }
            carried = carryNext
            pages.append(page)
        }
        return pages
    }
}
