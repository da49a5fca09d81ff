import Foundation
import Testing

/// The PDF audit the end-to-end tests rely on finds what it looks for.
@Suite("the PDF audit")
struct PDFAuditTests {
    /// One page holding one block of lines, each given as its words and the right end of its last word; words
    /// are 10 pt high.
    func page(_ lines: [([String], Double)]) -> PDFText {
        let block = lines.enumerated().map { n, line -> PDFText.Line in
            let y = 100 + 14 * Double(n)
            let words = line.0.enumerated().map { i, word in
                PDFText.Word(xMin: 72 + 40 * Double(i), yMin: y, xMax: 72 + 40 * Double(i) + 30, yMax: y + 10, text: word)
            }
            var last = words
            last[last.count - 1].xMax = line.1
            return last
        }
        return PDFText(pages: [PDFText.Page(width: 595, blocks: [block])])
    }

    @Test func aLinePastTheBodyEdgeIsOverfull() {
        let body = Array(repeating: (["one", "two", "three", "four"], 500.0), count: 5)
        #expect(page(body).bodyRightEdge == 500)
        #expect(page(body).overfullLines().isEmpty)
        #expect(page(body + [(["one", "two", "three", "fourth."], 505)]).overfullLines().isEmpty, "punctuation may hang")
        #expect(page(body + [(["one", "two", "three", "fourth"], 505)]).overfullLines() == ["page 1: one two three fourth"])
        #expect(page(body + [(["long"], 590)]).overfullLines().count == 1, "near the paper's edge")
    }

    @Test func recallCountsEachWordOnceAndFootnoteMarksStick() {
        let source = SourceText(markdown: "# The *quick* fox\n\nThe [fox](https://example.org) jumps.[^1]\n\n[^1]: Twice.\n")
        #expect(source.words == ["the", "quick", "fox", "the", "fox", "jumps", "twice"])
        let text = page([(["The", "quick", "fox"], 150), (["The", "fox", "jumps.1"], 150), (["Once."], 100)])
        let recall = text.recall(of: source)
        #expect(recall.missing == ["twice"])
        #expect(abs(recall.words - 6.0 / 7) < 1e-9)
        #expect(recall.hangul == nil)
    }

    @Test func aKoreanLineEndingInsideAWordIsFound() {
        let source = SourceText(markdown: "국가보위성이 다룬 사건의 경우 가족들은\n")
        #expect(page([(["국가보위"], 150), (["성이", "다룬"], 150)]).koreanBreaksInsideWords(source: source) == ["가보위|성이"])
        #expect(page([(["국가보위성이"], 150), (["다룬", "사건의"], 150)]).koreanBreaksInsideWords(source: source).isEmpty)
    }

    /// The sample's Korean edition set with line breaks between any two syllables has breaks inside words.
    @Test func syllableBreaksInTheKoreanSampleAreFound() throws {
        let dir = Fixtures.temporaryFolder("syllables")
        Fixtures.write("extends: upr-submission\nbody:\n  korean-breaks: syllable\n", to: dir + "/syllables.yaml")
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--edition", "ko", "--layout", dir + "/syllables.yaml", "--output", dir])
        try #require(r.status == 0, "\(r.err)")
        let text = try PDFText(pdf: dir + "/dprk-upr4-joint-submission_KO.pdf")
        let source = try SourceText(markdownFile: Fixtures.sample + "/content/ko.md")
        #expect(text.koreanBreaksInsideWords(source: source).count > 5)
    }
}
