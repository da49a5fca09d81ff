import FolioDisplay
import FolioFonts
import FolioModel
import FolioUnicode

/// Inline layout of one paragraph: itemize → shape → break → set lines.
/// Justified text goes through the Knuth–Plass composer, ragged text through first fit.
public struct InlineLayout {
    let selector: FontSelector
    let cache: ShapeCache
    /// How justified text is set.
    let configuration: ComposerConfiguration
    /// How other text is set.
    let ragged: ComposerConfiguration

    public init(selector: FontSelector, cache: ShapeCache, configuration: ComposerConfiguration) {
        self.selector = selector; self.cache = cache; self.configuration = configuration; ragged = configuration.ragged
    }

    /// The result of setting a paragraph.
    public struct Result: Sendable {
        public var lines: [LineBox]
        /// Characters no configured font has.
        public var missing: [Unicode.Scalar]
        /// Lines that end inside a word because nothing else fitted (Korean syllable or long-word breaks).
        public var emergencyBreaks: Int
        /// Which breaker set the lines.
        public var composer: Composer
        /// The faces the lines use (their first use is reported by the selector of the layout that takes them).
        var faces: [SelectedFace] = []
    }

    /// The breaker that set a paragraph's lines, and in which pass; the raw value is how notes name it.
    public enum Composer: String, Sendable, CustomStringConvertible {
        /// Ragged text, or justified text without the optimal composer.
        case firstFit = "first-fit"
        case optimal
        /// Knuth–Plass at the second pass's tolerance, when the layout's tolerance found no breaks.
        case optimalLoose = "optimal (loose pass)"
        /// Knuth–Plass with breaks inside words allowed.
        case optimalEmergency = "optimal (emergency pass)"
        /// First fit, after no pass of Knuth–Plass found breaks.
        case firstFitFallback = "first-fit (fallback)"
        public var description: String { rawValue }
    }

    /// Sets styled text into lines.
    public func layout(_ text: StyledText, _ spec: ParagraphSpec) throws -> Result {
        var times = PhaseTimes()
        return try layout(text, spec, times: &times)
    }

    /// Sets styled text into lines, adding the time of each stage to `times`.
    public func layout(_ text: StyledText, _ spec: ParagraphSpec, times: inout PhaseTimes) throws -> Result {
        let justify = spec.align == .justify
        let builder = ParagraphBuilder(selector: selector, cache: cache, configuration: justify ? configuration : ragged)
        var paragraph = try times.measure("itemize+shape") { try builder.build(text, maxWidth: spec.width - spec.firstLineIndent) }
        let breakStart = monotonicSeconds()
        if !(paragraph.items.last?.isForced ?? false) {
            paragraph.items.append(.penalty(.init(cost: -.infinity, forced: true)))
        }
        let first = spec.width - spec.firstLineIndent
        let width: (Int) -> Double = { $0 == 0 ? first : spec.width }
        var breaks: [Int]? = nil
        var used = Composer.firstFit
        if justify && !configuration.passes.isEmpty {
            (breaks, used) = compose(&paragraph, width: width)
        }
        var chosen = breaks ?? FirstFitBreaker.breaks(paragraph.items, width: width)
        if spec.balanced && !justify { chosen = Self.balanced(paragraph.items, breaks: chosen, width: spec.width) }
        times.add("break", monotonicSeconds() - breakStart)
        let lines = try times.measure("set lines") {
            LineBuilder(paragraph: paragraph, text: text, spec: spec, baseline: try baseline(spec),
                        languages: SpanLanguages(edition: selector.language, script: selector.defaultScript),
                        rightToLeft: Bidi.isRightToLeft(language: selector.language)).lines(breaks: chosen)
        }
        if justify, spec.raggedWhenURLStretches, stretchesForURL(lines, paragraph) {
            var ragged = spec
            ragged.align = .left
            return try layout(text, ragged, times: &times)
        }
        var emergency = 0
        for b in chosen where b < paragraph.items.count {
            if case .penalty(let p) = paragraph.items[b], p.emergency { emergency += 1 }
        }
        return Result(lines: lines, missing: paragraph.missing, emergencyBreaks: emergency, composer: used, faces: paragraph.faces)
    }

    /// Breaks justified text with the layout's passes in turn; when the lines found stretch their spaces past
    /// `LetterSpacing.trigger`, tries the paragraph letter-spaced a step wider or tighter and keeps what costs least
    /// (fewest passes, then fewest demerits), leaving the chosen items in `paragraph`.
    private func compose(_ paragraph: inout ParagraphItems, width: (Int) -> Double) -> ([Int]?, Composer) {
        func solve(_ items: [ParagraphItems.Item], _ spacing: LetterSpacing.Spacing?) -> (pass: Int, solution: KnuthPlass.Solution)? {
            let prepared = KnuthPlass.prepare(items, spacing: spacing)
            for (k, pass) in configuration.passes.enumerated() {
                if let s = KnuthPlass.solve(prepared, items, width: width, parameters: pass.parameters) { return (k, s) }
            }
            return nil
        }
        var best = solve(paragraph.items, nil)
        // Lines that fit, and paragraphs that break inside words anyway (a column narrower than its words), are
        // not letter-spaced.
        if let b = best, b.solution.worst <= LetterSpacing.trigger || configuration.passes[b.pass].parameters.allowEmergency {
            return (b.solution.breaks, configuration.passes[b.pass].name)
        }
        let hangul = LetterSpacing.isHangul(paragraph)
        var bestSpacing: LetterSpacing.Spacing? = nil
        for t in LetterSpacing.steps(configuration, hangul: hangul) {
            let spacing = LetterSpacing.Spacing(t: t, hangul: hangul, runs: paragraph.runs)
            guard let s = solve(paragraph.items, spacing) else { continue }
            if let b = best, (b.pass, b.solution.demerits) <= (s.pass, s.solution.demerits) { continue }
            best = s
            bestSpacing = spacing
        }
        if let bestSpacing { bestSpacing.apply(to: &paragraph.items) }
        guard let best else { return (nil, .firstFitFallback) }
        return (best.solution.breaks, configuration.passes[best.pass].name)
    }

    /// Whether a paragraph holding a URL has a line that justifying stretches past its spaces' stretch (an adjustment
    /// ratio above 1), whether it was set so or, holding a piece of the URL, ragged alone.
    private func stretchesForURL(_ lines: [LineBox], _ paragraph: ParagraphItems) -> Bool {
        lines.contains(where: \.overstretched) && paragraph.items.contains { if case .penalty(let p) = $0 { p.inURL } else { false } }
    }

    /// The baseline's distance from the line top: the base face's ascent plus half the leading (CSS's model),
    /// so that lines of one paragraph sit on a regular grid whatever scripts they mix.
    func baseline(_ spec: ParagraphSpec) throws -> Double {
        let font = spec.baseStyle.font
        let chain = try selector.chain(role: font.family, bold: font.bold, italic: font.italic, script: selector.defaultScript)
        guard let face = chain.first?.face else { return spec.lineHeight * 0.8 }
        let m = face.metrics
        let em = Double(m.unitsPerEm)
        let ascent = Double(m.ascender) / em * font.size
        let descent = -Double(m.descender) / em * font.size
        return (spec.lineHeight - (ascent + descent)) / 2 + ascent
    }
}
