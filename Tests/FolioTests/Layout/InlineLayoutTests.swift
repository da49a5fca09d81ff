import Testing
import FolioDisplay
@testable import FolioLayout
import FolioModel
import FolioUnicode

/// The text of a set line, from its glyph runs.
func lineText(_ line: LineBox) -> String {
    line.items.compactMap { if case .glyphs(let r) = $0 { return r.text } else { return nil } }.joined()
}

@Suite("itemize, shape and break lines")
struct InlineLayoutTests {
    let body = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    func styled(_ s: String) -> StyledText {
        var t = StyledText()
        t.append(s, SpanStyle(font: body))
        return t
    }

    func set(_ s: String, width: Double, language: String = "ko", breaks: KoreanBreaks = .word, align: Alignment = .justify) throws -> InlineLayout.Result {
        let (inline, _) = Fixtures.inline(language: language, breaks: breaks)
        return try inline.layout(styled(s), ParagraphSpec(width: width, align: align, lineHeight: 15, baseStyle: SpanStyle(font: body)))
    }

    @Test func itemizesMixedKoreanAndEnglishByScriptAndFont() throws {
        let (_, selector) = Fixtures.inline(language: "ko")
        let result = try Itemizer(selector: selector).itemize(styled("북한인권정보센터(NKDB)는 UPR에"))
        let runs = result.runs.map { run in
            (String(String.UnicodeScalarView(Array("북한인권정보센터(NKDB)는 UPR에".unicodeScalars)[run.range])),
             result.faces[run.face].face.familyName, run.script.description)
        }
        #expect(runs.map(\.0) == ["북한인권정보센터(", "NKDB)", "는 ", "UPR", "에"])
        #expect(runs.map(\.1) == ["Noto Serif CJK KR", "Noto Serif", "Noto Serif CJK KR", "Noto Serif", "Noto Serif CJK KR"])
        #expect(runs.map(\.2) == ["Hang", "Latn", "Hang", "Latn", "Hang"])
        #expect(result.missing.isEmpty)
    }

    @Test func reportsCharactersNoFontHas() throws {
        let (_, selector) = Fixtures.inline(language: "en")
        let result = try Itemizer(selector: selector).itemize(styled("a\u{10FFFD}b"))
        #expect(result.missing == ["\u{10FFFD}"])
    }

    @Test func koreanBreaksBetweenWordsOnly() throws {
        let text = "북한은 2019년 제3주기 보편적 정례인권검토에서 받은 권고 가운데 공정한 재판 보장과 법 집행 및 사법 인력에 대한 인권 교육에 관한 여러 권고를 수용하였다."
        let result = try set(text, width: 120)
        #expect(result.lines.count > 3)
        #expect(result.emergencyBreaks == 0)
        let words = Set(text.split(separator: " ").map(String.init))
        for line in result.lines {
            for word in lineText(line).split(separator: " ") { #expect(words.contains(String(word)), "\(word) is not a whole word") }
            #expect(line.contentWidth <= 120.01)
        }
    }

    @Test func syllableModeMayBreakInsideWords() throws {
        let text = "북한은 제3주기 보편적 정례인권검토에서 받은 권고 가운데 공정한 재판 보장과 법 집행 및 사법 인력에 대한"
        let result = try set(text, width: 95, breaks: .syllable)
        let words = Set(text.split(separator: " ").map(String.init))
        let split = result.lines.flatMap { lineText($0).split(separator: " ") }.filter { !words.contains(String($0)) }
        #expect(!split.isEmpty)
    }

    @Test func aKoreanWordWiderThanTheLineBreaksAsALastResort() throws {
        let result = try set("국제인권연맹과북한인권정보센터의공동보고서", width: 60)
        #expect(result.emergencyBreaks > 0)
        #expect(result.lines.allSatisfy { $0.contentWidth <= 60.01 })
    }

    @Test func longURLsBreakWithoutHyphensAndNeverOverflow() throws {
        let url = "https://www.kinu.or.kr/www/jsp/prg/api/dlV.jsp?menuIdx=351&category=53&thisPage=1&biblioId=1540520"
        let result = try set("See \(url) (sample).", width: 150, language: "en")
        #expect(result.lines.count >= 3)
        #expect(result.lines.allSatisfy { $0.contentWidth <= 150.01 })
        #expect(result.lines.map(lineText).joined().replacingOccurrences(of: " ", with: "") == "See\(url)(sample).")
    }

    @Test func aLineOfURLAloneIsSetShortRatherThanStretchingTheLineBefore() throws {
        // The sample's note 33: with lines of URL alone infeasible, the composer stretched "See, e.g., A/HRC/55/63;
        // Human Rights Watch, "North" across the whole measure to bring the URL's start onto the next line.
        let text = "See, e.g., A/HRC/55/63; Human Rights Watch, \u{201C}North Korea: Covid-19 Used as Pretext to Deepen " +
            "Isolation\u{201D}, https://www.hrw.org/report/2023/08/31/covid-19-used-pretext-deepen-isolation/north-koreas-border-closures (sample long URL)."
        let note = TextStyle(family: .serif, size: 8.5, bold: false, italic: false, color: .black)
        let result = try Fixtures.composed(text, width: 438, font: note, lineHeight: 11)
        let lines = result.lines.map(lineText)
        #expect(lines.count == 3)
        #expect(lines.first?.hasSuffix("Isolation\u{201D},") == true, "the words fill the first line")
        #expect(lines.dropFirst().first?.hasPrefix("https://") == true)
        // The URL's line is set short and flush left, three quarters full or more.
        let urlLine = result.lines[1].contentWidth
        #expect(urlLine < 438 && urlLine > 438 * 0.75)
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func justifiedLinesFillTheWidthAndTheLastIsRagged() throws {
        let text = String(repeating: "The submission relies on interviews with people who left the country. ", count: 4)
        let result = try set(text, width: 200, language: "en")
        for line in result.lines.dropLast() { #expect(abs(line.contentWidth - 200) < 0.01) }
        #expect(result.lines.last!.contentWidth < 200)
    }

    @Test func runsCarryTextAndClusters() throws {
        let result = try set("office 북한", width: 300, language: "en", align: .left)
        let runs = result.lines[0].items.compactMap { if case .glyphs(let r) = $0 { return r } else { return nil } }
        for run in runs {
            #expect(run.clusters.reduce(0) { $0 + $1.bytes } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + $1.glyphs } == run.glyphs.count)
        }
        #expect(runs.map(\.text).joined() == "office 북한")
    }

    @Test func footnoteMarksLinkToTheirNotes() throws {
        let (inline, _) = Fixtures.inline(language: "en")
        let text = StyledText.from([.text("Claim."), .footnoteReference(7)], base: SpanStyle(font: body), codeFont: body)
        let line = try inline.layout(text, ParagraphSpec(width: 300, align: .left, lineHeight: 14, baseStyle: SpanStyle(font: body))).lines[0]
        #expect(line.footnotes == [7])
        #expect(line.items.contains { if case .link(_, .destination("fn-7")) = $0 { return true } else { return false } })
        #expect(line.items.contains { if case .destination("fnref-7", _) = $0 { return true } else { return false } })
    }
}
