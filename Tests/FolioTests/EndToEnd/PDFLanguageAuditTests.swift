import Testing

/// The language checks of the PDF audit find what they look for, on made-up word boxes.
@Suite("the PDF audit's language checks")
struct PDFLanguageAuditTests {
    /// One block of lines, each one word: its text, left and right ends; 10 pt words on 14 pt lines.
    func block(_ words: [(String, Double, Double)]) -> PDFText {
        let lines = words.enumerated().map { n, w in
            [PDFText.Word(xMin: w.1, yMin: 100 + 14 * Double(n), xMax: w.2, yMax: 110 + 14 * Double(n), text: w.0)]
        }
        return PDFText(pages: [PDFText.Page(width: 595, blocks: [lines])])
    }

    @Test func forbiddenLineStartsAndEndsAreFound() {
        #expect(block([("国際連合の各公用語と", 72, 172), ("日本語で提出文書が", 72, 162)]).kinsokuViolations().isEmpty)
        #expect(block([("国際連合の各公用語と", 72, 172), ("、日本語で", 72, 122)]).kinsokuViolations().count == 1)
        #expect(block([("国際連合の各公用語と「", 72, 182), ("日本語で", 72, 112)]).kinsokuViolations().count == 1)
        #expect(block([("国際連合の各公用語と", 72, 172), ("ょう", 72, 92)]).kinsokuViolations().count == 1, "small kana")
    }

    @Test func gapsBetweenIdeographsAreMeasuredInEm() {
        // Ten characters at 10 pt over 100 pt: no gap; over 118 pt: 2 pt = 0.2 em between each; 。」 lose 5 pt, so 113 pt holds the same gaps.
        #expect(block([("一二三四五六七八九十", 72, 172)]).widestGridGap(size: 10).em < 1e-9)
        #expect(abs(block([("一二三四五六七八九十", 72, 190)]).widestGridGap(size: 10).em - 0.2) < 1e-9)
        #expect(abs(block([("一二三四五六七八。」", 72, 185)]).widestGridGap(size: 10).em - 0.2) < 1e-9)
    }

    @Test func gapsBetweenIdeographsPdftotextSplitAreMeasuredToo() {
        // 其 他 文: three one-character words 3 pt apart on one line, beside a body of ten-character runs.
        let line = [PDFText.Word(xMin: 72, yMin: 100, xMax: 82, yMax: 110, text: "其"),
                    PDFText.Word(xMin: 85, yMin: 100, xMax: 95, yMax: 110, text: "他"),
                    PDFText.Word(xMin: 98, yMin: 100, xMax: 108, yMax: 110, text: "文")]
        let text = PDFText(pages: [PDFText.Page(width: 595, blocks: [[line]])])
        #expect(abs(text.widestGridGap(size: 10).em - 0.3) < 1e-9)
    }

    @Test func characterRecallCountsIdeographsAndKana() {
        let text = block([("国際連合の", 72, 122)])
        #expect(text.characterRecall(of: "国際連合の") == 1)
        #expect(abs(text.characterRecall(of: "国際連合の文書") - 5.0 / 7) < 1e-9)
    }
}
