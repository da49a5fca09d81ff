import Foundation
import Testing
import FolioEngine
import FolioModel

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
