import FolioFonts
import FolioModel
import FolioUnicode

/// A paragraph as boxes, glue and penalties (Knuth and Plass's vocabulary): what line breaking works on.
struct ParagraphItems {
    /// Shaped text that is never broken inside.
    struct Box {
        var range: Range<Int>
        var run: Int
        var width: Double
        var utf8: [UInt8]
        var glyphs: [ShapedGlyph]
        var scale: Double
    }
    /// Inter-word space: its natural width and how far it may stretch or shrink.
    struct Glue {
        var range: Range<Int>
        var run: Int
        var width: Double
        var stretch: Double
        var shrink: Double
    }
    /// A place to break that is not a space, with a cost; `forced` ends the line.
    struct Penalty {
        var cost: Double
        var forced: Bool
        /// A break Folio avoids unless a line cannot be set otherwise (inside a Korean word, inside a long word).
        var emergency: Bool
    }
    enum Item {
        case box(Box)
        case glue(Glue)
        case penalty(Penalty)
    }

    var items: [Item] = []
    var runs: [TextRun]
    var faces: [SelectedFace]
    var missing: [Unicode.Scalar]
}

/// Where a line may end between two scalars, after Folio's rules are applied on top of UAX #14.
enum BreakClass: UInt8 {
    case none, allowed, emergency, mandatory
}

/// Builds the item list of a paragraph: itemize, find break opportunities, shape the pieces between them.
struct ParagraphBuilder {
    let selector: FontSelector
    let cache: ShapeCache
    let koreanBreaks: KoreanBreaks

    /// Stretch and shrink of a space, as fractions of its width (TeX's defaults for Computer Modern are similar).
    static let spaceStretch = 0.5
    static let spaceShrink = 0.33
    /// Cost of an emergency break: above any ordinary break, so it is taken only when nothing else fits.
    static let emergencyCost = 5000.0

    func build(_ text: StyledText, maxWidth: Double) throws -> ParagraphItems {
        let itemized = try Itemizer(selector: selector).itemize(text)
        var result = ParagraphItems(runs: itemized.runs, faces: itemized.faces, missing: itemized.missing)
        let scalars = text.scalars
        let n = scalars.count
        if n == 0 { return result }
        let classes = try breakClasses(scalars)
        var runOf = [Int](repeating: 0, count: n)
        for (r, run) in itemized.runs.enumerated() { for i in run.range { runOf[i] = r } }

        var i = 0
        while i < n {
            let s = scalars[i]
            if s == "\u{2028}" || s == "\n" {
                result.items.append(.penalty(.init(cost: -.infinity, forced: true, emergency: false)))
                i += 1
                continue
            }
            if Self.isBreakingSpace(s) {
                var j = i + 1
                while j < n, Self.isBreakingSpace(scalars[j]) { j += 1 }
                let run = runOf[i]
                let w = spaceWidth(result, run: run, text: text)
                result.items.append(.glue(.init(range: i..<j, run: run, width: w,
                                                stretch: w * Self.spaceStretch, shrink: w * Self.spaceShrink)))
                i = j
                continue
            }
            var j = i + 1
            while j < n, runOf[j] == runOf[i], classes[j] == .none, !Self.isBreakingSpace(scalars[j]),
                  scalars[j] != "\u{2028}", scalars[j] != "\n" { j += 1 }
            try appendBox(i..<j, run: runOf[i], text: text, into: &result, maxWidth: maxWidth)
            if j < n, !Self.isBreakingSpace(scalars[j]) {
                switch classes[j] {
                case .allowed: result.items.append(.penalty(.init(cost: 0, forced: false, emergency: false)))
                case .emergency: result.items.append(.penalty(.init(cost: Self.emergencyCost, forced: false, emergency: true)))
                case .mandatory: result.items.append(.penalty(.init(cost: -.infinity, forced: true, emergency: false)))
                case .none: break
                }
            }
            i = j
        }
        return result
    }

    static func isBreakingSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}"
    }

    /// UAX #14 opportunities with Folio's Korean rule: in word mode a break touching Hangul without a space
    /// is only an emergency break.
    func breakClasses(_ scalars: [Unicode.Scalar]) throws -> [BreakClass] {
        let n = scalars.count
        var classes = [BreakClass](repeating: .none, count: n + 1)
        for op in try LineBreakOpportunities.find(in: scalars, locale: selector.language) {
            classes[op.index] = op.kind == .mandatory ? .mandatory : .allowed
        }
        if koreanBreaks == .word {
            for i in 1..<n where classes[i] == .allowed {
                let a = scalars[i - 1], b = scalars[i]
                if !Self.isBreakingSpace(a), !Self.isBreakingSpace(b),
                   UnicodeProperties.isHangul(a) || UnicodeProperties.isHangul(b) {
                    classes[i] = .emergency
                }
            }
        }
        return classes
    }

    private func spaceWidth(_ p: ParagraphItems, run: Int, text: StyledText) -> Double {
        let r = p.runs[run]
        guard r.face >= 0 else { return 0 }
        let face = p.faces[r.face].face
        let style = text.styles[Int(r.style)]
        let shaped = cache.shape([0x20], face: face, script: r.script, language: selector.language)
        return Double(shaped.advance) * style.drawnSize / Double(face.metrics.unitsPerEm)
    }

    /// Shapes scalars of one run into a box; a box wider than a line is cut at grapheme boundaries
    /// with emergency penalties between the pieces, so that nothing overflows.
    private func appendBox(_ range: Range<Int>, run: Int, text: StyledText, into p: inout ParagraphItems, maxWidth: Double) throws {
        let box = shapeBox(range, run: run, text: text, p)
        if box.width <= maxWidth || range.count == 1 {
            p.items.append(.box(box))
            return
        }
        let sub = Array(text.scalars[range])
        let bounds = try LineBreakOpportunities.graphemeBoundaries(in: sub)
        var start = 0
        var lastGood = -1
        for b in bounds {
            let candidate = shapeBox((range.lowerBound + start)..<(range.lowerBound + b), run: run, text: text, p)
            if candidate.width > maxWidth, lastGood > start {
                p.items.append(.box(shapeBox((range.lowerBound + start)..<(range.lowerBound + lastGood), run: run, text: text, p)))
                p.items.append(.penalty(.init(cost: Self.emergencyCost, forced: false, emergency: true)))
                start = lastGood
            }
            lastGood = b
        }
        p.items.append(.box(shapeBox((range.lowerBound + start)..<range.upperBound, run: run, text: text, p)))
    }

    private func shapeBox(_ range: Range<Int>, run: Int, text: StyledText, _ p: ParagraphItems) -> ParagraphItems.Box {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(range.count * 3)
        for s in text.scalars[range] { utf8.append(contentsOf: s.utf8) }
        let r = p.runs[run]
        guard r.face >= 0 else { return .init(range: range, run: run, width: 0, utf8: utf8, glyphs: [], scale: 0) }
        let face = p.faces[r.face].face
        let style = text.styles[Int(r.style)]
        let scale = style.drawnSize / Double(face.metrics.unitsPerEm)
        let shaped = cache.shape(utf8, face: face, script: r.script, language: selector.language)
        return .init(range: range, run: run, width: Double(shaped.advance) * scale, utf8: utf8,
                     glyphs: shaped.glyphs, scale: scale)
    }
}
