import Testing
@testable import FolioLayout
import FolioModel

/// Titles and headings are set balanced (CSS text-wrap: balance) and never hyphenated (issue 20: the English title
/// ended with the single word "Review").
@Suite("balanced display text")
struct BalancedTextTests {
    @Test func aTitleDoesNotEndWithOneWordAlone() throws {
        let (inline, _) = Fixtures.inline(language: "en")
        let font = TextStyle(family: .sans, size: 17, bold: true, italic: false, color: .black)
        var text = StyledText()
        text.append("Democratic People’s Republic of Korea: Joint Submission to the 4th Cycle of the Universal Periodic Review", SpanStyle(font: font))
        var spec = ParagraphSpec(width: 400, align: .left, lineHeight: 20, baseStyle: SpanStyle(font: font))
        let plain = try inline.layout(text, spec).lines
        spec.balanced = true
        let balanced = try inline.layout(text, spec).lines
        #expect(balanced.count == plain.count && balanced.count > 1)
        let widths = balanced.map(\.contentWidth)
        // Every line within a fifth of the longest; the last is no lone word.
        #expect(widths.min()! > 0.8 * widths.max()!, "\(balanced.map(lineText))")
        #expect(lineText(balanced.last!).split(separator: " ").count > 1)
        #expect(!balanced.contains { lineText($0).hasSuffix("-") })
        // Lines end where a reader pauses, not after a little word that leads into the next ("Republic of / Korea").
        #expect(!balanced.dropLast().contains { InlineLayout.weakEnds.contains(String(lineText($0).split(separator: " ").last ?? "").lowercased()) },
                "\(balanced.map(lineText))")
        #expect(balanced.dropLast().contains { lineText($0).hasSuffix("Korea:") }, "\(balanced.map(lineText))")
    }
}
