import Testing
import FolioLayout
import FolioModel

/// `InlineLayout.Result.composer` names the breaker and pass that set a paragraph (notes quote it).
@Suite("which composer set a paragraph")
struct ComposerPassTests {
    let body = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)
    let prose = "The delegation accepted several recommendations on fair trials and on training for the police, " +
        "prosecutors and judges, and said that it would report on their implementation."

    @Test func raggedTextIsSetFirstFit() throws {
        let (inline, _) = Fixtures.inline(language: "en")
        var text = StyledText()
        text.append(prose, SpanStyle(font: body))
        let result = try inline.layout(text, ParagraphSpec(width: 200, align: .left, lineHeight: 14, baseStyle: SpanStyle(font: body)))
        #expect(result.composer == .firstFit)
    }

    @Test func justifiedTextIsSetByKnuthPlass() throws {
        #expect(try Fixtures.composed(prose, width: 300, font: body).composer == .optimal)
    }

    @Test func aWordWiderThanTheLineTakesTheEmergencyPass() throws {
        let result = try Fixtures.composed("국제인권연맹과북한인권정보센터의공동보고서", width: 60, font: body)
        #expect(result.composer == .optimalEmergency)
        #expect(result.composer.description == "optimal (emergency pass)")
    }
}
