/// First-fit line breaking: each line takes as much as fits (at most shrinking its spaces), preferring
/// ordinary breaks and using emergency breaks only when a line has no other. Used for ragged text and
/// as the fallback of the paragraph composer when no set of breaks is feasible.
struct FirstFitBreaker {
    /// The break positions (item indices; the last is the final forced penalty) for lines of `width(line)`.
    static func breaks(_ items: [ParagraphItems.Item], width: (Int) -> Double) -> [Int] {
        var result: [Int] = []
        var start = 0
        var carried = 0.0   // a discretionary's post-break part, which the line after it begins with
        while start < items.count {
            let limit = width(result.count)
            var natural = carried, shrink = 0.0
            var lastAllowed: Int? = nil, lastEmergency: Int? = nil
            var end: Int? = nil
            var k = start
            while k < items.count {
                switch items[k] {
                case .box(let b):
                    natural += b.width
                    if natural - shrink > limit + 0.01 {
                        // No break before this box fits: end the line before it, unless it is the line's first.
                        end = lastAllowed ?? lastEmergency ?? (k > start ? k : (k + 1 < items.count ? k + 1 : items.count - 1))
                    }
                case .glue(let g):
                    if k > start, items[k - 1].isContent { lastAllowed = k }
                    natural += g.width; shrink += g.shrink
                case .kern(let kern):
                    natural += kern.width
                case .penalty(let p):
                    if p.cost == .infinity { break }
                    if p.forced { end = k }
                    else if natural + p.width - shrink <= limit + 0.01 {
                        // A break inside a unit (a symbol, a number and its noun) only when nothing else fits.
                        if p.emergency || p.cost >= ParagraphBuilder.unitCost { lastEmergency = k } else { lastAllowed = k }
                    }
                    if let disc = p.disc {
                        natural += disc.width(disc.nobreak)
                        if natural - shrink > limit + 0.01 && end == nil {
                            end = lastAllowed ?? lastEmergency ?? k
                        }
                    }
                }
                if end != nil { break }
                k += 1
            }
            let stop = min(end ?? items.count - 1, items.count - 1)
            result.append(stop)
            if case .penalty(let p) = items[stop], let disc = p.disc { carried = disc.width(disc.post) } else { carried = 0 }
            start = KnuthPlass.nextLineStart(after: stop, items)
        }
        return result
    }
}
