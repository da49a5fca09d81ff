import Testing
@testable import FolioLayout
import FolioModel

/// Full-width brackets in Korean running text are set half-width beside spaces and punctuation (issue 20: "NKDB,
/// 「센터" showed 1.5 em of space).
@Suite("Korean punctuation widths")
struct KoreanPunctuationTests {
    let font = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    /// The natural width of a text set as one unbroken line.
    func width(_ s: String, language: String) throws -> Double {
        let (_, selector) = Fixtures.inline(language: language)
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        let items = try ParagraphBuilder(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration())
            .build(text, maxWidth: 1000).items
        return items.reduce(0) { total, item in
            switch item {
            case .box(let b): total + b.width
            case .glue(let g): total + g.width
            case .kern(let k): total + k.width
            case .penalty: total
            }
        }
    }

    @Test func cornerBracketsAreHalfWidthInKorean() throws {
        // Two brackets add one em in Korean text (half an em each), where full-width ones added two.
        let bare = try width("센터 소개", language: "ko"), bracketed = try width("「센터 소개」", language: "ko")
        #expect(abs((bracketed - bare) - 10) < 0.5, "brackets add \(bracketed - bare) pt at 10 pt")
        let double = try width("『보고서』", language: "ko") - (try width("보고서", language: "ko"))
        #expect(abs(double - 10) < 0.5)
        // Between letters they keep their full width (a glyph over its neighbour would part the word in extracted
        // text): "권리「센터」의" adds two ems.
        let inside = try width("권리「센터」의", language: "ko") - (try width("권리센터의", language: "ko"))
        #expect(abs(inside - 20) < 0.5, "\(inside)")
    }
}
