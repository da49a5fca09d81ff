import FolioDisplay

/// A flow item placed on a page, `y` from the text block's top.
struct Placed {
    var item: FlowItem
    var y: Double
    /// A table's header row repeated at the top of a continuation page (an artifact, not content).
    var repeated = false
}

/// A page's share of the flow: body items and footnote lines with their vertical positions in the text block.
struct PageContent {
    var body: [Placed] = []
    var notes: [Placed] = []
}

/// Breaks the flow into pages. Items are placed top to bottom; when one does not fit, the page ends at the last
/// place a break is allowed (so headings stay with their text and paragraphs keep two lines on each side).
/// Footnotes go at the foot of the page that refers to them, under a rule; a note that does not fit whole
/// continues at the foot of the next page. A figure (a float) that does not fit in the rest of its page goes to the
/// top of the next while the text goes on (TeX's rules: never before its place in the text, never more than one
/// page after it, in their order).
struct Paginator {
    let height: Double
    /// Footnote lines by note number.
    let notes: [Int: [FlowItem]]
    /// Space between the body and the notes (the separator rule sits in it).
    let noteSeparation: Double
    /// Space between a figure and the text above and below it.
    var floatSpace = 0.0
    /// The most empty space a weak keep (`FlowItem.weakKeep`) may leave at a page's foot.
    var weakKeepLimit = Double.infinity

    func paginate(_ flow: [FlowItem]) -> [PageContent] {
        var pages: [PageContent] = []
        var k = 0
        var carried: [FlowItem] = []       // note lines continued from the previous page
        var placedNotes = Set<Int>()
        var floats: [FlowItem] = []         // figures deferred from the previous page
        while k < flow.count || !carried.isEmpty || !floats.isEmpty {
            var fill = PageFill(paginator: self, carried: carried)
            // Skip spaces (and page breaks, which are already honoured) at the top of a page.
            while k < flow.count, flow[k].kind == .space || flow[k].kind == .pageBreak { k += 1 }
            fill.placeAtTop(floats, placedNotes: &placedNotes)
            if k < flow.count, let rel = flow[k].repeatHeader {
                fill.page.body.append(Placed(item: flow[k + rel], y: fill.y, repeated: true))
                fill.y += flow[k + rel].height
            }
            k = fill.fill(flow, from: k, placedNotes: &placedNotes)
            pages.append(fill.finish())
            carried = fill.carryNext
            floats = fill.deferred
        }
        return pages
    }
}

/// One page being filled.
private struct PageFill {
    let paginator: Paginator
    var page = PageContent()
    var y = 0.0
    var noteLines: [FlowItem] = []
    var noteHeight = 0.0
    /// Note lines for the next page.
    var carryNext: [FlowItem] = []
    /// The notes placed on this page, in order: a rollback removes the ones placed after the break (a snapshot
    /// holds counts, not copies, so pagination stays linear with thousands of notes).
    var pageNotes: [Int] = []
    /// Figures that did not fit here, for the top of the next page, and the height they take there.
    var deferred: [FlowItem] = []
    var deferredHeight = 0.0
    /// Whether figures from the previous page start this one.
    var floatsAtTop = false

    private struct Snapshot {
        var k: Int, body: Int, notes: Int, y: Double, noteHeight: Double, carry: [FlowItem], pageNotes: Int
        var deferred: Int, deferredHeight: Double
    }

    /// Continued notes come first in the note area, up to half the page.
    init(paginator: Paginator, carried: [FlowItem]) {
        self.paginator = paginator
        for line in carried {
            if paginator.noteSeparation + noteHeight + line.height <= paginator.height * 0.5 || noteLines.isEmpty {
                noteLines.append(line); noteHeight += line.height
            } else { carryNext.append(line) }
        }
    }

    /// Places items from `start` until the page is full; returns where the next page starts.
    mutating func fill(_ flow: [FlowItem], from start: Int, placedNotes: inout Set<Int>) -> Int {
        let height = paginator.height
        var k = start
        var lastBreak: Snapshot?
        // The last place a weak keep would give way, a break taken when the last allowed one leaves too much empty.
        var lastWeak: Snapshot?
        while k < flow.count {
            let item = flow[k]
            if item.kind == .pageBreak { return k + 1 }
            if k > start, item.breakBefore || item.weakKeep, !item.isFloat {
                let here = Snapshot(k: k, body: page.body.count, notes: noteLines.count, y: y, noteHeight: noteHeight,
                                    carry: carryNext, pageNotes: pageNotes.count, deferred: deferred.count, deferredHeight: deferredHeight)
                if item.breakBefore { lastBreak = here } else { lastWeak = here }
            }
            let (newNotes, newHeight) = notes(of: item, placedNotes: placedNotes)
            let sep = noteLines.isEmpty && !newNotes.isEmpty ? paginator.noteSeparation : 0
            let fixedSep = noteLines.isEmpty ? 0 : paginator.noteSeparation
            if item.isFloat {
                if placeFloat(item, notes: newNotes, height: newHeight, separation: fixedSep + sep, placedNotes: &placedNotes) {
                    k += 1
                    continue
                }
                // The page ends before the text that refers to this figure (the paragraph above it), so that the
                // figure, which cannot join those waiting, lands at most a page after the reference.
                guard let b = lastBreak, b.k > start else { return k }
                rollback(to: b, placedNotes: &placedNotes)
                return b.k
            }
            if item.keepOnPage || y + item.height + fixedSep + sep + noteHeight + newHeight <= height + 0.01 {
                place(item, notes: newNotes, height: newHeight, placedNotes: &placedNotes)
                k += 1
                continue
            }
            // The item's notes do not fit whole: place it with the first lines of its notes, carry the rest.
            let room = height - y - item.height - fixedSep - sep - noteHeight
            // Only where the page may end after it, or nowhere before: a widow, an orphan or a heading's keep holds
            // with notes too.
            let mayEndAfter = k + 1 >= flow.count || flow[k + 1].breakBefore || !(lastBreak.map { $0.k > start } ?? false)
            if item.kind != .space, mayEndAfter, let first = newNotes.first, room >= first.height {
                placeSplitting(item, notes: newNotes, room: room, placedNotes: &placedNotes)
                return k + 1
            }
            if let b = weakerBreak(lastBreak, lastWeak, start: start) {
                rollback(to: b, placedNotes: &placedNotes)
                return b.k
            }
            if k == start && !floatsAtTop {
                // Nothing fits on an empty page: place it anyway rather than loop (a cell taller than a page).
                place(item, notes: newNotes, height: newHeight, placedNotes: &placedNotes)
                return k + 1
            }
            return k
        }
        return k
    }

    /// Where the page ends when an item does not fit: at the last allowed break, unless a weak keep after it gives
    /// way there and the allowed break would leave more than the limit empty (or there is none).
    private func weakerBreak(_ allowed: Snapshot?, _ weak: Snapshot?, start: Int) -> Snapshot? {
        let b = allowed.flatMap { $0.k > start ? $0 : nil }
        guard let w = weak, w.k > start, w.k > (b?.k ?? start) else { return b }
        guard let b else { return w }
        let empty = paginator.height - b.y - b.noteHeight - (b.notes > 0 ? paginator.noteSeparation : 0)
        return empty > paginator.weakKeepLimit ? w : b
    }

    /// A figure where it stands when it fits and none waits before it, else for the next page's top. False when the
    /// figures waiting would not fit on one page with it.
    private mutating func placeFloat(_ item: FlowItem, notes: [FlowItem], height notesHeight: Double, separation: Double,
                                     placedNotes: inout Set<Int>) -> Bool {
        let gap = paginator.floatSpace
        let above = page.body.isEmpty ? 0 : gap
        if deferred.isEmpty, page.body.isEmpty || y + above + item.height + gap + separation + noteHeight + notesHeight <= paginator.height + 0.01 {
            y += above
            place(item, notes: notes, height: notesHeight, placedNotes: &placedNotes)
            y += gap
        } else if deferred.isEmpty || deferredHeight + item.height + gap <= paginator.height {
            deferred.append(item)
            deferredHeight += item.height + gap
        } else {
            return false
        }
        return true
    }

    /// The note lines an item brings to the page (the ones not placed yet), and their height.
    private func notes(of item: FlowItem, placedNotes: Set<Int>) -> ([FlowItem], Double) {
        // Most lines refer to no note: they make no arrays here.
        guard !item.footnotes.isEmpty else { return ([], 0) }
        let lines = item.footnotes.filter { !placedNotes.contains($0) }.compactMap { paginator.notes[$0] }.flatMap { $0 }
        return (lines, lines.reduce(0) { $0 + $1.height })
    }

    /// The figures deferred from the previous page, at the top of this one.
    mutating func placeAtTop(_ floats: [FlowItem], placedNotes: inout Set<Int>) {
        for item in floats {
            let (lines, height) = notes(of: item, placedNotes: placedNotes)
            place(item, notes: lines, height: height, placedNotes: &placedNotes)
            y += paginator.floatSpace
            floatsAtTop = true
        }
    }

    private mutating func place(_ item: FlowItem, notes: [FlowItem], height: Double, placedNotes: inout Set<Int>) {
        page.body.append(Placed(item: item, y: y)); y += item.height
        noteLines += notes; noteHeight += height
        for n in item.footnotes where placedNotes.insert(n).inserted { pageNotes.append(n) }
    }

    private mutating func placeSplitting(_ item: FlowItem, notes: [FlowItem], room: Double, placedNotes: inout Set<Int>) {
        page.body.append(Placed(item: item, y: y)); y += item.height
        var used = 0.0
        for (i, line) in notes.enumerated() {
            if used + line.height <= room { noteLines.append(line); used += line.height }
            else { carryNext += notes[i...]; break }
        }
        noteHeight += used
        for n in item.footnotes where placedNotes.insert(n).inserted { pageNotes.append(n) }
    }

    /// Goes back to the last allowed break.
    private mutating func rollback(to b: Snapshot, placedNotes: inout Set<Int>) {
        page.body.removeLast(page.body.count - b.body)
        noteLines.removeLast(noteLines.count - b.notes)
        y = b.y; noteHeight = b.noteHeight; carryNext = b.carry
        deferred.removeLast(deferred.count - b.deferred); deferredHeight = b.deferredHeight
        for n in pageNotes[b.pageNotes...] { placedNotes.remove(n) }
        pageNotes.removeLast(pageNotes.count - b.pageNotes)
    }

    /// The page, with its notes at the foot of the text block.
    mutating func finish() -> PageContent {
        var ny = paginator.height - noteHeight
        for line in noteLines { page.notes.append(Placed(item: line, y: ny)); ny += line.height }
        return page
    }
}
