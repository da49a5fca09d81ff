import Dispatch
import Foundation
import FolioDisplay
import FolioEngine
import FolioLayout
import FolioModel

/// What `folio watch` renders and where.
public struct WatchOptions: Sendable {
    public var report: String
    /// Edition codes; empty: every edition.
    public var editions: [String] = []
    public var layout: String?
    public var output: String
    public var dpi = 96.0
    /// Whether the pictures with layout boxes are written too (the preview page's overlay needs them).
    public var boxes = false

    public init(report: String, output: String) { self.report = report; self.output = output }

    /// The pictures go in `<output>/preview`.
    public var previewFolder: String { output + "/preview" }
}

/// The figures of one render: its printed line, and the benchmarks' measurements.
public struct RenderFigures: Sendable {
    public struct Edition: Sendable {
        public var code: String
        public var pages: Int
        public var redrawn: Int
        public var warnings: Int
    }
    public var editions: [Edition] = []
    /// Seconds from the start of the render until the last changed picture, and until the last PDF, was written.
    public var previewSeconds = 0.0
    public var pdfSeconds = 0.0
    /// Seconds from the start until the last edition was laid out (report.yaml and Markdown read included).
    public var layoutSeconds = 0.0
    /// The error that stopped the render (the earlier outputs stay).
    public var error: Finding?
    /// The last edition's time per phase (layout, PDF writing and finishing).
    public var times = PhaseTimes()

    /// `12:04:31  en 14 pages (1 redrawn), 2 warnings · preview 21 ms, PDF 48 ms`.
    public func line(at date: Date = Date()) -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        let time = f.string(from: date)
        if error != nil { return "\(time)  not rendered: the last good output is kept" }
        let parts = editions.map { e in
            "\(e.code) \(e.pages) page\(e.pages == 1 ? "" : "s") (\(e.redrawn) redrawn), \(e.warnings) warning\(e.warnings == 1 ? "" : "s")"
        }
        return "\(time)  \(parts.joined(separator: "; ")) · preview \(Self.ms(previewSeconds)), PDF \(Self.ms(pdfSeconds))"
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
}

/// The warm render loop: one engine for the life of the process (fonts, hyphenation patterns, shaped words and set
/// paragraphs kept), so that after an edit only the changed paragraphs are set again and only the pages that
/// changed are rasterized again. A render that fails leaves every output as the last good render wrote it.
public final class WatchSession {
    public let options: WatchOptions
    public private(set) var engine: Engine
    public let board: WatchBoard
    /// The pages of each edition as last written (by code), to rasterize only pages that changed.
    private var written: [String: [Page]] = [:]

    public init(options: WatchOptions, engine: Engine) throws {
        self.options = options
        self.engine = engine
        board = WatchBoard(previewFolder: options.previewFolder, boxes: options.boxes)
        try FileManager.default.createDirectory(atPath: options.previewFolder, withIntermediateDirectories: true)
    }

    /// Starts again with a new engine (the font manifest changed): nothing set with the old fonts is reused.
    public func replaceEngine(_ new: Engine) {
        engine = new
        written = [:]
    }

    /// Renders the selected editions: pictures of the changed pages and the PDFs, and publishes the result.
    public func render() -> RenderFigures {
        let start = monotonicSeconds()
        var figures = RenderFigures()
        var states: [EditionState] = []
        do {
            // Another folio writing into the same folder (a `folio render`) is waited for, as render waits for watch.
            try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
            try AtomicFile.lockFolder(options.output) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            defer { AtomicFile.unlockFolder(options.output) }
            let report = try Report.load(directory: options.report)
            var files: [RenderedEdition] = []
            for edition in try selected(report) {
                let laid = try engine.layOut(report: report, edition: edition, layoutName: options.layout)
                figures.layoutSeconds = monotonicSeconds() - start
                let (state, rendered, times) = try write(laid, report: report, start: start)
                states.append(state)
                files.append(rendered)
                figures.previewSeconds = times.preview
                figures.pdfSeconds = times.pdf
                figures.times = rendered.times
                figures.editions.append(.init(code: edition.code, pages: state.map.count, redrawn: times.redrawn,
                                              warnings: state.findings.filter { $0.severity != .note }.count))
            }
            _ = try Manifest(report: report.id, files: files).write(updating: options.output)
        } catch {
            let finding = Finding(error: error, edition: nil)
            figures.error = finding
            board.publish { $0.error = finding }
            return figures
        }
        board.publish { s in
            s.error = nil
            let version = s.version + 1
            let old = Dictionary(s.editions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            s.editions = states.map { state in
                var state = state
                state.changedAt = state.changedAt.enumerated().map { i, changed in
                    changed != 0 || i >= (old[state.code]?.changedAt.count ?? 0) ? version : old[state.code]!.changedAt[i]
                }
                return state
            }
        }
        return figures
    }

    /// The editions the options name, or every edition.
    private func selected(_ report: Report) throws -> [Edition] {
        guard !options.editions.isEmpty else { return report.editions }
        for code in options.editions where !report.editions.contains(where: { $0.code == code }) {
            throw FolioError("report '\(report.id)' has no edition '\(code)'", at: SourceLocation(file: report.file, line: 1, column: 1),
                             hint: "its editions are \(report.editions.map(\.code).joined(separator: ", "))")
        }
        return report.editions.filter { options.editions.contains($0.code) }
    }

    /// Writes an edition's changed pictures and its PDF at once, on two cores: the pictures are what the author
    /// is waiting for, the PDF follows. Returns its state (`changedAt` 1 for the pages drawn again, else 0).
    private func write(_ laid: Engine.LaidOut, report: Report, start: Double) throws
        -> (EditionState, RenderedEdition, (preview: Double, pdf: Double, redrawn: Int)) {
        let stem = PreviewPages.stem(report, laid.edition)
        let pictures = PreviewPages(folder: options.previewFolder, dpi: options.dpi, boxes: options.boxes)
        let previous = written[laid.edition.code]
        nonisolated(unsafe) var drawn: Result<[Int], Error> = .success([])
        nonisolated(unsafe) var pdf: Result<RenderedEdition, Error>? = nil
        nonisolated(unsafe) var times = (preview: 0.0, pdf: 0.0)
        // Both jobs only read the laid-out edition; each writes its own result.
        let shared = Unchecked((laid, engine, options.output))
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            let (laid, engine, output) = shared.value
            if job == 0 {
                drawn = Result {
                    try pictures.write(laid.document, map: laid.layoutReport.pageMap, stem: stem,
                                       wanted: Array(laid.document.pages.indices.map { $0 + 1 }),
                                       previous: previous).changed
                }
                times.preview = monotonicSeconds() - start
            } else {
                pdf = Result { try engine.write(laid, output: output, thumbnail: false, start: start) }
                times.pdf = monotonicSeconds() - start
            }
        }
        let changed = try drawn.get()
        let rendered = try pdf!.get()
        try pictures.removeStale(stem: stem, count: laid.document.pages.count)
        written[laid.edition.code] = laid.document.pages
        let changedSet = Set(changed)
        let state = EditionState(code: laid.edition.code, title: laid.document.info.title, pdf: rendered.path, stem: stem,
                                 map: laid.layoutReport.pageMap, texts: laid.document.pages.map(PageText.of),
                                 changedAt: laid.document.pages.indices.map { changedSet.contains($0 + 1) ? 1 : 0 },
                                 findings: rendered.findings)
        return (state, rendered, (times.preview, times.pdf, changed.count))
    }
}

/// A value handed to threads that only read it.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A page's text from its display list: the glyph runs' source text, a line break where the baseline moves.
enum PageText {
    static func of(_ page: Page) -> String {
        var out = ""
        var lastY: Double? = nil, lastEnd = 0.0
        for case .glyphs(let run) in page.items {
            if let y = lastY {
                if abs(run.origin.y - y) > 0.5 { out += "\n" } else if run.origin.x - lastEnd > 1 { out += " " }
            }
            out += run.text
            lastY = run.origin.y
            lastEnd = run.origin.x + run.width
        }
        return out
    }
}
