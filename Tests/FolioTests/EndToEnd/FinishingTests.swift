import Testing
@testable import FolioRender

@Suite("PDF finishing")
struct FinishingTests {
    @Test func freesCrossReferenceEntriesThatPointAtTheWrongObject() {
        let body = "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        let offset = body.utf8.count
        var pdf = Array((body + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000009 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(offset)\n%%EOF\n").utf8)
        CairoXref.repair(&pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("0000000009 00000 n \n0000000000 65535 f \ntrailer"), "object 2 must be freed, object 1 kept")
    }

    @Test func leavesUnparseableFilesAlone() {
        var pdf = Array("not a pdf".utf8)
        CairoXref.repair(&pdf)
        #expect(pdf == Array("not a pdf".utf8))
    }

    @Test func tagAttributesEscapeQuotesAndBackslashes() {
        #expect(PagePainter.escape("https://example.org/a?b=1") == "https://example.org/a?b=1")
        #expect(PagePainter.escape("it's a \\ path") == "it\\'s a \\\\ path")
    }

    @Test func pdfDates() {
        #expect(PDFFinisher.pdfDate("2024-04-08T00:00:00Z") == "D:20240408000000Z")
        #expect(PDFFinisher.pdfDate("2024-04-08") == "D:20240408000000Z")
    }
}
