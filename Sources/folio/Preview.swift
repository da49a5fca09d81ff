import ArgumentParser
import Foundation
import FolioEngine
import FolioRender

/// `folio preview`: PNG pages of an edition, drawn from the same display list as the PDF.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render pages of an edition as PNG images.",
        discussion: "Example: folio preview Examples/dprk-upr4 --edition ko --pages 1-2 --dpi 60 --output out/preview")

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
    @Option(name: .long, help: "Output folder.")
    var output: String = "out/preview"

    func run() throws {
        let engine = try Runner.engine()
        let report = try Runner.loadReport(report)
        guard let e = try Runner.select([edition], from: report).first else { return }
        let laid: Engine.LaidOut
        do { laid = try engine.layOut(report: report, edition: e, layoutName: layout) } catch {
            Runner.printError(error, edition: e.code); throw ExitCode(1)
        }
        let count = laid.document.pages.count
        let wanted = try PageRanges.parse(pages, count: count)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for n in wanted {
            let path = "\(output)/\(report.id)_\(e.code.uppercased())-\(n).png"
            let tmp = AtomicFile.temporaryPath(for: path)
            try PNGWriter(dpi: dpi).write(laid.document.pages[n - 1], to: tmp)
            try AtomicFile.commit(tmp, to: path)
            print(path)
        }
    }
}

/// Page selections such as `1-3,7`.
enum PageRanges {
    static func parse(_ spec: String?, count: Int) throws -> [Int] {
        guard let spec, !spec.isEmpty else { return Array(1...max(count, 1)).filter { $0 <= count } }
        var out: [Int] = []
        for part in spec.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let lo = bounds.first!, let hi = bounds.last!, lo >= 1, hi >= lo else {
                throw ValidationError("'\(part)' is not a page range: write e.g. 1-3,7")
            }
            out += (lo...min(hi, count))
        }
        return out
    }
}
