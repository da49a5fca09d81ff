import Testing
@testable import FolioLayout
import FolioModel

/// Footnote marks as text extraction reads them. poppler (pdftotext, and the many tools built on it) groups a word
/// into a block of text only when its size is within 0.6 of the block's first word's and its baseline within half
/// that size (TextOutputDev's maxBlockFontSizeDelta2 and maxIntraLineDelta). When a block starts with a mark, a
/// smaller or higher mark left the words of its line out: extracted, the mark stood apart from its sentence, and
/// the gap around it read as an em wide (the Korean sample's mark 22).
@Suite("footnote marks")
struct FootnoteMarkTests {
    @Test(arguments: [8.5, 10.0, 10.5, 12.0])
    func aMarkStartingABlockStillGathersItsLine(size: Double) {
        var mark = SpanStyle(font: TextStyle(family: .serif, size: size, bold: false, italic: false, color: .black))
        mark.superscript = true
        let drawn = mark.drawnSize
        #expect(abs(size - drawn) < 0.6 * drawn, "a \(drawn) pt mark and \(size) pt text are not one block")
        #expect(mark.rise < 0.5 * drawn, "a mark raised \(mark.rise) pt is not on the line of its text")
        #expect(drawn < 0.7 * size && mark.rise > 0.25 * size, "still a superscript")
    }
}
