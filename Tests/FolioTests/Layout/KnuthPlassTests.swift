import Testing
import FolioEngine
import FolioGenerate
@testable import FolioLayout

/// The composer on synthetic box/glue/penalty lists whose optimal breaks are known.
@Suite("Knuth–Plass composer")
struct KnuthPlassTests {
    typealias Item = ParagraphItems.Item

    static func box(_ w: Double) -> Item { .box(.init(range: 0..<1, run: 0, width: w, utf8: [], glyphs: [], scale: 1)) }
    static func glue(_ w: Double = 10, stretch: Double = 5, shrink: Double = 3) -> Item {
        .glue(.init(range: 0..<1, run: 0, width: w, stretch: stretch, shrink: shrink))
    }
    static let end: Item = .penalty(.init(cost: -.infinity, forced: true))

    /// Boxes separated by standard glue, ended by a forced break.
    static func words(_ widths: [Double]) -> [Item] {
        var items: [Item] = []
        for (i, w) in widths.enumerated() {
            if i > 0 { items.append(glue()) }
            items.append(box(w))
        }
        return items + [end]
    }

    @Test func exactFitsAreChosen() {
        // Two 30-wide words and a space fill a 70-wide line exactly.
        let items = Self.words([30, 30, 30, 30, 30])
        #expect(KnuthPlass.breaks(items, width: { _ in 70 }, parameters: .init()) == [3, 7, 9])
    }

    @Test func findsTheOptimumThatBruteForceFinds() {
        // Every subset of glue breaks of small paragraphs: the composer's choice has the fewest demerits.
        var rng = SplitMix(seed: 42)
        for _ in 0..<60 {
            let widths = (0..<Int.random(in: 4...11, using: &rng)).map { _ in Double(Int.random(in: 15...70, using: &rng)) }
            let items = Self.words(widths)
            var p = KnuthPlass.Parameters()
            p.tolerance = 10000
            p.shortLastLineDemerits = 0
            let glues = items.indices.filter { if case .glue = items[$0] { return true } else { return false } }
            var best = Double.infinity
            for mask in 0..<(1 << glues.count) {
                let breaks = glues.indices.filter { mask & (1 << $0) != 0 }.map { glues[$0] } + [items.count - 1]
                best = min(best, Self.demerits(items, breaks, width: 150))
            }
            let kp = KnuthPlass.breaks(items, width: { _ in 150 }, parameters: p)
            if best.isInfinite { #expect(kp == nil); continue }
            let got = try! #require(kp)
            #expect(abs(Self.demerits(items, got, width: 150) - best) < 1e-6, "\(widths)")
        }
    }

    @Test func avoidsAVeryShortLastLine() {
        // Seven words fit two full lines and one lonely short word; weighting the short last line makes
        // the composer carry more words down.
        var items: [Item] = []
        for (i, w) in [30.0, 30, 30, 30, 30, 30, 12].enumerated() {
            if i > 0 { items.append(Self.glue(10, stretch: 20, shrink: 3)) }
            items.append(Self.box(w))
        }
        items.append(Self.end)
        var p = KnuthPlass.Parameters()
        p.tolerance = 10000
        p.shortLastLineDemerits = 1e8
        let with = KnuthPlass.breaks(items, width: { _ in 110 }, parameters: p)!
        p.shortLastLineDemerits = 0
        let without = KnuthPlass.breaks(items, width: { _ in 110 }, parameters: p)!
        func lastLineWidth(_ breaks: [Int]) -> Double {
            let start = KnuthPlass.nextLineStart(after: breaks[breaks.count - 2], items)
            return items[start..<(items.count - 1)].reduce(0) { w, item in
                if case .box(let b) = item { return w + b.width } else if case .glue(let g) = item { return w + g.width } else { return w }
            }
        }
        #expect(lastLineWidth(without) < 0.12 * 110)
        #expect(lastLineWidth(with) >= 0.12 * 110)
    }

    @Test func infeasibleWithoutEmergencyBreaks() {
        // A box wider than the line with only an emergency penalty inside.
        let items: [Item] = [Self.box(60), .penalty(.init(cost: 5000, emergency: true)), Self.box(60), Self.end]
        #expect(KnuthPlass.breaks(items, width: { _ in 70 }, parameters: .init()) == nil)
        var p = KnuthPlass.Parameters()
        p.allowEmergency = true
        p.tolerance = 10000
        #expect(KnuthPlass.breaks(items, width: { _ in 70 }, parameters: p) == [1, 3])
    }

    @Test func loosenessAddsALine() {
        let items = Self.words(Array(repeating: 18, count: 12))
        var p = KnuthPlass.Parameters()
        p.tolerance = 10000
        let normal = KnuthPlass.breaks(items, width: { _ in 100 }, parameters: p)!
        p.looseness = 1
        let looser = KnuthPlass.breaks(items, width: { _ in 100 }, parameters: p)!
        #expect(looser.count == normal.count + 1)
    }

    @Test func forcedBreaksEndLines() {
        var items = Self.words([30, 30])
        items.insert(.penalty(.init(cost: -.infinity, forced: true)), at: 1)
        #expect(KnuthPlass.breaks(items, width: { _ in 200 }, parameters: .init()) == [1, 4])
    }

    /// Knuth–Plass demerits of a set of breaks, computed independently of the composer.
    static func demerits(_ items: [Item], _ breaks: [Int], width: Double) -> Double {
        var total = 0.0, start = 0
        var previousFitness = 1
        for (i, b) in breaks.enumerated() {
            var w = 0.0, y = 0.0, z = 0.0
            for k in start..<b {
                switch items[k] {
                case .box(let x): w += x.width
                case .glue(let g): w += g.width; y += g.stretch; z += g.shrink
                default: break
                }
            }
            var r = w < width ? (y > 0 ? (width - w) / y : 1e9) : (w > width ? (z > 0 ? (width - w) / z : -1e9) : 0)
            if i == breaks.count - 1, r > 0 { r = 0 }
            if r < -1 { return .infinity }
            let bad = min(KnuthPlass.unstretchable, 100 * abs(r * r * r))
            total += (10 + bad) * (10 + bad)
            let fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3
            if abs(fitness - previousFitness) > 1 { total += 10000 }
            previousFitness = fitness
            start = KnuthPlass.nextLineStart(after: b, items)
        }
        return total
    }

    @Test func neverWorseThanFirstFitOnRandomParagraphs() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            let widths = (0..<Int.random(in: 8...40, using: &rng)).map { _ in Double(Int.random(in: 10...60, using: &rng)) }
            let items = Self.words(widths)
            var p = KnuthPlass.Parameters()
            p.tolerance = 10000
            p.shortLastLineDemerits = 0
            guard let kp = KnuthPlass.breaks(items, width: { _ in 200 }, parameters: p) else { continue }
            let ff = FirstFitBreaker.breaks(items, width: { _ in 200 })
            #expect(Self.demerits(items, kp, width: 200) <= Self.demerits(items, ff, width: 200) + 1e-6)
        }
    }
}

/// The engine's SplitMix64 generator, for deterministic property tests.
typealias SplitMix = SplitMix64
