import Foundation
import Testing
import FolioDisplay
import FolioEngine
import FolioGenerate
import FolioModel
import FolioRender

/// Figures in the PDF: images poppler lists, JPEGs embedded as their own bytes, Figure elements with their
/// alternative text, images in table cells, and the errors and warnings an author gets.
@Suite("figures in the PDF")
struct FigureRenderTests {
    /// A report folder with the given Markdown and generated images (PNG, JPEG, SVG) beside it.
    func folder(_ markdown: String, layout: String = "upr-submission") throws -> String {
        let dir = Fixtures.temporaryFolder("figures")
        let source = try String(contentsOfFile: Fixtures.sample + "/content/en.md", encoding: .utf8)
        var generator = ReportGenerator(language: "en")
        generator.figures = 6
        try generator.write(folder: dir, pages: 3, source: source)
        Fixtures.write("id: f\ndate: 2024-01-01\nlayout: \(layout)\norganizations:\n  - short: O\n    name: Org\n"
                       + "editions:\n  en: { title: T, content: content/en.md }\n", to: dir + "/report.yaml")
        Fixtures.write(markdown, to: dir + "/content/en.md")
        return dir
    }

    func render(_ dir: String) throws -> (pdf: String, rendered: RenderedEdition) {
        let report = try Report.load(directory: dir)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let out = try Fixtures.engine.render(report: report, edition: report.editions[0], output: dir + "/out", thumbnail: false)
        return (dir + "/out/" + out.path, out)
    }

    @Test func imagesAreInThePDFAndJPEGsAreTheirOwnBytes() throws {
        let dir = try folder("""
        # Figures

        Text before (see [the photograph](#figure-1)).

        ![A generated photograph](figures/figure-1.jpg "A JPEG")

        ![A generated chart](figures/figure-2.svg#width=50%)
        The chart, with its caption on the line under it.

        ![A generated picture](figures/figure-3.png)

        ![A second photograph](figures/figure-4.jpg)

        """)
        let (pdf, rendered) = try render(dir)
        #expect(rendered.findings.filter { $0.kind == .brokenLink }.isEmpty, "\(rendered.findings)")
        // pdfimages lists the PNG and the two JPEGs (the SVG is drawn as vectors).
        let list = Fixtures.run("pdfimages", ["-list", pdf])
        #expect(list.status == 0, "\(list.err)")
        let rows = list.out.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 3, "\(list.out)")
        #expect(rows.filter { $0[8] == "jpeg" }.count == 2, "\(list.out)")
        let extracted = Fixtures.temporaryFolder("pdfimages")
        #expect(Fixtures.run("pdfimages", ["-all", pdf, extracted + "/img"]).status == 0)
        let jpegs = try FileManager.default.contentsOfDirectory(atPath: extracted).filter { $0.hasSuffix(".jpg") }
            .map { try Data(contentsOf: URL(fileURLWithPath: extracted + "/" + $0)) }
        for name in ["figure-1.jpg", "figure-4.jpg"] {
            let original = try Data(contentsOf: URL(fileURLWithPath: dir + "/content/figures/" + name))
            #expect(jpegs.contains(original), "\(name) is not embedded byte for byte")
        }
    }

    @Test func figuresAreTaggedWithTheirAlternativeTextAndCaptions() throws {
        let dir = try folder("# F\n\n![A generated chart of six bars](figures/figure-2.svg \"Six bars\")\n\n| Site | Map |\n|---|---|\n| A | ![Small picture](figures/figure-3.png) |\n")
        let report = try Report.load(directory: dir)
        let laid = try Fixtures.engine.layOut(report: report, edition: report.editions[0])
        let elements = laid.document.structure.elements
        let figures = elements.filter { if case .figure = $0.role { true } else { false } }
        #expect(figures.map(\.role) == [.figure(alt: "A generated chart of six bars"), .figure(alt: "Small picture")])
        // The caption follows its figure; the cell's figure is inside its cell.
        let first = elements.firstIndex { $0.role == .figure(alt: "A generated chart of six bars") }!
        #expect(elements[first + 1].role == .caption)
        let cellFigure = figures[1]
        #expect(cellFigure.parent.map { elements[$0.index].role } == .cell)
        // The cell's image is scaled into its column: inside the text block.
        let images = laid.document.pages.flatMap(\.items).compactMap { if case .image(_, let r) = $0 { r } else { nil } }
        #expect(images.count == 2)
        let right = laid.layout.page.width.points - laid.layout.page.marginOuter.points
        #expect(images.allSatisfy { $0.maxX <= right + 0.5 })
    }

    @Test func anImageWithoutAlternativeTextIsReported() throws {
        let dir = try folder("# F\n\n![](figures/figure-3.png)\n\n## An icon ![an icon](figures/figure-3.png) in a heading\n")
        let (_, rendered) = try render(dir)
        let kinds = rendered.warnings.map(\.kind)
        #expect(kinds.contains(.imageAlt))
        #expect(kinds.contains(.inlineImage))
        let missing = rendered.warnings.first { $0.kind == .imageAlt }!
        #expect(missing.location?.line == 3 && missing.location?.column == 1)
        let check = Fixtures.run(Fixtures.folio, ["check", dir])
        #expect(check.out.contains("no alternative text") || check.err.contains("no alternative text"), "\(check.out)\(check.err)")
    }

    @Test func imagesOutsideTheFolderURLsAndDamagedFilesAreLocatedErrors() throws {
        for (markdown, message) in [("![Map](https://example.org/map.png)\n", "is a URL"),
                                    ("![Map](../../outside.png)\n", "outside the report folder"),
                                    ("![Map](missing.png)\n", "does not exist"),
                                    ("![Map](figures/damaged.jpg)\n", "damaged")] {
            let dir = try folder("# F\n\n" + markdown)
            try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46]).write(to: URL(fileURLWithPath: dir + "/content/figures/damaged.jpg"))
            let report = try Report.load(directory: dir)
            do {
                _ = try Fixtures.engine.layOut(report: report, edition: report.editions[0])
                Issue.record("\(markdown) was accepted")
            } catch let e as FolioError {
                #expect(e.description.contains(message), "\(e)")
                #expect(e.location?.line == 3, "\(e)")
            }
        }
    }

    /// Captions are numbered in each edition's language: Figure 1 / 그림 1 / Figure 1 (French).
    @Test func captionsAreNumberedInTheEditionsLanguage() throws {
        let dir = try folder("# F\n\n![Chart](figures/figure-2.svg \"Bars\")\n\n![Picture](figures/figure-3.png)\n")
        Fixtures.write("# 가\n\n![막대 그림](figures/figure-2.svg \"막대\")\n\n![그림](figures/figure-3.png)\n", to: dir + "/content/ko.md")
        Fixtures.write("# F\n\n![Barres](figures/figure-2.svg \"Barres\")\n", to: dir + "/content/fr.md")
        Fixtures.write("id: f\ndate: 2024-01-01\norganizations:\n  - short: O\n    name: Org\neditions:\n  en: { title: T, content: content/en.md }\n"
                       + "  ko: { title: T, content: content/ko.md }\n  fr: { title: T, content: content/fr.md }\n", to: dir + "/report.yaml")
        let report = try Report.load(directory: dir)
        var captions: [String: [String]] = [:]
        for edition in report.editions {
            let laid = try Fixtures.engine.layOut(report: report, edition: edition)
            let runs = laid.document.pages.flatMap(\.items).compactMap { if case .glyphs(let r) = $0 { r.text } else { nil } }
            captions[edition.code] = runs.filter { $0.hasPrefix("Figure") || $0.hasPrefix("그림") }
        }
        #expect(captions["en"] == ["Figure 1. ", "Figure 2"], "\(captions)")
        #expect(captions["ko"] == ["그림 1. ", "그림 2"], "\(captions)")
        #expect(captions["fr"] == ["Figure 1. "], "\(captions)")
    }

    /// An image in a line is scaled to the line (about the font's size high) and is a Figure inside its paragraph;
    /// beside text in a cell it is set the same way.
    @Test func imagesInALineAreScaledToTheLine() throws {
        let dir = try folder("# F\n\nThe organisation's sign ![The sign of the organisation](figures/figure-3.png) stands in the line.\n\n| Site | Note |\n|---|---|\n| A ![icon](figures/figure-3.png) | x |\n")
        let report = try Report.load(directory: dir)
        let laid = try Fixtures.engine.layOut(report: report, edition: report.editions[0])
        let items = laid.document.pages[0].items
        let images = items.compactMap { if case .image(_, let r) = $0 { r } else { nil } }
        try #require(images.count == 2)
        let size = laid.layout.body.font.size
        #expect(abs(images[0].height - size * 1.1) < 0.01, "\(images[0])")
        #expect(images[1].height < images[0].height, "the table's smaller text gets a smaller image: \(images)")
        // It stands on the baseline of the text around it.
        let line = items.compactMap { if case .glyphs(let r) = $0, r.text.contains("sign") { r } else { nil } }.first!
        #expect(images[0].maxY > line.origin.y && images[0].y < line.origin.y - size * 0.5, "\(images[0]) on baseline \(line.origin.y)")
        let elements = laid.document.structure.elements
        let figure = try #require(elements.first { $0.role == .figure(alt: "The sign of the organisation") })
        #expect(figure.parent.map { elements[$0.index].role } == .paragraph)
        #expect(elements.contains { $0.role == .figure(alt: "icon") })
    }

    /// A PDF with every kind of figure (floated, in a cell, in a line) and the list of figures passes the structure
    /// walk: every figure with /Alt, every piece of content marked, captions and the list's entries in the tree.
    @Test func theStructureWalkFindsNoProblemWithFigures() throws {
        let dir = try folder("""
        # Figures

        Text (see [Figure 1](#figure-1)) with an icon ![icon](figures/figure-3.png) in it.

        ![A generated photograph](figures/figure-1.jpg "A photograph")

        ![A generated chart](figures/figure-2.svg)
        The chart's caption.

        | Site | Picture |
        |---|---|
        | A | ![Picture of A](figures/figure-3.png) |

        """, layout: "report")
        let (pdf, _) = try render(dir)
        let walk = try TaggedPDFTests.walk(pdf)
        #expect(walk.problems == [], "\(walk.problems)")
        #expect(walk.counts["Figure"] == 4, "\(walk.counts)")
        #expect(walk.counts["Caption"] == 2, "\(walk.counts)")
        #expect(walk.counts["TOC"] == 2, "the contents and the list of figures: \(walk.counts)")
    }

    /// PNG previews decode JPEGs (the PDF never does): the middle of the generated gradient comes out mid red and
    /// mid green.
    @Test func previewsDrawJPEGPixels() throws {
        let dir = try folder("# F\n\n![A generated photograph](figures/figure-1.jpg)\n")
        let report = try Report.load(directory: dir)
        let laid = try Fixtures.engine.layOut(report: report, edition: report.editions[0])
        let page = laid.document.pages[0]
        let rect = try #require(page.items.compactMap { if case .image(let ref, let r) = $0, ref.format == .jpeg { r } else { nil } }.first)
        let png = try PNGWriter(dpi: 36).encode(page)
        let x = Int((rect.x + rect.width / 2) / 2), y = Int((rect.y + rect.height / 2) / 2)
        let decoded = try PNGPreviewTests().decode(png, at: [(x, y)])
        let rgb = decoded.split(separator: "(")[1].split(separator: ")")[0].split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces))! }
        #expect(abs(rgb[0] - 128) < 30 && abs(rgb[1] - 128) < 30, "\(decoded)")
    }
}

