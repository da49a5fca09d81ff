import Foundation
import Testing
import FolioDisplay
import FolioImages
@testable import FolioRender

@Suite("SVG images through librsvg")
struct SVGImageTests {
    static let broken = Array("<svg xmlns='http://www.w3.org/2000/svg'><rect".utf8)

    @Test func checkingABrokenSVGNamesTheCall() throws {
        let path = Fixtures.temporaryFolder("svg-error") + "/broken.svg"
        try Data(Self.broken).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ImageInfo.probe(path: path)
        } throws: { error in
            guard let e = error as? ImageError else { return false }
            return e.call == "rsvg_handle_new_from_data" && e.status.map { !$0.isEmpty && !$0.hasSuffix("\n") } == true
                && "\(e)".hasPrefix("SVG image '\(path)' cannot be read (rsvg_handle_new_from_data: ")
        }
    }

    @Test func drawingABrokenSVGNamesTheCall() {
        #expect {
            _ = try SVGImage(data: Self.broken, path: "broken.svg")
        } throws: { error in
            (error as? RenderError)?.call == "rsvg_handle_new_from_data"
        }
    }

    /// A good SVG draws on a canvas: its colour is in the pixels.
    @Test func anSVGIsDrawnOnACanvas() throws {
        let svg = Array("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'><rect width='20' height='10' fill='#ff0000'/></svg>".utf8)
        let canvas = try CairoCanvas.image(width: 20, height: 10)
        canvas.paint(RGB(r: 1, g: 1, b: 1))
        try SVGImage(data: svg, path: "red.svg").draw(on: canvas, in: Rect(x: 0, y: 0, width: 20, height: 10))
        #expect(try PNGPreviewTests().decode(canvas.pngBytes(level: 3), at: [(10, 5)]) == "20 10 8 2 (255, 0, 0)")
    }
}
