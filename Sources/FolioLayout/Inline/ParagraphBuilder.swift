import FolioFonts
import FolioModel
import FolioUnicode

/// Builds the item list of a paragraph: itemize, find break opportunities, shape the pieces between them,
/// hyphenate, and add the adjustable spaces of Korean justification.
struct ParagraphBuilder {
    let selector: FontSelector
    let cache: ShapeCache
    let configuration: ComposerConfiguration

    /// Cost of an emergency break: above any ordinary break, so it is taken only when nothing else fits.
    static let emergencyCost = 5000.0
    /// Cost of a hyphen (TeX's \\hyphenpenalty is 50).
    static let hyphenCost = 50.0
    /// The narrowest a word space is set, in em: half a Korean space (0.31 em), a little under a Latin space at its
    /// limit (0.26 em less a third).
    static let narrowestSpace = 0.155
    /// Cost of breaking a URL after / . - _ ? &: allowed, but a space is better.
    static let urlCost = 100.0
    /// Cost of breaking between a Korean word and its bracketed gloss: a hyphen's, as the reader's eye is carried
    /// across the break as it is across a hyphen.
    static let glossCost = 50.0
    /// Characters a French space before them binds to (the space is a thin non-breaking one in print).
    static let frenchBindsBefore: Set<UInt32> = Set(":;!?»".unicodeScalars.map(\.value))

    /// Dashes that, set between spaces, bind to the word before them.
    static let spacedDashes: Set<UInt32> = [0x2014, 0x2013]
    /// Cost of breaking inside a document symbol (A/HRC/25/63): a line stretched to about twice its stretch (spaces
    /// some two thirds of an em wide) costs about as much.
    static let bindCost = 1000.0
    /// Cost of parting a number from what it counts ("109 group", "2023년 10월"): about a line at 1.4 times its
    /// stretch. Ragged text (first fit) takes it, as a symbol break, only when a line has no other break.
    static let unitCost = 300.0

    /// Whether the space `space` parts a short number from the lowercase word it counts ("109 group", "3 km";
    /// not a year), a Korean year or month from the number after it ("2023년 10월"), or a Korean number from its
    /// counter ("100여 개국", "세 개의", "한 차례": klreq keeps numbers with their units).
    static func bindsNumber(_ s: [Unicode.Scalar], space: Range<Int>) -> Bool {
        let i = space.lowerBound, j = space.upperBound
        guard i > 0, j < s.count else { return false }
        if KoreanCounters.binds(s, before: i, after: j) { return true }
        var k = i
        while k > 0, BreakRules.isDigit(s[k - 1]) || s[k - 1] == "." || s[k - 1] == "," { k -= 1 }
        let digits = i - k
        if digits > 0, digits <= 3, k == 0 || BreakRules.isBreakingSpace(s[k - 1]) || s[k - 1] == "(",
           s[j].properties.isLowercase {
            return true
        }
        let unit = s[i - 1] == "년" || s[i - 1] == "월"
        return unit && i >= 2 && BreakRules.isDigit(s[i - 2]) && BreakRules.isDigit(s[j])
    }

    /// Share of a glyph's width that hangs into the margin (microtype's default for . , and -).
    static let protrusionFactor = 0.7

    /// What setting a paragraph's text reads at every step, and the space width last found.
    private struct Scan {
        let text: StyledText
        let scalars: [Unicode.Scalar]
        /// The run of each scalar.
        let runOf: [Int]
        let classes: [BreakClass]
        let rules: BreakRules
        /// The patterns for the words of each script that is hyphenated (the edition's own, and Latin).
        let hyphenators: [ScriptTag: Hyphenator]
        let french: Bool
        /// Korean text: brackets beside spaces and punctuation are set half-width.
        var korean = false
        let maxWidth: Double
        /// The edition's spacing of Chinese and Japanese text (none for other languages).
        let cjk: CJKSpacing
        /// The space width of the last run that had one.
        var spaceRun = -1, spaceWidth = 0.0
    }

    func build(_ text: StyledText, maxWidth: Double) throws -> ParagraphItems {
        let itemized = try Itemizer(selector: selector).itemize(text)
        var result = ParagraphItems(runs: itemized.runs, faces: itemized.faces, missing: itemized.missing)
        let scalars = text.scalars
        let n = scalars.count
        if n == 0 { return result }
        result.items.reserveCapacity(n / 2 + 8)   // about three items (box, glue, penalty) per six-letter word
        var runOf = [Int](repeating: 0, count: n)
        for (r, run) in itemized.runs.enumerated() { for i in run.range { runOf[i] = r } }
        let rules = BreakRules(scalars: scalars, text: text, koreanBreaks: configuration.koreanBreaks)
        var scan = Scan(text: text, scalars: scalars, runOf: runOf, classes: try rules.classes(language: selector.language),
                        rules: rules, hyphenators: configuration.hyphenation != nil ? Self.hyphenators(selector.language) : [:],
                        french: selector.language.hasPrefix("fr"), maxWidth: maxWidth, cjk: CJKSpacing(language: selector.language))
        scan.korean = selector.language.hasPrefix("ko")
        var i = 0
        while i < n {
            let s = scalars[i]
            if s == "\u{2028}" || s == "\n" {
                result.items.append(.penalty(.init(cost: -.infinity, forced: true)))
                i += 1
            } else if BreakRules.isBreakingSpace(s) {
                i = appendSpace(at: i, &scan, into: &result)
            } else if s == "\u{AD}" {
                i += 1   // soft hyphen: only a break class, never drawn
            } else {
                i = try appendText(at: i, scan, into: &result)
            }
        }
        if configuration.expansion > 0 { allowExpansion(&result, text, rules) }
        return result
    }

    /// The patterns of an edition's language by script: its own words', and English (or its own) for Latin words.
    private static func hyphenators(_ language: String) -> [ScriptTag: Hyphenator] {
        var out: [ScriptTag: Hyphenator] = [:]
        let own = LanguageSupport.of(language)?.script ?? .latin
        for script in Set([own, .latin]) {
            if let lang = LanguageSupport.hyphenationLanguage(for: script, in: language), let h = Hyphenator.forLanguage(lang) {
                out[script] = h
            }
        }
        return out
    }

    /// Appends the glue of the spaces that start at `i`; returns the index after them.
    @inline(__always)
    private func appendSpace(at i: Int, _ scan: inout Scan, into result: inout ParagraphItems) -> Int {
        let n = scan.scalars.count
        var j = i + 1
        while j < n, BreakRules.isBreakingSpace(scan.scalars[j]) { j += 1 }
        let run = scan.runOf[i]
        if run != scan.spaceRun { scan.spaceRun = run; scan.spaceWidth = spaceWidth(result, run: run, text: scan.text) }
        let w = scan.spaceWidth
        // French sets a space before : ; ! ? » and after « that never breaks, and a spaced dash binds to the word
        // before it (no line starts with a dash): a penalty of +∞ before the glue makes it no breakpoint (TeX's
        // \nobreak). Chinese and Japanese kinsoku hold across a typed space too: no line starts with a closing mark or
        // ends with an opening one because a space stood beside it. A number keeps the word it counts ("109 group"), a
        // Korean date its next part ("2023년 10월"), unless nothing else fits.
        let french = scan.french && ((j < n && Self.frenchBindsBefore.contains(scan.scalars[j].value)) || (i > 0 && scan.scalars[i - 1] == "«"))
        let kinsoku = scan.cjk.isCJK && ((j < n && BreakRules.neverStartsLine(scan.scalars[j])) || (i > 0 && BreakRules.neverEndsLine(scan.scalars[i - 1])))
        if french || kinsoku {
            result.items.append(.penalty(.init(cost: .infinity)))
        } else if j < n, Self.spacedDashes.contains(scan.scalars[j].value), j + 1 == n || BreakRules.isBreakingSpace(scan.scalars[j + 1]) {
            result.items.append(.penalty(.init(cost: .infinity)))
        } else if Self.bindsNumber(scan.scalars, space: i..<j) {
            result.items.append(.penalty(.init(cost: Self.unitCost)))
        }
        // No space shrinks below `narrowestSpace`, whatever its share: where Korean spaces may give up half their
        // width, the spaces between the Latin words among them stop at the same width, not at half their own.
        let shrink = min(w * configuration.spaceShrink, max(0, w - result.runs[run].size * Self.narrowestSpace))
        result.items.append(.glue(.init(range: i..<j, run: run, width: w, stretch: w * configuration.spaceStretch, shrink: shrink)))
        return j
    }

    /// Appends the text from `i` up to the next break opportunity, space or run change (hyphenated where it may
    /// be), the kern before it and the break after it; returns the index of what follows.
    private func appendText(at i: Int, _ scan: Scan, into result: inout ParagraphItems) throws -> Int {
        let n = scan.scalars.count, run = scan.runOf[i]
        var j = i + 1
        while j < n, scan.runOf[j] == run, scan.classes[j] == .none, !BreakRules.isBreakingSpace(scan.scalars[j]),
              scan.scalars[j] != "\u{2028}", scan.scalars[j] != "\n", scan.scalars[j] != "\u{AD}",
              !splitsCJK(scan.scalars[j - 1], scan.scalars[j], scan.cjk) { j += 1 }
        let before = result.items.count
        // Two boxes with no break between them (a style or script change inside a word) may still be
        // parted as a last resort, so that no chain of boxes is wider than a line; two marks split only to be
        // set closer are not.
        if before > 0, i > 0, result.items[before - 1].isBox, !splitsCJK(scan.scalars[i - 1], scan.scalars[i], scan.cjk) {
            result.items.append(.penalty(.init(cost: Self.emergencyCost * 2, emergency: true)))
        }
        let isImage = scan.text.styles[Int(result.runs[run].style)].image != nil
        let hyphenator = isImage || scan.hyphenators.isEmpty ? nil : scan.hyphenators[result.runs[run].script]
        let hyphenating = hyphenator != nil
            && scan.rules.mayHyphenate(i..<j, capitalized: configuration.hyphenation?.capitalized ?? false)
        if !isImage, appendWord(i..<j, run: run, text: scan.text, hyphenator: hyphenating ? hyphenator : nil,
                                into: &result, maxWidth: scan.maxWidth) {
            // set from the word cache
        } else if hyphenating, let hyphenator {
            try appendHyphenated(i..<j, run: run, text: scan.text, hyphenator: hyphenator, into: &result, maxWidth: scan.maxWidth)
        } else {
            try appendBox(i..<j, run: run, text: scan.text, into: &result, maxWidth: scan.maxWidth)
        }
        if scan.korean { HalfWidthBrackets.apply(&result.items, from: before, scalars: scan.scalars) }
        addKern(between: before, text: scan.text, cjk: scan.cjk, into: &result)
        var k = j
        while k < n, scan.scalars[k] == "\u{AD}" { k += 1 }
        if k < n, !BreakRules.isBreakingSpace(scan.scalars[k]) {
            switch scan.classes[k] {
            case .allowed: result.items.append(.penalty(.init(cost: 0)))
            case .url: result.items.append(.penalty(.init(cost: Self.urlCost, inURL: true)))
            case .gloss: result.items.append(.penalty(.init(cost: Self.glossCost, gloss: true)))
            // Not in the first pass: it would take it for a line that fits, and never try the loose pass, where
            // the symbol stays whole unless keeping it costs a line with gaps wider than its cost.
            case .bound: result.items.append(.penalty(.init(cost: Self.bindCost, emergency: true, bound: true)))
            case .softHyphen: result.items.append(.penalty(hyphenPenalty(run: scan.runOf[j - 1], text: scan.text, result)))
            case .emergency: result.items.append(.penalty(.init(cost: Self.emergencyCost, emergency: true)))
            case .mandatory: result.items.append(.penalty(.init(cost: -.infinity, forced: true)))
            case .none: break
            }
        }
        return k
    }

    private func spaceWidth(_ p: ParagraphItems, run: Int, text: StyledText) -> Double {
        let r = p.runs[run]
        guard r.face >= 0 else { return 0 }
        let face = p.faces[r.face].face
        let shaped = cache.shape([0x20], face: face, script: r.script, language: selector.language)
        return Double(shaped.advance) * r.size / Double(face.metrics.unitsPerEm)
    }

    /// A flagged penalty that sets a hyphen in the run's face.
    private func hyphenPenalty(run: Int, text: StyledText, _ p: ParagraphItems) -> ParagraphItems.Penalty {
        let r = p.runs[run]
        guard r.face >= 0 else { return .init(cost: Self.hyphenCost, flagged: true) }
        let face = p.faces[r.face].face
        let scale = r.size / Double(face.metrics.unitsPerEm)
        let shaped = cache.shape([0x2D], face: face, script: r.script, language: selector.language)
        return Self.hyphenBreak(run: run, glyphs: shaped.glyphs, scale: scale, width: Double(shaped.advance) * scale)
    }

    /// The flagged penalty of a hyphenation point whose hyphen, set in run `run`, has these glyphs and width, and
    /// `leading` before it.
    private static func hyphenBreak(run: Int, glyphs: [ShapedGlyph], scale: Double, width: Double,
                                    leading: Double = 0) -> ParagraphItems.Penalty {
        .init(width: leading + width, cost: hyphenCost, flagged: true,
              hyphen: .init(run: run, glyphs: glyphs, scale: scale, width: width, leading: leading))
    }

    /// Hyphenation settings as a cache-key variant (0: not hyphenated).
    private var hyphenationVariant: UInt32 {
        guard let h = configuration.hyphenation else { return 0 }
        func byte(_ v: Int) -> UInt32 { UInt32(clamping: min(max(v, 0), 255)) }
        return 1 << 24 | byte(h.minWord) << 16 | byte(h.minLeft) << 8 | byte(h.minRight)
    }

    /// Appends a word's boxes (and hyphenation penalties) from the word cache; false, appending nothing, when
    /// the run has no face or a piece is wider than the line (the caller then cuts it up).
    private func appendWord(_ range: Range<Int>, run: Int, text: StyledText, hyphenator: Hyphenator?,
                            into p: inout ParagraphItems, maxWidth: Double) -> Bool {
        let r = p.runs[run]
        guard r.face >= 0 else { return false }
        let face = p.faces[r.face].face
        let rtl = r.isRightToLeft
        let variant = (hyphenator == nil ? 0 : hyphenationVariant) | (rtl ? ShapeCache.rightToLeftBit : 0)
        let word: ShapedWord
        if range.count == 1 {
            word = cache.single(text.scalars[range.lowerBound], face: face, script: r.script, language: selector.language, hyphenation: variant) {
                makeWord(range, utf8: Self.utf8(text, range), face: face, script: r.script, rightToLeft: rtl, text: text, hyphenator: hyphenator)
            }
        } else {
            let bytes = Self.utf8(text, range)
            word = cache.word(bytes, face: face, script: r.script, language: selector.language, hyphenation: variant) {
                makeWord(range, utf8: bytes, face: face, script: r.script, rightToLeft: rtl, text: text, hyphenator: hyphenator)
            }
        }
        let scale = r.size / Double(face.metrics.unitsPerEm)
        for piece in word.pieces where piece.scalars > 1 && Double(piece.advance) * scale > maxWidth { return false }
        let hyphenWidth = Double(word.hyphenAdvance) * scale
        var start = range.lowerBound
        for (k, piece) in word.pieces.enumerated() {
            if k > 0 && piece.cutBefore {
                p.items.append(.penalty(Self.hyphenBreak(run: run, glyphs: word.hyphen, scale: scale, width: hyphenWidth,
                                                         leading: Double(word.pieces[k - 1].breakAdvance) * scale)))
            }
            let end = start + piece.scalars
            if let split = piece.split {
                // A ligature holding a hyphenation point: one item, the ligature unbroken or its parts broken. The
                // pre-break part fills the hyphen's leading.
                var penalty = Self.hyphenBreak(run: run, glyphs: word.hyphen, scale: scale, width: hyphenWidth,
                                               leading: Double(split.pre.advance) * scale)
                penalty.disc = .init(run: run, scale: scale, nobreak: ShapedText(utf8: piece.utf8, glyphs: piece.glyphs, advance: piece.advance),
                                     pre: split.pre, post: split.post)
                p.items.append(.penalty(penalty))
            } else {
                var box = ParagraphItems.Box(range: start..<end, run: run, width: Double(piece.advance) * scale,
                                             utf8: piece.utf8, glyphs: piece.glyphs, scale: scale)
                box.protrusion = protrusion(of: piece.glyphs, ending: text.scalars[end - 1], scale: scale, rightToLeft: rtl)
                p.items.append(.box(box))
            }
            start = end
        }
        return true
    }

    /// Shapes a word whole, and cuts it at its hyphenation points when `hyphenator` is given (see `ShapedWord.cut`).
    private func makeWord(_ range: Range<Int>, utf8: [UInt8], face: FontFace, script: ScriptTag, rightToLeft: Bool,
                          text: StyledText, hyphenator: Hyphenator?) -> ShapedWord {
        let whole = cache.shape(utf8, face: face, script: script, language: selector.language, rightToLeft: rightToLeft)
        // Scalar offsets from the word's start.
        let cuts = hyphenator.map { hyphenationPoints(range, text: text, hyphenator: $0).map { $0 - range.lowerBound } } ?? []
        if cuts.isEmpty {
            return ShapedWord(pieces: [.init(scalars: range.count, utf8: utf8, glyphs: whole.glyphs, advance: whole.advance)], hyphen: [])
        }
        var points: [(scalar: Int, byte: Int)] = []
        var byte = 0, scalar = 0
        for cut in cuts {
            while scalar < cut { byte += text.scalars[range.lowerBound + scalar].utf8.count; scalar += 1 }
            points.append((cut, byte))
        }
        let pieces = ShapedWord.cut(whole, utf8: utf8, scalars: range.count, at: points) {
            cache.shape($0, face: face, script: script, language: selector.language)
        }
        let hyphen = pieces.count > 1 ? cache.shape([0x2D], face: face, script: script, language: selector.language).glyphs : []
        return ShapedWord(pieces: pieces, hyphen: hyphen)
    }

    /// Where a word may be hyphenated (scalar indices into the text), with the layout's limits.
    private func hyphenationPoints(_ range: Range<Int>, text: StyledText, hyphenator: Hyphenator) -> [Int] {
        let letters = BreakRules.letterCore(text.scalars, range)
        guard let h = configuration.hyphenation, letters.count >= h.minWord else { return [] }
        return hyphenator.points(in: Array(text.scalars[letters]), minLeft: h.minLeft, minRight: h.minRight)
            .map { letters.lowerBound + $0 }
    }

    /// How far a box ending with `last` hangs into the margin (hanging punctuation), 0 when it does not.
    /// Right-to-left glyphs come in visual order: the logical end is the first.
    private func protrusion(of glyphs: [ShapedGlyph], ending last: Unicode.Scalar, scale: Double, rightToLeft: Bool = false) -> Double {
        guard configuration.hangingPunctuation, BreakRules.hangs(last), let g = rightToLeft ? glyphs.first : glyphs.last else { return 0 }
        // Chinese and Japanese lines end square: a full-width 、 or 。 stays inside the measure (its blank half
        // already gives the optical edge).
        if BreakRules.isCJK(last), CJKSpacing(language: selector.language).isCJK { return 0 }
        return Double(g.advance) * scale * Self.protrusionFactor
    }

    /// The UTF-8 bytes of a range of the text.
    private static func utf8(_ text: StyledText, _ range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for s in text.scalars[range] { bytes.append(contentsOf: s.utf8) }
        return bytes
    }

    /// A word split at its hyphenation points, with flagged penalties between the pieces.
    private func appendHyphenated(_ range: Range<Int>, run: Int, text: StyledText, hyphenator: Hyphenator,
                                  into p: inout ParagraphItems, maxWidth: Double) throws {
        var start = range.lowerBound
        for cut in hyphenationPoints(range, text: text, hyphenator: hyphenator) {
            try appendBox(start..<cut, run: run, text: text, into: &p, maxWidth: maxWidth)
            p.items.append(.penalty(hyphenPenalty(run: run, text: text, p)))
            start = cut
        }
        try appendBox(start..<range.upperBound, run: run, text: text, into: &p, maxWidth: maxWidth)
    }

    /// Shapes scalars of one run into a box; a box wider than a line is cut at grapheme boundaries
    /// with emergency penalties between the pieces, so that nothing overflows.
    private func appendBox(_ range: Range<Int>, run: Int, text: StyledText, into p: inout ParagraphItems, maxWidth: Double) throws {
        let box = shapeBox(range, run: run, text: text, p)
        if box.width <= maxWidth || range.count == 1 {
            p.items.append(.box(box))
            return
        }
        // Cut at grapheme boundaries from the one shaping of the whole box (linear, even for a 5,000-letter word).
        let bounds = try LineBreakOpportunities.graphemeBoundaries(in: Array(text.scalars[range]))
        var byteAt = [Int](repeating: 0, count: range.count + 1)
        for (k, s) in text.scalars[range].enumerated() { byteAt[k + 1] = byteAt[k] + s.utf8.count }
        // Advance of each grapheme, from the glyphs whose cluster starts inside it. A right-to-left run's glyphs come
        // in visual order, their clusters falling: each glyph's grapheme is found by its cluster, not by walking on.
        let ends = bounds.map { byteAt[$0] }
        var advances = [Double](repeating: 0, count: bounds.count)
        for glyph in box.glyphs {
            var lo = 0, hi = bounds.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if Int(glyph.cluster) < ends[mid] { hi = mid } else { lo = mid + 1 } }
            advances[lo] += Double(glyph.advance) * box.scale
        }
        var start = 0, width = 0.0
        for k in bounds.indices {
            if width + advances[k] > maxWidth, width > 0 {
                let cut = k == 0 ? 0 : bounds[k - 1]
                p.items.append(.box(shapeBox((range.lowerBound + start)..<(range.lowerBound + cut), run: run, text: text, p)))
                p.items.append(.penalty(.init(cost: Self.emergencyCost, emergency: true)))
                start = cut
                width = 0
            }
            width += advances[k]
        }
        p.items.append(.box(shapeBox((range.lowerBound + start)..<range.upperBound, run: run, text: text, p)))
    }

    private func shapeBox(_ range: Range<Int>, run: Int, text: StyledText, _ p: ParagraphItems) -> ParagraphItems.Box {
        let utf8 = Self.utf8(text, range)
        let r = p.runs[run]
        let style = text.styles[Int(r.style)]
        if let image = style.image {
            // Images side by side (U+FFFC each) are one run: as wide as all of them.
            return .init(range: range, run: run, width: style.imageHeight * image.aspect * Double(range.count), utf8: utf8, glyphs: [], scale: 0)
        }
        guard r.face >= 0 else { return .init(range: range, run: run, width: 0, utf8: utf8, glyphs: [], scale: 0) }
        let face = p.faces[r.face].face
        let scale = r.size / Double(face.metrics.unitsPerEm)
        let shaped = cache.shape(utf8, face: face, script: r.script, language: selector.language, rightToLeft: r.isRightToLeft)
        var box = ParagraphItems.Box(range: range, run: run, width: Double(shaped.advance) * scale, utf8: utf8,
                                     glyphs: shaped.glyphs, scale: scale)
        if let last = range.last { box.protrusion = protrusion(of: shaped.glyphs, ending: text.scalars[last], scale: scale, rightToLeft: r.isRightToLeft) }
        return box
    }
}
