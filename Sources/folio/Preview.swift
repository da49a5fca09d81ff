import ArgumentParser
import Foundation
import FolioDisplay
import FolioEngine
import FolioLayout
import FolioRender

/// `folio preview`: PNG pages of an edition, drawn from the same display list as the PDF, and a page map.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render pages of an edition as PNG images and print a page map.",
        discussion: """
        Examples:
          folio preview Examples/dprk-upr4 --edition ko --pages 1-3,7 --dpi 96 --output out/preview
          folio preview Examples/dprk-upr4 --edition en --boxes --output out/preview
          folio preview Examples/dprk-upr4 --edition en --contact-sheet --dpi 30 --output out/preview
        --boxes draws the margins and text block (blue), line boxes (green), baselines (red) and the footnote
        area (orange) over the page.
        """)

    @Argument(help: "The report folder.")
    var report: String
    @Option(name: .long, help: "Edition code.")
    var edition: String
    @Option(name: .long, help: "Pages, e.g. 1-3,7 (all when omitted).")
    var pages: String?
    @Option(name: .long, help: "Resolution in pixels per inch.")
    var dpi: Double = 96
    @Option(name: .long, help: "Layout name or path.")
    var layout: String?
    @Flag(name: .long, help: "Draw layout boxes over the pages.")
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
        guard let e = try Runner.select([edition], from: report).first else { return }
        let laid: Engine.LaidOut
        do { laid = try engine.layOut(report: report, edition: e, layoutName: layout) } catch {
            Runner.printError(error, edition: e.code); throw CommandFailure(ExitStatus.of(error))
        }
        let count = laid.document.pages.count
        let wanted = try PageRanges.parse(pages, count: count)
        try Runner.outputFolder(output)
        let stem = "\(report.id)_\(e.code.uppercased())"
        let writer = PNGWriter(dpi: dpi)
        if contactSheet {
            let selected = wanted.map { n -> Page in
                var page = laid.document.pages[n - 1]
                if boxes { page.items += Self.overlay(laid.layoutReport.pageMap[n - 1]) }
                return page
            }
            let path = "\(output)/\(stem)-contact.png"
            try AtomicFile.write(try writer.contactSheet(selected, columns: 5), to: path)
            print(path)
        } else {
            for n in wanted {
                let page = laid.document.pages[n - 1]
                let overlay = boxes ? Self.overlay(laid.layoutReport.pageMap[n - 1]) : []
                let path = "\(output)/\(stem)-\(n).png"
                try AtomicFile.write(try writer.encode(page, overlay: overlay), to: path)
                print(path)
            }
        }
        if trace {
            let path = "\(output)/\(stem).trace"
            try AtomicFile.write(Array(TextTrace().render(laid.document).utf8), to: path)
            print(path)
        }
        print("")
        print(Self.pageMap(laid.layoutReport.pageMap, wanted: wanted))
    }

    /// The layout boxes of a page as display items: thin coloured lines over the page.
    static func overlay(_ summary: PageSummary) -> [DisplayItem] {
        var items: [DisplayItem] = []
        func frame(_ r: Rect, _ c: RGB, _ w: Double) {
            items.append(.line(from: Point(x: r.x, y: r.y), to: Point(x: r.maxX, y: r.y), width: w, color: c))
            items.append(.line(from: Point(x: r.maxX, y: r.y), to: Point(x: r.maxX, y: r.maxY), width: w, color: c))
            items.append(.line(from: Point(x: r.maxX, y: r.maxY), to: Point(x: r.x, y: r.maxY), width: w, color: c))
            items.append(.line(from: Point(x: r.x, y: r.maxY), to: Point(x: r.x, y: r.y), width: w, color: c))
        }
        for box in summary.boxes {
            switch box.kind {
            case .textBlock: frame(box.rect, RGB(r: 0.1, g: 0.3, b: 0.9), 0.8)
            case .line: frame(box.rect, RGB(r: 0.2, g: 0.7, b: 0.3), 0.25)
            case .block: frame(box.rect, RGB(r: 0.6, g: 0.3, b: 0.8), 0.4)
            case .footnotes: frame(box.rect, RGB(r: 1.0, g: 0.55, b: 0.0), 0.8)
            case .baseline:
                items.append(.line(from: Point(x: box.rect.x, y: box.rect.y), to: Point(x: box.rect.maxX, y: box.rect.y), width: 0.25, color: RGB(r: 0.9, g: 0.1, b: 0.1)))
            }
        }
        return items
    }

    /// Which section and footnotes sit on which page.
    static func pageMap(_ map: [PageSummary], wanted: [Int]) -> String {
        var out = "page  label  source lines        headings / footnotes\n"
        for n in wanted {
            let p = map[n - 1]
            let lines = [p.firstSource, p.lastSource].compactMap { $0.map { "\($0.line)" } }
            let src = lines.isEmpty ? "-" : (p.firstSource.map { ($0.file as NSString).lastPathComponent } ?? "") + ":" + lines.joined(separator: "–")
            var what = p.headings.map { "§ \($0)" }
            if !p.footnotes.isEmpty { what.append("notes \(p.footnotes.first!)–\(p.footnotes.last!)") }
            out += String(format: "%4d  %-5@  %-18@  %@\n", n, p.label as NSString, src as NSString, what.joined(separator: "; ") as NSString)
        }
        return out
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
