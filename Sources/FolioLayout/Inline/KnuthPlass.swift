/// The total-fit paragraph composer of Knuth and Plass ("Breaking Paragraphs into Lines", 1981), as in TeX.
///
/// A paragraph is a list of boxes (unbreakable text), glue (spaces that stretch and shrink) and penalties
/// (possible breaks with a cost). A line from break a to break b has natural width L, stretchability Y and
/// shrinkability Z; its adjustment ratio is r = (W − L)/Y when short and (W − L)/Z when long (W the line width).
/// Its badness is 100·|r|³; a line with r < −1 (spaces shrunk past their limit) is infeasible, and so is one with
/// badness above the tolerance. Each feasible line costs demerits
///     d = (l + b)² + p²     for a penalty p ≥ 0,
///     d = (l + b)² − p²     for −∞ < p < 0,
///     d = (l + b)²          for p = −∞ (a forced break),
/// plus α when two hyphenated lines follow each other and γ when a line's fitness class (tight, decent, loose,
/// very loose) differs by more than one from the line before. The composer finds, by dynamic programming over
/// "active" breakpoints, the sequence of breaks with the fewest total demerits; lines therefore share the
/// paragraph's looseness instead of the last lines paying for the first.
///
/// Folio's additions: kerns (Hangul letter-space) stretch but are never breakpoints; a line may be a little longer
/// when its last glyph hangs into the margin (protrusion); at most `maxConsecutiveHyphens` hyphenated lines follow
/// each other; a very short last line costs extra demerits; emergency breaks (inside a Korean word, inside an
/// overlong word) are legal only when the caller allows them; a line of URL alone is set short, as a loose line.
struct KnuthPlass {
    /// The costs and limits of one pass.
    struct Parameters {
        /// Largest badness accepted (TeX's \tolerance; 200 ≈ spaces stretched by 1.26 of their stretch).
        var tolerance = 200.0
        /// l: added to every line's badness so that fewer lines are preferred (TeX's \linepenalty = 10).
        var linePenalty = 10.0
        /// α: two hyphenated lines in a row (TeX's \doublehyphendemerits = 10000).
        var flaggedDemerits = 10000.0
        /// γ: adjacent lines of very different tightness (TeX's \adjdemerits = 10000).
        var fitnessDemerits = 10000.0
        /// Demerits for a last line shorter than `shortLastLine` of the width: one-word last lines look lost.
        var shortLastLineDemerits = 5000.0
        var shortLastLine = 0.12
        var maxConsecutiveHyphens = 2
        var looseness = 0
        /// Whether emergency penalties are legal breaks in this pass.
        var allowEmergency = false
        /// Whether breaks inside document symbols (`Penalty.bound`) are legal in this pass.
        var allowBound = false
    }

    /// One pass over a paragraph: its parameters, and its name where Folio reports which breaker set the lines.
    struct Pass {
        var name: InlineLayout.Composer
        var parameters: Parameters
    }

    typealias Item = ParagraphItems.Item

    /// A paragraph's chosen breaks, what they cost, and how far the loosest justified line stretches its spaces.
    struct Solution {
        var breaks: [Int]
        var demerits: Double
        var worst: Double
    }
    /// TeX's inf_bad.
    static let infinitelyBad = 10000.0
    /// The badness of a short line that cannot stretch at all (a ratio of about 46).
    static let unstretchable = 1e7
    /// The stretch a line of URL alone is reckoned to have, as a share of the line's width.
    static let urlLineStretch = 0.25

    /// A feasible break and the best way found to reach it. Every node of a paragraph is kept until its breaks are
    /// read back, so its fields are stored narrow (48 bytes instead of 72); item and node indices fit in 32 bits, as a
    /// paragraph is limited by `max-content-bytes`.
    private struct Node {
        private var position32: Int32, line32: Int32, previous32: Int32, start32: Int32
        private var fitness8: UInt8, hyphens8: UInt8
        var demerits: Double
        var startWidth: Double  // what the next line begins with before `start` (a discretionary's post-break part)
        var worst: Double       // the largest adjustment ratio of a justified line on the way here

        init(position: Int, line: Int, fitness: Int, hyphens: Int, demerits: Double, previous: Int, start: Int,
             startWidth: Double = 0, worst: Double = 0) {
            position32 = Int32(position); line32 = Int32(line); previous32 = Int32(previous); start32 = Int32(start)
            fitness8 = UInt8(fitness); hyphens8 = UInt8(clamping: hyphens)   // more than 255 in a row: as many
            self.demerits = demerits; self.startWidth = startWidth; self.worst = worst
        }
        /// The index of the break item (items.count - 1 is the final forced break).
        var position: Int { Int(position32) }
        /// Lines set before this break.
        var line: Int { Int(line32) }
        var fitness: Int { Int(fitness8) }
        /// Consecutive hyphenated lines ending here.
        var hyphens: Int { Int(hyphens8) }
        /// The node this one's line starts after, -1 for the paragraph start.
        var previous: Int { Int(previous32) }
        /// The first item of the next line.
        var start: Int { Int(start32) }
    }

    /// A legal breakpoint, read out of its item once: the main loop then touches no enum payloads (whose
    /// arrays would be retained and released at every look).
    fileprivate struct Breakpoint {
        var position: Int
        var penalty: Double
        var width: Double
        var flagged: Bool
        var forced: Bool
        var protrusion: Double
        var inURL = false
        var postWidth = 0.0
        /// A break legal only in a pass that allows emergency breaks (or, `bound`, breaks inside symbols).
        var emergency = false
        var bound = false
    }

    /// Running sums of width, stretch (Y) and shrink (Z) over the items: the line from a to b costs two subtractions.
    fileprivate struct Sums {
        var width: [Double], stretch: [Double], shrink: [Double]
        /// The part of `stretch` that is letter-space or font expansion, which stretches at most to its limit
        /// (LineBuilder).
        var kernStretch: [Double]
    }

    /// The best way found to reach a breakpoint in one fitness class (and, with looseness, with one line count).
    private struct Candidate {
        var key: Int
        var demerits: Double
        var node: Int
        var hyphens: Int
        var fitness: Int
        var worst: Double
    }

    /// What every pass over one paragraph reads: its legal breakpoints (emergency ones marked) and the running sums,
    /// made once for all the passes.
    struct Prepared {
        fileprivate let points: [Breakpoint]
        fileprivate let sums: Sums
    }

    /// The chosen break positions (item indices), or nil when no feasible set of breaks exists.
    static func breaks(_ items: [Item], width: (Int) -> Double, parameters p: Parameters) -> [Int]? {
        solve(items, width: width, parameters: p)?.breaks
    }

    /// The chosen breaks, their total demerits and the largest adjustment ratio of a justified line among them
    /// (what paragraphs set with different letter-spacing compare).
    static func solve(_ items: [Item], width: (Int) -> Double, parameters p: Parameters) -> Solution? {
        solve(prepare(items), items, width: width, parameters: p)
    }

    /// The breakpoints and sums of `items`, letter-spaced by `spacing` when given (the widths it gives are read as
    /// the items', so that trying a spacing copies no item).
    static func prepare(_ items: [Item], spacing: LetterSpacing.Spacing? = nil) -> Prepared {
        let (points, sums) = breakpoints(items, spacing: spacing)
        return Prepared(points: points, sums: sums)
    }

    /// One pass over prepared items.
    static func solve(_ prepared: Prepared, _ items: [Item], width: (Int) -> Double, parameters p: Parameters) -> Solution? {
        let n = items.count
        guard n > 0 else { return Solution(breaks: [], demerits: 0, worst: 0) }
        let points = prepared.points, sums = prepared.sums
        var nodes: [Node] = [Node(position: -1, line: 0, fitness: 1, hyphens: 0, demerits: 0, previous: -1, start: 0)]
        var active: [Int] = [0]
        var survivors: [Int] = []
        // The best way to reach a breakpoint per fitness class (and, with looseness, per line count too: TeX keeps
        // nodes of different line numbers apart only when it has to find a looser or tighter paragraph).
        var best: [Candidate] = []
        let finalPosition = n - 1

        for point in points where p.allowEmergency || !point.emergency || (p.allowBound && point.bound) {
            let b = point.position
            best.removeAll(keepingCapacity: true)
            survivors.removeAll(keepingCapacity: true)
            for a in active {
                let node = nodes[a]
                // A break before the line's first item (a cut just after the discretionary the line starts behind)
                // would make a line of nothing: not a line; the node waits for later breaks.
                if node.start > b { survivors.append(a); continue }
                let natural = sums.width[b] - sums.width[node.start] + point.width + node.startWidth
                let ratio = adjustmentRatio(natural: natural, lineWidth: width(node.line) + point.protrusion, from: node.start,
                                            to: point, sums: sums, ragged: b == finalPosition || point.forced)
                // A node that cannot reach b without overfull lines cannot reach anything further: drop it.
                if ratio < -1 || point.forced { } else { survivors.append(a) }
                guard ratio >= -1, var line = demerits(ratio: ratio, at: point, after: node, p) else { continue }
                if b == finalPosition, natural - point.width < width(node.line) * p.shortLastLine, node.line > 0 {
                    line.demerits += p.shortLastLineDemerits
                }
                let total = node.demerits + line.demerits
                let key = p.looseness == 0 ? line.fitness : line.fitness + 4 * (node.line + 1)
                let candidate = Candidate(key: key, demerits: total, node: a, hyphens: line.hyphens, fitness: line.fitness,
                                          worst: max(node.worst, ratio))
                if let k = best.firstIndex(where: { $0.key == key }) {
                    if total < best[k].demerits { best[k] = candidate }
                } else {
                    best.append(candidate)
                }
            }
            swap(&active, &survivors)
            if !best.isEmpty {
                let next = nextLineStart(after: b, items)
                best.sort { $0.key < $1.key }
                for e in best {
                    nodes.append(Node(position: b, line: nodes[e.node].line + 1, fitness: e.fitness, hyphens: e.hyphens,
                                      demerits: e.demerits, previous: e.node, start: next, startWidth: point.postWidth,
                                      worst: e.worst))
                    active.append(nodes.count - 1)
                }
            }
            if active.isEmpty { return nil }
        }
        return chosen(nodes, active: active, finalPosition: finalPosition, looseness: p.looseness)
    }

    /// The legal breakpoints (glue after a box, penalties below +∞, emergency ones marked, the end) and the running
    /// sums.
    @inline(__always)
    private static func breakpoints(_ items: [Item], spacing: LetterSpacing.Spacing?) -> ([Breakpoint], Sums) {
        let n = items.count
        var sumW = [Double](repeating: 0, count: n + 1), sumY = sumW, sumZ = sumW, sumK = sumW
        var points: [Breakpoint] = []
        points.reserveCapacity(n / 2)
        var previousProtrusion: Double? = nil   // the protrusion of item k - 1 when it is a box
        for (k, item) in items.enumerated() {
            var w = 0.0, y = 0.0, z = 0.0, kern = 0.0
            var boxProtrusion: Double? = nil
            switch item {
            case .box(let b):
                w = spacing?.width(b) ?? b.width
                boxProtrusion = b.protrusion
                // Font expansion stretches and shrinks like letter-space: at most to its limit.
                if b.expansion > 0 { y = b.width * b.expansion; z = y; kern = y }
            case .glue(let g):
                w = g.width; y = g.stretch; z = g.shrink
                if let protrusion = previousProtrusion {
                    points.append(Breakpoint(position: k, penalty: 0, width: 0, flagged: false, forced: false, protrusion: protrusion))
                }
            case .kern(let k): w = spacing?.width(k) ?? k.width; y = k.stretch; z = k.shrink; kern = k.stretch
            case .penalty(let pen):
                if pen.cost != .infinity {   // +∞ is a \nobreak
                    let protrusion = pen.hyphen.map { $0.width * ParagraphBuilder.protrusionFactor } ?? previousProtrusion ?? 0
                    points.append(Breakpoint(position: k, penalty: pen.cost, width: pen.width, flagged: pen.flagged,
                                             forced: pen.forced, protrusion: protrusion, inURL: pen.inURL,
                                             postWidth: pen.disc.map { $0.width($0.post) } ?? 0, emergency: pen.emergency,
                                             bound: pen.bound))
                }
                // A discretionary sets its ligature when the line passes over it, like a box.
                if let disc = pen.disc { w = disc.width(disc.nobreak); boxProtrusion = 0 }
            }
            previousProtrusion = boxProtrusion
            sumW[k + 1] = sumW[k] + w; sumY[k + 1] = sumY[k] + y; sumZ[k + 1] = sumZ[k] + z; sumK[k + 1] = sumK[k] + kern
        }
        return (points, Sums(width: sumW, stretch: sumY, shrink: sumZ, kernStretch: sumK))
    }

    /// The adjustment ratio r of the line from item `start` to `point`; a `ragged` line (the paragraph's last, or
    /// one before a forced break) is never too loose.
    @inline(__always)
    private static func adjustmentRatio(natural: Double, lineWidth: Double, from start: Int, to point: Breakpoint,
                                        sums: Sums, ragged: Bool) -> Double {
        let b = point.position
        var ratio: Double
        if natural < lineWidth {
            let stretch = sums.stretch[b] - sums.stretch[start]
            // A line of URL alone has no space to stretch: it is set short and ragged, costing as if it
            // could stretch by a quarter of the measure (three quarters full: a loose line). Were it
            // infeasible, a long URL would push its start onto a line with words, and the line before would
            // be stretched to a few words across the measure.
            ratio = stretch > 0 ? (lineWidth - natural) / stretch
                : point.inURL ? (lineWidth - natural) / (lineWidth * Self.urlLineStretch) : .infinity
            // Letter-space stops at its limit and the spaces take the rest, as the line will be set: the ratio
            // is then the spaces' own.
            let kern = sums.kernStretch[b] - sums.kernStretch[start]
            if ratio > LineBuilder.kernRatioLimit, kern > 0, stretch - kern > 0 {
                ratio = (lineWidth - natural - kern * LineBuilder.kernRatioLimit) / (stretch - kern)
            }
        } else if natural > lineWidth {
            let shrink = sums.shrink[b] - sums.shrink[start]
            ratio = shrink > 0 ? (lineWidth - natural) / shrink : -.infinity
        } else { ratio = 0 }
        if ragged && ratio > 0 { ratio = 0 }
        return ratio
    }

    /// The demerits of a line with adjustment ratio `ratio` (≥ −1) ending at `point` after `node`, with its
    /// fitness class and the hyphenated lines it ends; nil when the line is too loose or one hyphen too many.
    @inline(__always)
    private static func demerits(ratio: Double, at point: Breakpoint, after node: Node, _ p: Parameters)
        -> (demerits: Double, hyphens: Int, fitness: Int)? {
        // TeX caps badness at 10000 ("infinitely bad"): a line that cannot stretch at all is that bad,
        // acceptable only in a pass whose tolerance reaches it. Past the cap the line still costs what it
        // stretches (as TeX's \emergencystretch does), or a line with 1 em gaps would cost no more than one
        // with 0.6 em and the loose pass would not spread its looseness over the lines around it.
        let raw = ratio.isInfinite ? Self.unstretchable : 100 * abs(ratio * ratio * ratio)
        guard min(Self.infinitelyBad, raw) <= p.tolerance else { return nil }
        let badness = min(raw, Self.unstretchable)
        let hyphens = point.flagged ? node.hyphens + 1 : 0
        if hyphens > p.maxConsecutiveHyphens { return nil }
        let penalty = point.penalty
        var d = (p.linePenalty + badness) * (p.linePenalty + badness)
        if penalty >= 0 { d += penalty * penalty } else if penalty > -.infinity { d -= penalty * penalty }
        if point.flagged && node.hyphens > 0 { d += p.flaggedDemerits }
        let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
        if abs(fitness - node.fitness) > 1 { d += p.fitnessDemerits }
        return (d, hyphens, fitness)
    }

    /// The breaks to the final break with the fewest demerits, or with the line count nearest to optimal + looseness.
    private static func chosen(_ nodes: [Node], active: [Int], finalPosition: Int, looseness: Int) -> Solution? {
        let finals = active.filter { nodes[$0].position == finalPosition }
        guard var chosen = finals.min(by: { nodes[$0].demerits < nodes[$1].demerits }) else { return nil }
        if looseness != 0 {
            let target = nodes[chosen].line + looseness
            chosen = finals.min { a, b in
                let da = abs(nodes[a].line - target), db = abs(nodes[b].line - target)
                return da != db ? da < db : nodes[a].demerits < nodes[b].demerits
            } ?? chosen
        }
        var result: [Int] = []
        var k = chosen
        while k > 0 { result.append(nodes[k].position); k = nodes[k].previous }
        return Solution(breaks: result.reversed(), demerits: nodes[chosen].demerits, worst: nodes[chosen].worst)
    }

    /// The first item of the line after a break at `b`: glue, kerns and penalties after a break are discarded.
    static func nextLineStart(after b: Int, _ items: [Item]) -> Int {
        if b < items.count, items[b].isBox { return b }   // a first-fit break between two boxes
        var k = b + 1
        while k < items.count, !items[k].isContent, !items[k].isForced { k += 1 }
        return k
    }
}
