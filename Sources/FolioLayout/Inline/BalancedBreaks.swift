/// Display text (titles, headings) set balanced, as CSS `text-wrap: balance`: as many lines as first fit takes at
/// the full measure, of about equal length, ending where a reader pauses (a colon, a comma, a dash) rather than after
/// a little word that leads into the next line ("Republic of / Korea").
extension InlineLayout {
    /// Little words a display line should not end with: articles, prepositions, conjunctions (English, French, Spanish).
    static let weakEnds: Set<String> = ["of", "the", "a", "an", "to", "and", "or", "for", "in", "on", "at", "by", "with",
                                        "from", "as", "de", "la", "le", "les", "des", "du", "et", "à", "en", "pour", "el",
                                        "los", "las", "y", "del", "para", "por"]
    /// What a line ending with a little word costs, and a line ending at punctuation saves, as a share of the balanced
    /// measure by which a line would fall short of it.
    static let weakEndCost = 0.2, pauseEndSaving = 0.1
    /// Paragraphs with more places to break are balanced by measure alone (the search below is quadratic in them).
    static let balancedBreakpointLimit = 400

    /// Breaks for lines of about equal length. The narrowest measure (to a twentieth of a point) at which first fit
    /// takes no more lines and breaks only at spaces and free breaks (no word, no unit, no word from its gloss) is the
    /// target; then, among the sets of as many lines at such breaks, none wider than the full measure, the one whose
    /// lines fall least short of or run least past the target, weighed for where they end.
    static func balanced(_ items: [ParagraphItems.Item], breaks: [Int], width: Double) -> [Int] {
        guard breaks.count > 1 else { return breaks }
        func plain(_ b: [Int]) -> Bool {
            b.allSatisfy { k in if k < items.count, case .penalty(let p) = items[k] { isFree(p) } else { true } }
        }
        var low = width / Double(breaks.count) * 0.5, high = width, best = breaks
        while high - low > 0.05 {
            let mid = (low + high) / 2
            let b = FirstFitBreaker.breaks(items, width: { _ in mid })
            if b.count <= breaks.count && plain(b) { best = b; high = mid } else { low = mid }
        }
        return plain(best) ? evenlyEnded(items, lines: best.count, target: high, width: width) ?? best : best
    }

    /// The breaks of `lines` lines no wider than `width` with the least cost (dynamic programming over the free
    /// breaks); nil when there are too many breaks to search, or none fits.
    private static func evenlyEnded(_ items: [ParagraphItems.Item], lines n: Int, target: Double, width: Double) -> [Int]? {
        var before = [Double](repeating: 0, count: items.count + 1)   // width of items[0..<k]
        var points: [Int] = []
        for (k, item) in items.enumerated() {
            var w = 0.0
            switch item {
            case .box(let b): w = b.width
            case .glue(let g):
                w = g.width
                if k > 0, items[k - 1].isBox { points.append(k) }
            case .kern(let kern): w = kern.width
            case .penalty(let p):
                if isFree(p) { points.append(k) }
                w = p.disc.map { $0.width($0.nobreak) } ?? 0
            }
            before[k + 1] = before[k] + w
        }
        guard points.count <= balancedBreakpointLimit, points.last == items.count - 1 else { return nil }
        func cost(from start: Int, to b: Int, last: Bool) -> Double? {
            let w = before[b] - before[start]
            guard w <= width + 0.01 else { return nil }
            // A short last line reads as the end of the text; a short line inside it breaks its shape.
            let off = w <= target ? (last ? 0.7 : 1) * (target - w) : 3 * (w - target)
            var c = off * off
            if !last, let word = lastWord(items, before: b) {
                if weakEnds.contains(word.lowercased()) { c += (weakEndCost * target) * (weakEndCost * target) }
                if let s = word.unicodeScalars.last, ":,;—–".unicodeScalars.contains(s) { c -= (pauseEndSaving * target) * (pauseEndSaving * target) }
            }
            return c
        }
        // best[l][j]: the least cost of l + 1 lines ending at points[j], and the point the last of them starts after.
        var best = [[(cost: Double, from: Int)]](repeating: [(cost: Double, from: Int)](repeating: (.infinity, -1), count: points.count), count: n)
        for j in points.indices {
            if let c = cost(from: 0, to: points[j], last: n == 1 && j == points.count - 1) { best[0][j] = (c, -1) }
        }
        for l in 1..<n {
            for j in points.indices where l == n - 1 ? j == points.count - 1 : true {
                for i in 0..<j where best[l - 1][i].cost < .infinity {
                    let start = KnuthPlass.nextLineStart(after: points[i], items)
                    guard let c = cost(from: start, to: points[j], last: l == n - 1) else { continue }
                    if best[l - 1][i].cost + c < best[l][j].cost { best[l][j] = (best[l - 1][i].cost + c, i) }
                }
            }
        }
        guard best[n - 1][points.count - 1].cost < .infinity else { return nil }
        var out: [Int] = []
        var j = points.count - 1
        for l in stride(from: n - 1, through: 0, by: -1) {
            out.append(points[j])
            j = best[l][j].from
        }
        return out.reversed()
    }

    /// A break display text takes: a forced one, or one that costs nothing and parts no word (not a hyphen, a unit,
    /// a word from its gloss).
    private static func isFree(_ p: ParagraphItems.Penalty) -> Bool { p.forced || (p.cost <= 0 && !p.emergency) }

    /// The text of the last box before item `b`.
    private static func lastWord(_ items: [ParagraphItems.Item], before b: Int) -> String? {
        var k = b - 1
        while k >= 0 {
            if case .box(let box) = items[k] { return String(decoding: box.utf8, as: UTF8.self) }
            k -= 1
        }
        return nil
    }
}
