import Foundation
import Testing
import FolioDisplay
import FolioEngine
import FolioGenerate
import FolioLayout
import FolioModel

/// Figures placed by the paginator, read back from the display list and the page map (not from the paginator's own
/// records): whole with their captions, never before the paragraph that refers to them, never more than a page after
/// it, and no page left a third empty for them.
@Suite("figure placement")
struct FigurePlacementTests {
    /// A generated report: 40 pages of text with 40 figures of varied sizes (PNG, JPEG, SVG), each after the paragraph
    /// that refers to it.
    nonisolated(unsafe) static let generated = generate(pages: 40, figures: 40)
    /// Three figures a page: figures wait for the next page behind others, and pages end early for them.
    nonisolated(unsafe) static let crowded = generate(pages: 12, figures: 36)

    static func generate(pages: Int, figures: Int) -> (folder: String, laid: Engine.LaidOut) {
        let folder = Fixtures.temporaryFolder("figures-\(figures)")
        let source = try! String(contentsOfFile: Fixtures.sample + "/content/en.md", encoding: .utf8)
        var generator = ReportGenerator(language: "en")
        generator.figures = figures
        try! generator.write(folder: folder, pages: pages, source: source)
        let report = try! Report.load(directory: folder)
        return (folder, try! Fixtures.engine.layOut(report: report, edition: report.editions[0]))
    }

    /// Where figure `n`'s image is: page index and rectangle (each must be drawn exactly once).
    static func images(_ document: DisplayDocument) -> [String: [(page: Int, rect: Rect)]] {
        var out: [String: [(page: Int, rect: Rect)]] = [:]
        for (p, page) in document.pages.enumerated() {
            for case .image(let ref, let rect) in page.items {
                out[(ref.path as NSString).lastPathComponent, default: []].append((p, rect))
            }
        }
        return out
    }

    @Test(arguments: [40, 36])
    func everyFigureIsWholeWithItsCaptionNearItsReference(figures: Int) throws {
        let (folder, laid) = figures == 40 ? Self.generated : Self.crowded
        let markdown = try String(contentsOfFile: folder + "/content/en.md", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let placed = Self.images(laid.document)
        let page = laid.layout.page
        let (top, bottom) = (page.marginTop.points, page.height.points - page.marginBottom.points)
        var checked = 0
        for (index, line) in markdown.enumerated() where line.hasPrefix("![") {
            let file = String(line.split(separator: "(")[1].split(separator: ")")[0].split(separator: "#")[0].split(separator: " ")[0])
            let name = (file as NSString).lastPathComponent
            let number = Int(name.dropFirst("figure-".count).split(separator: ".")[0])!
            let spots = placed[name] ?? []
            try #require(spots.count == 1, "\(name) is drawn \(spots.count) times")
            let (p, rect) = spots[0]
            #expect(rect.y >= top - 0.5 && rect.maxY <= bottom + 0.5, "\(name) is not whole inside the text block: \(rect)")
            #expect(rect.width > 10 && rect.height > 10)
            // The caption: "Figure n. " on the same page, just under the image.
            let caption = laid.document.pages[p].items.contains {
                guard case .glyphs(let run) = $0 else { return false }
                return run.text.hasPrefix("Figure \(number).") && run.origin.y > rect.maxY && run.origin.y < rect.maxY + 30
            }
            #expect(caption, "\(name) has no caption under it on page \(p + 1)")
            // The referring paragraph ends on the last page whose body starts at or before its source line.
            let referenceLine = index - 1     // 1-based line of the paragraph above (blank line between)
            let reference = laid.layoutReport.pageMap.indices.last { laid.layoutReport.pageMap[$0].firstSource.map { $0.line <= referenceLine } ?? false }
            let r = try #require(reference)
            #expect(p >= r, "\(name) on page \(p + 1) comes before its reference on page \(r + 1)")
            #expect(p <= r + 1, "\(name) on page \(p + 1) is more than a page after its reference on page \(r + 1)")
            checked += 1
        }
        #expect(checked == figures)
        // Some figures float: the test would not test floating otherwise.
        let floated = placed.values.filter { abs($0[0].rect.y - top) < 1 }.count
        #expect(floated >= 5, "\(floated) figures at the top of a page")
    }

    /// A page followed by one that starts with a figure is at least two-thirds full (text, figures and notes),
    /// unless the next figure could not join it on that page: the page then ends before the paragraph that refers
    /// to the next figure, which would otherwise land two pages after its reference.
    @Test(arguments: [40, 36])
    func noPageIsLeftAThirdEmptyForAFigure(figures: Int) throws {
        let laid = (figures == 40 ? Self.generated : Self.crowded).laid
        let map = laid.layoutReport.pageMap
        let page = laid.layout.page
        let top = page.marginTop.points
        let height = page.height.points - top - page.marginBottom.points
        let images = Self.images(laid.document)
        let placed = images.values.flatMap { $0 }
        func number(_ name: String) -> Int? { Int(name.dropFirst("figure-".count).split(separator: ".")[0]) }
        let byNumber = Dictionary(uniqueKeysWithValues: images.compactMap { name, spots in number(name).map { ($0, spots[0]) } })
        var looked = 0, crowdedOut = 0
        for p in 0..<(map.count - 1) where placed.contains(where: { $0.page == p + 1 && abs($0.rect.y - top) < 1 }) {
            let body = map[p].boxes.filter { $0.kind == .line || $0.kind == .block }.map(\.rect.maxY).max() ?? top
            let notes = map[p].boxes.first { $0.kind == .footnotes }?.rect.height ?? 0
            let used = body - top + notes
            looked += 1
            if used >= height * 2 / 3 { continue }
            // The figures on the next page and the one after them: together (with a caption line and a gap each)
            // taller than a page.
            let next = byNumber.filter { $0.value.page == p + 1 }.map(\.key)
            if let last = next.max(), let following = byNumber[last + 1], following.page > p + 1 {
                let together = next.compactMap { byNumber[$0]?.rect.height }.reduce(following.rect.height, +)
                if together + Double(next.count + 1) * 30 > height { crowdedOut += 1; continue }
            }
            Issue.record("page \(p + 1) is \(Int(100 * used / height))% full before the figure on page \(p + 2)")
        }
        #expect(looked >= 5)
        #expect(crowdedOut <= 1, "\(crowdedOut) pages ended early for a figure")
    }

    /// Every figure is listed in the contents of the report layout with the page it landed on.
    @Test func theReportLayoutListsTheFigures() throws {
        let report = try Report.load(directory: Self.generated.folder)
        let laid = try Fixtures.engine.layOut(report: report, edition: report.editions[0], layoutName: "report")
        let labels = laid.layoutReport.contentsLabels
        let figures = laid.content.figures
        #expect(figures.count == 40)
        for f in figures {
            let page = try #require(laid.layoutReport.landings.figurePages[f.anchor])
            #expect(labels[f.anchor] == String(page - laid.layoutReport.landings.bodyStart + 1))
        }
        let entries = laid.document.structure.elements.filter { $0.role == .contentsEntry && ($0.name ?? "").hasPrefix("figure-") }
        #expect(entries.count == 40)
        let contentsText = laid.document.pages[1...3].flatMap { $0.items }.compactMap { if case .glyphs(let r) = $0 { r.text } else { nil } }.joined(separator: " ")
        #expect(contentsText.contains("Figures"))
    }
}
