import ArgumentParser
import Foundation
import FolioEngine
import FolioFonts
import FolioModel
import FolioLayout
import FolioSupport
import Synchronization

/// `folio render`: every (or the named) edition of one report into PDFs and a manifest.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a report's editions to PDF, with manifest.json.",
        discussion: """
        Examples:
          folio render Examples/dprk-upr4 --output out
          folio render Examples/dprk-upr4 --edition ko --layout upr-submission
        After each edition it prints what `folio check` finds in it (errors and warnings, with their places). The
        PDFs are written either way; with --strict the exit code is 1 when an edition has any error or warning.
        """)

    @Argument(help: "The report folder (holding report.yaml).")
    var report: String

    @Option(name: .long, help: "Edition to render (repeatable); all editions when omitted.")
    var edition: [String] = []

    @Option(name: .long, help: "Layout name (from Layouts/) or path to a layout .yaml file.")
    var layout: String?

    @Option(name: .long, help: "Output folder.")
    var output: String = "out"

    @Flag(name: .long, help: "Print warnings in full and timing per edition.")
    var verbose = false

    @Flag(name: .long, help: "Exit with 1 when an edition has any error or warning (the PDFs are still written).")
    var strict = false

    @Flag(name: .long, help: "Also write a thumbnail PNG of each edition's first page (folio batch always does).")
    var thumbnails = false

    @Flag(name: .long, help: "Attach the edition's Markdown and report.yaml to its PDF (PDF/A-3a associated files).")
    var embedSource = false

    @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
    var format: OutputFormat = .text

    /// What --format json prints besides the diagnostics: the report and the files written (as in the manifest).
    struct Output: Encodable {
        var report: String
        var files: [Manifest.File]
    }

    func run() throws {
        // report.yaml first: its languages say which hyphenation patterns to start loading while the engine starts.
        let t0 = monotonicSeconds()
        let report = try Runner.loadReport(report, format: format)
        let editions = try Runner.select(edition, from: report)
        Engine.warmUpText(languages: editions.map(\.lang))
        let t1 = monotonicSeconds()
        let engine = try Runner.engine(format: format)
        if verbose { FileHandle.standardError.write(Data("  start: report \(String(format: "%.1f", (t1 - t0) * 1000)) ms, engine \(String(format: "%.1f", (monotonicSeconds() - t1) * 1000)) ms\n".utf8)) }
        engine.warmUp(languages: editions.map(\.lang))
        try Runner.outputFolder(output, format: format)
        let book = try Runner.lockedBook(output, report: report.id, format: format)
        // Editions are independent: two at a time use both cores (fonts and shaped words are shared). Results are
        // reported in the report's order whatever finishes first.
        let results = editions.concurrentMap { e in
            Result { try engine.render(report: report, edition: e, layoutName: layout, output: output, thumbnail: thumbnails,
                                  embedSource: embedSource, landed: book.landed) }
        }
        var files: [RenderedEdition] = []
        var diagnostics: [Finding] = [], failures: [Finding] = []
        var status = ExitStatus.ok
        for (e, result) in zip(editions, results) {
            switch result {
            case .success(let r):
                files.append(r)
                diagnostics += r.findings.map { var f = $0; f.edition = f.edition ?? r.edition; return f }
                if Runner.fails(r.findings, strict: strict) { status = max(status, .input) }
                if format == .text { show(r) }
            case .failure(let error):
                failures.append(Finding(error: error, edition: e.code))
                status = max(status, ExitStatus.of(error))
            }
        }
        // An error that stopped several editions (a layout they share) is said once.
        let errors = Finding.folded(failures)
        if format == .text { errors.forEach(Runner.printDiagnostic) }
        // Written even when no edition landed: entries whose files are gone or changed are dropped.
        do { try book.write() } catch { throw Runner.fail(error, format: format, status: .output) }
        switch format {
        case .text: if !files.isEmpty && files.allSatisfy(\.unchanged) { print("nothing changed") }
        case .json:
            Runner.emit(JSONResult(diagnostics: errors + diagnostics, exit: status.rawValue,
                                   body: Output(report: report.id, files: Manifest(report: report.id, files: files).contents.files)))
        }
        if status != .ok { throw CommandFailure(status) }
    }

    private func show(_ r: RenderedEdition) {
        print("\(r.edition): \(output)/\(r.path) (\(r.pages) pages, \(r.bytes) bytes, \(String(format: "%.2f", r.seconds)) s\(r.unchanged ? ", unchanged" : ""))")
        Runner.printFindings(r.findings, verbose: verbose)
        if verbose {
            Runner.printWarnings(r.notes, verbose: true)
            let phases = r.times.names.map { "\($0) \(String(format: "%.1f", (r.times.seconds[$0] ?? 0) * 1000)) ms" }
            FileHandle.standardError.write(Data("  time: \(phases.joined(separator: ", "))\n".utf8))
            FileHandle.standardError.write(Data("  \(PhaseTimes.legend)\n".utf8))
        }
    }
}
