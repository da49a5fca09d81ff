import FolioDisplay
import FolioFonts
import FolioModel

/// Inline layout of one paragraph: itemize → shape → break → set lines.
public struct InlineLayout {
    let selector: FontSelector
    let cache: ShapeCache
    let koreanBreaks: KoreanBreaks

    public init(selector: FontSelector, cache: ShapeCache, koreanBreaks: KoreanBreaks) {
        self.selector = selector; self.cache = cache; self.koreanBreaks = koreanBreaks
    }

    /// The result of setting a paragraph.
    public struct Result {
        public var lines: [LineBox]
        /// Characters no configured font has.
        public var missing: [Unicode.Scalar]
        /// Lines that end inside a word because nothing else fitted (Korean syllable or long-word breaks).
        public var emergencyBreaks: Int
    }

    /// Sets styled text into lines.
    public func layout(_ text: StyledText, _ spec: ParagraphSpec) throws -> Result {
        let builder = ParagraphBuilder(selector: selector, cache: cache, koreanBreaks: koreanBreaks)
        let items = try builder.build(text, maxWidth: spec.width - spec.firstLineIndent)
        let first = spec.width - spec.firstLineIndent
        let breaks = FirstFitBreaker.breaks(items.items) { $0 == 0 ? first : spec.width }
        let lines = LineBuilder(paragraph: items, text: text, spec: spec, baseline: try baseline(spec)).lines(breaks: breaks)
        var emergency = 0
        for b in breaks where b < items.items.count {
            if case .penalty(let p) = items.items[b], p.emergency { emergency += 1 }
        }
        return Result(lines: lines, missing: items.missing, emergencyBreaks: emergency)
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
