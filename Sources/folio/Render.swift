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

    func run() throws {
        // report.yaml first: its languages say which hyphenation patterns to start loading while the engine starts.
        let t0 = monotonicSeconds()
        let report = try Runner.loadReport(report)
        let editions = try Runner.select(edition, from: report)
        Engine.warmUpText(languages: editions.map(\.lang))
        let t1 = monotonicSeconds()
        let engine = try Runner.engine()
        if verbose { FileHandle.standardError.write(Data("  start: report \(String(format: "%.1f", (t1 - t0) * 1000)) ms, engine \(String(format: "%.1f", (monotonicSeconds() - t1) * 1000)) ms\n".utf8)) }
        engine.warmUp(languages: editions.map(\.lang))
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var files: [RenderedEdition] = []
        var failed = 0, unfit = 0
        // Editions are independent: two at a time use both cores (fonts and shaped words are shared). Results are
        // reported in the report's order whatever finishes first.
        let results = editions.concurrentMap { e in
            Result { try engine.render(report: report, edition: e, layoutName: layout, output: output, thumbnail: thumbnails) }
        }
        for (e, result) in zip(editions, results) {
            do {
                let r = try result.get()
                files.append(r)
                print("\(r.edition): \(output)/\(r.path) (\(r.pages) pages, \(r.bytes) bytes, \(String(format: "%.2f", r.seconds)) s\(r.unchanged ? ", unchanged" : ""))")
                Runner.printFindings(r.findings, verbose: verbose)
                if Runner.fails(r.findings, strict: strict) { unfit += 1 }
                if verbose {
                    Runner.printWarnings(r.notes, verbose: true)
                    let phases = r.times.names.map { "\($0) \(String(format: "%.1f", (r.times.seconds[$0] ?? 0) * 1000)) ms" }
                    FileHandle.standardError.write(Data("  time: \(phases.joined(separator: ", "))\n".utf8))
                    FileHandle.standardError.write(Data("  \(PhaseTimes.legend)\n".utf8))
                }
            } catch {
                failed += 1
                Runner.printError(error, edition: e.code)
            }
        }
        let manifest = Manifest(report: report.id, files: files)
        _ = try AtomicFile.writeIfChanged(try manifest.json(), to: output + "/manifest.json")
        if !files.isEmpty && files.allSatisfy(\.unchanged) { print("nothing changed") }
        if failed > 0 || unfit > 0 { throw ExitCode(1) }
    }
}

/// Shared steps of the subcommands: load, select, report errors the same way.
enum Runner {
    /// The engine lives as long as the process: its caches (shaped words, fonts, faces) are thousands of small
    /// objects that the process's exit returns at once, where freeing them one by one would take time for nothing.
    static func engine() throws -> Engine {
        do {
            let engine = try Engine()
            kept.withLock { $0.append(engine) }
            return engine
        } catch { printError(error, edition: nil); throw ExitCode(2) }
    }
    private static let kept = Mutex<[Engine]>([])

    static func loadReport(_ directory: String) throws -> Report {
        do { return try Report.load(directory: directory) } catch { printError(error, edition: nil); throw ExitCode(2) }
    }

    static func select(_ codes: [String], from report: Report) throws -> [Edition] {
        if codes.isEmpty { return report.editions }
        return try codes.map { code in
            guard let e = report.editions.first(where: { $0.code == code }) else {
                printError(FolioError("report '\(report.id)' has no edition '\(code)'", at: SourceLocation(file: report.file, line: 0, column: 0),
                                      hint: "its editions are \(report.editions.map(\.code).joined(separator: ", "))"), edition: nil)
                throw ExitCode(2)
            }
            return e
        }
    }

    static func printError(_ error: Error, edition: String?) {
        let prefix = edition.map { "\($0): " } ?? ""
        FileHandle.standardError.write(Data((prefix + "\(error)\n").utf8))
    }

    /// An edition's findings as `folio check` prints them, the first ten unless verbose.
    static func printFindings(_ findings: [Finding], verbose: Bool) {
        let shown = verbose ? findings : Array(findings.prefix(10))
        for f in shown { FileHandle.standardError.write(Data("  \(f.text)\n".utf8)) }
        if shown.count < findings.count {
            FileHandle.standardError.write(Data("  … and \(findings.count - shown.count) more (--verbose shows all)\n".utf8))
        }
    }

    /// Whether an edition's findings make a --strict run fail: any error or warning (notes aside).
    static func fails(_ findings: [Finding], strict: Bool) -> Bool {
        strict && findings.contains { $0.severity == .error || $0.severity == .warning }
    }

    static func printWarnings(_ warnings: [Warning], verbose: Bool) {
        let shown = verbose ? warnings : Array(warnings.prefix(10))
        for w in shown { FileHandle.standardError.write(Data("  \(w)\n".utf8)) }
        if shown.count < warnings.count {
            FileHandle.standardError.write(Data("  … and \(warnings.count - shown.count) more warnings (--verbose shows all)\n".utf8))
        }
    }
}
