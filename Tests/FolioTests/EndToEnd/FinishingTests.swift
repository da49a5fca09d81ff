import Testing
import FolioDeflate
@testable import FolioRender

@Suite("PDF finishing")
struct FinishingTests {
    @Test func freesCrossReferenceEntriesThatPointAtTheWrongObject() {
        let body = "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        let offset = body.utf8.count
        var pdf = Array((body + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000009 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(offset)\n%%EOF\n").utf8)
        CairoFile.repair(&pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("0000000009 00000 n \n0000000000 65535 f \ntrailer"), "object 2 must be freed, object 1 kept")
    }

    @Test func leavesUnparseableFilesAlone() {
        var pdf = Array("not a pdf".utf8)
        CairoFile.repair(&pdf)
        #expect(pdf == Array("not a pdf".utf8))
        #expect(CairoFile(pdf) == nil)
    }

    @Test func readsObjectsAndStreamsAndDropsCairosStructureTree() throws {
        var body = "%PDF-1.5\n%\u{b5}\n"
        var offsets: [Int] = []
        let objects = [
            "1 0 obj\n<< /Type /Catalog /StructTreeRoot 3 0 R >>\nendobj\n",
            "2 0 obj\n<< /Length 4 /Filter /FlateDecode >>\nstream\nab\ndendstream\nendobj\n",
            "3 0 obj\n<< /Type /StructTreeRoot /K [] >>\nendobj\n",
        ]
        for object in objects { offsets.append(body.utf8.count); body += object }
        let table = body.utf8.count
        body += "xref\n0 4\n0000000000 65535 f \n" + offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
        body += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        let file = try #require(CairoFile(Array(body.utf8)))
        #expect(file.objects.map(\.number) == [1, 2], "the structure tree root is not taken over")
        #expect(file.size == 4 && file.root == 1 && file.info == nil)
        #expect(String(decoding: file.bytes[file.objects[0].body], as: UTF8.self) == "<< /Type /Catalog /StructTreeRoot 3 0 R >>")
        #expect(file.objects[1].isStream && !file.objects[0].isStream)
        let stream = try #require(file.stream(2))
        #expect(String(decoding: stream.data, as: UTF8.self) == "ab\nd")
        #expect(DictionaryText.value(of: "/Filter", in: stream.dictionary).map { String(decoding: $0, as: UTF8.self) } == "/FlateDecode")
    }

    @Test func editsDictionariesAsText() throws {
        let body = Array("<< /Type /Annot /StructParent 12 /A << /URI (a /StructParent 3 \\) >>) >> /Dest [4 0 R /XYZ 0 0 0] /P 7 0 R >>".utf8)
        let edited = try #require(DictionaryText.edit(body[...], removing: ["/StructParent", "/P"], adding: "/StructParent 5"))
        #expect(String(decoding: edited, as: UTF8.self)
                == "<< /Type /Annot /A << /URI (a /StructParent 3 \\) >>) >> /Dest [4 0 R /XYZ 0 0 0] /StructParent 5 >>")
        #expect(DictionaryText.value(of: "/P", in: body[...]).flatMap { DictionaryText.reference($0) } == 7)
        #expect(DictionaryText.edit(Array("[1 2]".utf8)[...], removing: [], adding: "") == nil)
    }

    @Test func textStringsAreLiteralASCIIOrUTF16() {
        #expect(PDFSyntax.text("a (b) \\") == "(a \\(b\\) \\\\)")
        #expect(PDFSyntax.text("가") == "<FEFFAC00>")
    }

    @Test func flateRoundTrips() throws {
        let flate = try Flate()
        let data = Array(String(repeating: "BT /F1 10 Tf (Folio) Tj ET\n", count: 200).utf8)
        let packed = try flate.deflate(data)
        #expect(packed.count < data.count / 4)
        #expect(flate.inflate(packed[...] + [0x0A]) == data, "bytes after the zlib stream (an EOL before endstream) are ignored")
        #expect(flate.inflate(Array("not zlib".utf8)[...]) == nil)
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
