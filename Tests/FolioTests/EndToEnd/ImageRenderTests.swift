import Foundation
import Testing
import FolioEngine
import FolioModel
import FolioDisplay
import FolioRender

@Suite("logos drawn into the PDF")
struct ImageRenderTests {
    /// The pixels of a page rendered by poppler (an independent reader), as RGB triples.
    func pixels(_ pdf: String, page: Int) throws -> [(UInt8, UInt8, UInt8)] {
        let prefix = Fixtures.temporaryFolder("pixels") + "/p"
        let r = Fixtures.run("pdftoppm", ["-r", "30", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        #expect(r.status == 0, "\(r.err)")
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        // P6 header: magic, width, height, maxval, each followed by whitespace.
        var fields = 0, k = 0
        while fields < 4, k < data.count {
            while k < data.count, data[k] == 0x0A || data[k] == 0x20 { k += 1 }
            while k < data.count, data[k] != 0x0A, data[k] != 0x20 { k += 1 }
            fields += 1
        }
        k += 1
        return stride(from: k, to: data.count - 2, by: 3).map { (data[$0], data[$0 + 1], data[$0 + 2]) }
    }

    /// librsvg is opened only when an SVG is met: the logo must still be drawn, in its colours.
    @Test func anSVGLogoIsDrawnOnTheCover() throws {
        let dir = Fixtures.temporaryFolder("svg-logo")
        Fixtures.write("<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'><rect width='120' height='40' fill='#0b3d6e'/></svg>",
                       to: dir + "/logo.svg")
        Fixtures.write("id: t\ndate: 2024-01-01\nlayout: report\norganizations:\n  - short: O\n    name: Org\n    logo: logo.svg\n"
                       + "editions:\n  en: { title: T, content: en.md }\n", to: dir + "/report.yaml")
        Fixtures.write("# Body\n\nText.\n", to: dir + "/en.md")
        let report = try Report.load(directory: dir)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let out = try Fixtures.engine.render(report: report, edition: report.editions[0], output: dir + "/out", thumbnail: false)
        let navy = try pixels(dir + "/out/" + out.path, page: 1).filter { abs(Int($0.0) - 0x0b) < 12 && abs(Int($0.1) - 0x3d) < 12 && abs(Int($0.2) - 0x6e) < 12 }
        // 120 × 40 CSS px is 90 × 30 pt, about 37 × 12 pixels at 30 dpi.
        #expect(navy.count > 300, "\(navy.count) logo pixels")
    }
}

@Suite("PNG previews")
struct PNGPreviewTests {
    /// A PNG decoded by Python's zlib (not libpng): "width height depth colourType" and the RGB of each pixel asked for.
    func decode(_ png: [UInt8], at pixels: [(x: Int, y: Int)]) throws -> String {
        let path = Fixtures.temporaryFolder("png") + "/image.png"
        try Data(png).write(to: URL(fileURLWithPath: path))
        let script = """
        import sys, struct, zlib
        d = open(sys.argv[1], 'rb').read()
        assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat, ihdr = 8, b'', None
        while pos < len(d):
            n, kind = struct.unpack('>I4s', d[pos:pos + 8]); body = d[pos + 8:pos + 8 + n]
            assert zlib.crc32(kind + body) == struct.unpack('>I', d[pos + 8 + n:pos + 12 + n])[0]
            if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
            if kind == b'IDAT': idat += body
            pos += 12 + n
        w, h, depth, color = ihdr[:4]
        raw = zlib.decompress(idat)
        row = lambda y: raw[y * (1 + 3 * w) + 1:(y + 1) * (1 + 3 * w)]
        points = [tuple(map(int, p.split(','))) for p in sys.argv[2:]]
        print(w, h, depth, color, *[tuple(row(y)[3 * x:3 * x + 3]) for x, y in points])
        """
        let r = Fixtures.run("python3", ["-c", script, path] + pixels.map { "\($0.x),\($0.y)" })
        #expect(r.status == 0, "\(r.err)")
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A page with a black square on white, encoded by Folio: the pixels must be where they were drawn.
    @Test func encodedPixelsDecodeWhereTheyWereDrawn() throws {
        let page = Page(width: 100, height: 50, items: [.fill(Rect(x: 10, y: 10, width: 20, height: 20), RGB(r: 0, g: 0, b: 0))])
        let png = try PNGWriter(dpi: 72).encode(page)
        #expect(try decode(png, at: [(20, 20), (60, 40)]) == "100 50 8 2 (0, 0, 0) (255, 255, 255)")
    }

    /// Three pages in rows of two on grey, 12 px apart: each page white with its square, the gaps grey.
    @Test func theContactSheetPlacesEveryPage() throws {
        let page = Page(width: 100, height: 50, items: [.fill(Rect(x: 10, y: 10, width: 20, height: 20), RGB(r: 0, g: 0, b: 0))])
        let png = try PNGWriter(dpi: 72).contactSheet([page, page, page], columns: 2)
        // Pages at (12, 12), (124, 12) and (12, 74); the sheet is 2 × 112 + 12 by 2 × 62 + 12.
        let probes: [(x: Int, y: Int)] = [(32, 32), (144, 32), (32, 94), (144, 94), (80, 40), (6, 6), (118, 30)]
        #expect(try decode(png, at: probes) == "236 136 8 2 (0, 0, 0) (0, 0, 0) (0, 0, 0) (209, 209, 209) (255, 255, 255) (209, 209, 209) (209, 209, 209)")
    }
}
