/// First-fit line breaking: each line takes as much as fits (at most shrinking its spaces), preferring
/// ordinary breaks and using emergency breaks only when a line has no other. Used for ragged text and
/// as the fallback of the paragraph composer.
struct FirstFitBreaker {
    /// A chosen break: the index of the glue or penalty item where a line ends (or items.count at the end).
    typealias Break = Int

    /// The break points for lines of width `widths(lineIndex)`.
    static func breaks(_ items: [ParagraphItems.Item], width: (Int) -> Double) -> [Break] {
        var result: [Break] = []
        var start = 0
        while start < items.count {
            let limit = width(result.count)
            var natural = 0.0, shrink = 0.0
            var lastAllowed: Int? = nil, lastEmergency: Int? = nil
            var end: Int? = nil
            var k = start
            while k < items.count {
                switch items[k] {
                case .box(let b):
                    natural += b.width
                case .glue(let g):
                    if k > start, case .box = items[k - 1] { lastAllowed = k }
                    natural += g.width; shrink += g.shrink
                case .penalty(let p):
                    if p.forced { end = k }
                    else if p.emergency { lastEmergency = k } else { lastAllowed = k }
                }
                if end != nil { break }
                if natural - shrink > limit + 0.01, case .box = items[k] {
                    end = lastAllowed ?? lastEmergency
                    if end == nil {
                        // Nothing fits: the box alone makes the line (it was cut to fit when built).
                        end = k + 1 < items.count ? k + 1 : items.count
                    }
                    break
                }
                k += 1
            }
            let stop = end ?? items.count
            result.append(stop)
            // Discard the break item and any spaces or penalties that would start the next line.
            var next = stop
            if next < items.count, !Self.isBox(items[next]) { next += 1 }
            while next < items.count, !Self.isBox(items[next]) {
                if case .penalty(let p) = items[next], p.forced { break }
                next += 1
            }
            start = next
        }
        return result
    }

    static func isBox(_ item: ParagraphItems.Item) -> Bool {
        if case .box = item { return true }
        return false
    }
}
