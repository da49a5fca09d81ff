import Testing
import FolioDisplay
@testable import FolioLayout
import FolioModel

/// Font expansion (`body.composer.expansion`, pdfTeX's): a justified line may widen or narrow its Latin glyphs a
/// little, in steps, so that its spaces stretch less; Hangul keeps its square advance.
@Suite("font expansion")
struct FontExpansionTests {
    static let english = "This submission focuses on three areas in which our documentation shows persistent and, in some respects, worsening patterns since the third cycle of the review in 2019: the right to a fair trial; freedom of opinion and expression, in light of three laws adopted between 2020 and 2023; and freedom of movement, with particular attention to the forced repatriation of nationals."

    func lines(_ s: String, language: String = "en", expansion: Double? = nil, align: Alignment = .justify,
               width: Double = 300) throws -> [LineBox] {
        let (_, selector) = Fixtures.inline(language: language)
        var layout = try Fixtures.engine.layouts.load("upr-submission", language: language)
        if let expansion { layout.body.composer.expansion = expansion }
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
        let font = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        return try inline.layout(text, ParagraphSpec(width: width, align: align, lineHeight: 14, baseStyle: SpanStyle(font: font))).lines
    }

    func runs(_ lines: [LineBox]) -> [GlyphRun] {
        lines.flatMap { $0.items.compactMap { if case .glyphs(let r) = $0 { return r } else { return nil } } }
    }

    /// The widest space of each line but the last, in points: the gap between a run's space glyph and what follows.
    func widestSpaces(_ lines: [LineBox]) -> [Double] {
        lines.dropLast().map { line in
            var widest = 0.0
            for run in runs([line]) {
                let scalars = Array(run.text.unicodeScalars)
                var s = 0, g = 0
                for cluster in run.clusters {
                    if scalars[s] == " ", g + 1 < run.glyphs.count { widest = max(widest, run.glyphs[g + 1].x - run.glyphs[g].x) }
                    s += EvenSpacingTests.scalarCount(scalars, from: s, bytes: cluster.bytes)
                    g += cluster.glyphs
                }
            }
            return widest
        }
    }

    @Test func justifiedLatinLinesExpandInSteps() throws {
        let set = try lines(Self.english)
        let stretches = Set(runs(set).map(\.stretch))
        #expect(stretches.contains { $0 != 1 }, "no line expanded")
        for s in stretches {
            #expect(s >= 0.98 - 1e-9 && s <= 1.02 + 1e-9, "stretch \(s)")
            let steps = (s - 1) / LineBuilder.expansionStep
            #expect(abs(steps - steps.rounded()) < 1e-6, "stretch \(s) is not a multiple of the step")
        }
        // The lines still fill the measure (or hang a comma or hyphen past it).
        for line in set.dropLast() {
            #expect(line.contentWidth > 300 - 0.01 && line.contentWidth < 300 + 3, "\(lineText(line)) ends at \(line.contentWidth)")
        }
        // and their widest spaces are no wider than without expansion.
        let plain = try lines(Self.english, expansion: 0)
        #expect(runs(plain).allSatisfy { $0.stretch == 1 })
        #expect((widestSpaces(set).max() ?? 0) <= (widestSpaces(plain).max() ?? 0) + 1e-6)
    }

    @Test func expansionWidensGlyphsButDoesNotRaiseTheirMarks() throws {
        // Combining accents are placed by HarfBuzz with a y offset; expansion scales advances and x offsets only.
        let decomposed = Self.english.replacingOccurrences(of: "o", with: "q\u{0302}\u{0323}").replacingOccurrences(of: "a", with: "x\u{0301}")
        func raised(_ lines: [LineBox]) -> Set<Double> {
            Set(runs(lines).flatMap { $0.glyphs.map { ($0.y * 1000).rounded() / 1000 } }.filter { $0 != 0 })
        }
        let expanded = try lines(decomposed)
        #expect(runs(expanded).contains { $0.stretch != 1 })
        let heights = raised(expanded)
        #expect(!heights.isEmpty, "no mark was placed with a y offset")
        #expect(heights == raised(try lines(decomposed, expansion: 0)))
    }

    @Test func raggedTextAndHangulAreNeverExpanded() throws {
        #expect(runs(try lines(Self.english, align: .left)).allSatisfy { $0.stretch == 1 })
        let korean = "북한은 2019년 제3주기 보편적 정례인권검토에서 받은 권고 가운데 공정한 재판 보장과 관련된 권고를 수용하였다. 그러나 자유권위원회(Human Rights Committee)에 제출해야 할 정기 보고서는 여전히 제출되지 않았으며, 평양문화어보호법(Pyongyang Cultural Language Protection Act)은 남한식 말투를 쓰는 사람을 처벌한다."
        let set = try runs(lines(korean, language: "ko", width: 260))
        #expect(set.contains { $0.stretch != 1 }, "the Latin words of a Korean paragraph expand too")
        for run in set where run.text.unicodeScalars.contains(where: { $0.value >= 0xAC00 && $0.value <= 0xD7A3 }) {
            #expect(run.stretch == 1, "Hangul run \(run.text) stretched \(run.stretch)")
        }
    }
}
