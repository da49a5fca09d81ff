import ArgumentParser
import Foundation
import FolioDisplay
import FolioEngine
import FolioLayout
import FolioRender
import FolioWatch

/// `folio preview`: PNG pages of editions, drawn from the same display list as the PDF, and a page map.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render pages of a report's editions as PNG images and print a page map.",
        discussion: """
        Examples:
          folio preview Examples/dprk-upr4 --output out/preview
          folio preview Examples/dprk-upr4 --edition ko --pages 1-3,7 --dpi 96 --output out/preview
          folio preview Examples/dprk-upr4 --edition en --boxes --output out/preview
          folio preview Examples/dprk-upr4 --edition en --contact-sheet --dpi 30 --output out/preview
        Pages are named after the edition's PDF (its filename: in report.yaml, without .pdf): <name>-<page>.png.
        --boxes also writes <name>-<page>-boxes.png beside each page, with the margins and text block (blue), line
        boxes (green), baselines (red) and the footnote area (orange) drawn over it. Pages of an earlier, longer run
        of an edition are removed.
        """)

    @Argument(help: "The report folder.")
    var report: String
    @Option(name: .long, help: "Edition code (repeatable); all editions when omitted.")
    var edition: [String] = []
    @Option(name: .long, help: "Pages, e.g. 1-3,7 (all when omitted).")
    var pages: String?
    @Option(name: .long, help: "Resolution in pixels per inch.")
    var dpi: Double = 96
    @Option(name: .long, help: "Layout name or path.")
    var layout: String?
    @Flag(name: .long, help: "Also write each page with the layout boxes drawn over it (<name>-<page>-boxes.png).")
    var boxes = false
    @Flag(name: .long, help: "Put every selected page on one image.")
    var contactSheet = false
    @Flag(name: .long, help: "Also write the display list as a text trace (pages, structure tags, glyph runs; all pages).")
    var trace = false
    @Option(name: .long, help: "Output folder.")
    var output: String = "out/preview"

    func validate() throws {
        guard dpi >= 10 && dpi <= 600 else { throw ValidationError("--dpi must be between 10 and 600") }
    }

    func run() throws {
        let engine = try Runner.engine()
        let report = try Runner.loadReport(report)
        let editions = try Runner.select(edition, from: report)
        try Runner.outputFolder(output)
        var status = ExitStatus.ok
        for e in editions {
            let laid: Engine.LaidOut
            do { laid = try engine.layOut(report: report, edition: e, layoutName: layout) } catch {
                Runner.printError(error, edition: e.code)
                status = max(status, ExitStatus.of(error))
                continue
            }
            if editions.count > 1 { print("\(e.code):") }
            try write(laid, stem: PreviewPages.stem(report, e))
        }
        if status != .ok { throw CommandFailure(status) }
    }

    /// One edition's pictures, trace and page map.
    private func write(_ laid: Engine.LaidOut, stem: String) throws {
        let count = laid.document.pages.count
        let wanted = try PageRanges.parse(pages, count: count)
        let writer = PreviewPages(folder: output, dpi: dpi, boxes: boxes)
        try writer.removeStale(stem: stem, count: count)
        if contactSheet {
            for withBoxes in boxes ? [false, true] : [false] {
                let selected = wanted.map { n -> Page in
                    var page = laid.document.pages[n - 1]
                    if withBoxes { page.items += PreviewPages.overlay(laid.layoutReport.pageMap[n - 1]) }
                    return page
                }
                let path = "\(output)/\(stem)-contact\(withBoxes ? "-boxes" : "").png"
                try AtomicFile.write(try PNGWriter(dpi: dpi).contactSheet(selected, columns: 5), to: path)
                print(path)
            }
        } else {
            let written = try writer.write(laid.document, map: laid.layoutReport.pageMap, stem: stem, wanted: wanted)
            written.paths.forEach { print($0) }
        }
        if trace {
            let path = "\(output)/\(stem).trace"
            try AtomicFile.write(Array(TextTrace().render(laid.document).utf8), to: path)
            print(path)
        }
        print("")
        print(PreviewPages.pageMap(laid.layoutReport.pageMap, wanted: wanted))
    }
}

/// Page selections such as `1-3,7`.
enum PageRanges {
    static func parse(_ spec: String?, count: Int) throws -> [Int] {
        guard let spec, !spec.isEmpty else { return count > 0 ? Array(1...count) : [] }
        var out: [Int] = []
        for part in spec.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let lo = bounds.first!, let hi = bounds.last!, lo >= 1, hi >= lo else {
                throw UsageError("--pages: '\(part)' is not a page range: write e.g. 1-3,7")
            }
            guard lo <= count else { throw UsageError("--pages: page \(lo) does not exist: the edition has \(count) page\(count == 1 ? "" : "s")") }
            out += (lo...min(hi, count))
        }
        return out
    }
}
