import Foundation
import FolioDisplay
import FolioEngine
import FolioLayout
import FolioModel
import FolioRender
import FolioSupport

/// The PNG pages of an edition as `folio preview` and `folio watch` write them: `<stem>-<n>.png`, and with the
/// layout boxes `<stem>-<n>-boxes.png` beside it, where the stem is the edition's PDF name (`filename:`) without
/// `.pdf`, so that the pictures of two editions never overwrite each other.
public struct PreviewPages: Sendable {
    public var folder: String
    public var dpi: Double
    /// Whether to also write each page with its layout boxes drawn over it.
    public var boxes: Bool

    public init(folder: String, dpi: Double = 96, boxes: Bool = false) {
        self.folder = folder; self.dpi = dpi; self.boxes = boxes
    }

    /// The name pictures of an edition start with.
    public static func stem(_ report: Report, _ edition: Edition) -> String {
        let name = report.fileName(of: edition)
        return name.hasSuffix(".pdf") ? String(name.dropLast(4)) : name
    }

    /// A page's file name (1-based page number).
    public static func name(stem: String, page: Int, boxes: Bool) -> String {
        "\(stem)-\(page)\(boxes ? "-boxes" : "").png"
    }

    /// Writes the pages `wanted` (1-based) of a laid-out edition and returns the paths written. A page equal to
    /// the same page of `previous` (what was written last time) is not drawn again: after an edit, only the pages
    /// it moved are rasterized. Without boxes, the boxes pictures of the pages written are removed (they would show
    /// the earlier pages).
    public func write(_ document: DisplayDocument, map: [PageSummary], stem: String, wanted: [Int],
                      previous: [Page]? = nil) throws -> (paths: [String], changed: [Int]) {
        let changed = wanted.filter { n in
            guard let previous, n <= previous.count else { return true }
            let a = previous[n - 1], b = document.pages[n - 1]
            return a.width != b.width || a.height != b.height || a.items != b.items
        }
        var jobs: [(page: Int, boxes: Bool)] = changed.map { ($0, false) }
        if boxes { jobs += changed.map { ($0, true) } }
        let pages = document.pages, folder = self.folder, dpi = self.dpi
        // Pages are independent: both cores rasterize.
        let results = jobs.concurrentMap { job in
            Result {
                let overlay = job.boxes ? Self.overlay(map[job.page - 1]) : []
                try AtomicFile.write(try PNGWriter(dpi: dpi).encode(pages[job.page - 1], overlay: overlay),
                                     to: folder + "/" + Self.name(stem: stem, page: job.page, boxes: job.boxes))
            }
        }
        for r in results { try r.get() }
        // A boxes picture of an earlier run would no longer match its page.
        if !boxes {
            for n in changed { try? FileManager.default.removeItem(atPath: folder + "/" + Self.name(stem: stem, page: n, boxes: true)) }
        }
        var paths: [String] = []
        for n in wanted {
            paths.append(folder + "/" + Self.name(stem: stem, page: n, boxes: false))
            if boxes { paths.append(folder + "/" + Self.name(stem: stem, page: n, boxes: true)) }
        }
        return (paths, changed)
    }

    /// Removes the pages of `stem` numbered above `count`, left by an earlier run of a longer edition, with their
    /// boxes pictures; returns the paths removed.
    @discardableResult
    public func removeStale(stem: String, count: Int) throws -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for file in files.sorted() where file.hasPrefix(stem + "-") && file.hasSuffix(".png") {
            var rest = file.dropFirst(stem.count + 1).dropLast(4)
            if rest.hasSuffix("-boxes") { rest = rest.dropLast(6) }
            guard let n = Int(rest), n > count else { continue }
            try FileManager.default.removeItem(atPath: folder + "/" + file)
            removed.append(folder + "/" + file)
        }
        return removed
    }

    /// The layout boxes of a page as display items: thin coloured lines over the page.
    public static func overlay(_ summary: PageSummary) -> [DisplayItem] {
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
                items.append(.line(from: Point(x: box.rect.x, y: box.rect.y), to: Point(x: box.rect.maxX, y: box.rect.y),
                                   width: 0.25, color: RGB(r: 0.9, g: 0.1, b: 0.1)))
            }
        }
        return items
    }

    /// Which section and footnotes sit on which page.
    public static func pageMap(_ map: [PageSummary], wanted: [Int]) -> String {
        var out = "page  label  source lines        headings / footnotes\n"
        for n in wanted {
            let p = map[n - 1]
            out += String(format: "%4d  %-5@  %-18@  %@\n", n, p.label as NSString, sourceLines(p) as NSString,
                          contents(p) as NSString)
        }
        return out
    }

    /// `en.md:12–40`: the source file and first and last lines of the body text on a page.
    public static func sourceLines(_ p: PageSummary) -> String {
        let lines = [p.firstSource, p.lastSource].compactMap { $0.map { "\($0.line)" } }
        guard !lines.isEmpty else { return "-" }
        return (p.firstSource.map { ($0.file as NSString).lastPathComponent } ?? "") + ":" + lines.joined(separator: "–")
    }

    /// `§ Heading; notes 3–5`: the headings and footnotes on a page.
    public static func contents(_ p: PageSummary) -> String {
        var what = p.headings.map { "§ \($0)" }
        if let first = p.footnotes.first, let last = p.footnotes.last { what.append("notes \(first)–\(last)") }
        return what.joined(separator: "; ")
    }
}
