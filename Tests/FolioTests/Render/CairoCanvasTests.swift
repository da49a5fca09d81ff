import Foundation
import Testing
import FolioDisplay
@testable import FolioRender

@Suite("the cairo canvas")
struct CairoCanvasTests {
    /// Big-endian 32-bit number at `offset`.
    func u32(_ b: [UInt8], _ offset: Int) -> Int { b[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }

    @Test func anImageCanvasIsDrawnAndEncodedAsPNG() throws {
        let canvas = try CairoCanvas.image(width: 40, height: 20)
        canvas.paint(RGB(r: 1, g: 1, b: 1))
        canvas.fill(Rect(x: 5, y: 5, width: 10, height: 10), .black)
        try canvas.check("cairo_fill", "drawing failed")
        let png = try canvas.pngBytes(level: 3)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(u32(png, 16) == 40 && u32(png, 20) == 20)   // IHDR width and height
    }

    /// Two pages of different sizes, finished: poppler reads both.
    @Test func aPDFCanvasIsDrawnAndFinished() throws {
        let canvas = try CairoCanvas.pdf(width: 100, height: 50)
        canvas.fill(Rect(x: 10, y: 10, width: 20, height: 20), .black)
        canvas.showPage()
        canvas.fill(Rect(x: 10, y: 10, width: 20, height: 20), .black)
        canvas.showPage()
        let pdf = try canvas.finishPDF()
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let path = Fixtures.temporaryFolder("canvas") + "/two.pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        let info = Fixtures.run("pdfinfo", [path])
        #expect(info.status == 0, "\(info.err)")
        #expect(info.out.contains("Pages:           2") && info.out.contains("100 x 50 pts"), "\(info.out)")
    }

    /// cairo refuses images wider than 32767 pixels: the error names the call and cairo's status.
    @Test func aSurfaceCairoRefusesThrowsNamingTheCall() {
        #expect {
            _ = try CairoCanvas.image(width: 40_000, height: 10)
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.call == "cairo_image_surface_create" && e.status?.contains("invalid value") == true
                && "\(e)".hasPrefix("cairo cannot make a surface (cairo_image_surface_create: invalid value")
        }
    }

    /// Drawing after the PDF is finished leaves cairo's error on the context; `check` reports it.
    @Test func drawingOnAFinishedPDFThrows() throws {
        let canvas = try CairoCanvas.pdf(width: 100, height: 50)
        _ = try canvas.finishPDF()
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), .black)
        #expect {
            try canvas.check("cairo_fill", "the page cannot be drawn")
        } throws: { error in
            (error as? RenderError)?.status == "the target surface has been finished"
        }
        #expect(throws: RenderError.self) { try canvas.pngBytes(level: 3) }
    }

    @Test func anImageCanvasHasNoPDF() throws {
        #expect(throws: RenderError.self) { try CairoCanvas.image(width: 4, height: 4).finishPDF() }
    }
}
