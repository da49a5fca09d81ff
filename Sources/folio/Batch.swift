import ArgumentParser
import Foundation
import FolioEngine
import FolioModel

/// `folio batch`: every edition of every report, in parallel, with one manifest for the run.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render every edition of every report in parallel (the attachment packages of a regeneration).",
        discussion: """
        Each report's files go to <output>/<report id>/ (PDFs, thumbnails, manifest.json); <output>/manifest.json
        lists everything the run produced; a re-run updates it (entries of other reports stay while their files do).
        --shard i/n renders shard i of n: the editions are dealt out the costliest first (content size, Korean
        counting double) to the shard with the least work, so the shards of a CI matrix or a Kubernetes Indexed
        Job cover every edition exactly once and take about as long. A shard writes
        <output>/manifest-shard-i-of-n.json instead of <output>/manifest.json; `folio manifest merge` joins them.
        --shard auto takes i and n from JOB_COMPLETION_INDEX (0-based) and JOB_COMPLETIONS, or from
        FOLIO_SHARD_INDEX (1-based) and FOLIO_SHARD_COUNT.
        Each edition's findings are printed as `folio check` prints them; with --strict the exit code is 1 when an
        edition has any error or warning (its files are still written).
        Examples:
          folio batch Examples/* --output out
          folio batch reports/* --output out --jobs 2 --shard 1/4
          folio batch reports/* --output out/shard-$JOB_COMPLETION_INDEX --shard auto
        """)

    @Argument(help: "Report folders.")
    var reports: [String]
    @Option(name: .long, help: "Output folder.")
    var output: String = "out"
    @Option(name: .long, help: "Parallel jobs, each on one thread (default: one per core); the costliest start first.")
    var jobs: Int?
    @Option(name: .long, help: "Render only shard i of n (e.g. 1/2), or auto (from the environment).")
    var shard: String?
    @Option(name: .long, help: "Layout for every report (default: each report's own).")
    var layout: String?
    @Flag(name: .long, help: "Print every warning.")
    var verbose = false
    @Flag(name: .long, help: "Exit with 1 when an edition has any error or warning (the PDFs are still written).")
    var strict = false
    @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
    var format: OutputFormat = .text

    /// What --format json prints besides the diagnostics: the files written (as in the run's manifest) and counts.
    struct Output: Encodable {
        var files: [Manifest.File]
        var summary: [String: Int]
    }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        _ = try parsedShard()
    }

    private func parsedShard() throws -> ShardSpec? {
        guard let shard else { return nil }
        do { return try ShardSpec.parse(shard, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let engine = try Runner.engine(format: format)
        var (work, diagnostics) = loadReports()
        let shard = try parsedShard()
        if let shard { work = BatchJob.shard(work, index: shard.index, count: shard.count) }
        try Runner.outputFolder(output, format: format)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if jobs > 1 {
            // With more than one job at work the cores are shared anyway: start on what the first jobs wait for.
            let languages = work.map(\.edition.lang)
            Engine.warmUpText(languages: languages)
            engine.warmUp(languages: languages)
        }
        let progress = Progress(total: work.count, terminal: format == .text && isatty(STDOUT_FILENO) != 0, quiet: format == .json)
        let start = Date()
        let books = try manifestBooks(for: work, shard: shard)
        let landed: @Sendable (RenderedEdition) throws -> Void = { r in
            try books.reports[r.report]?.landed(r)
            try books.run.landed(r)
        }
        let outcomes = BatchRunner(engine: engine, jobs: jobs, layout: layout, landed: landed).run(work, output: output) { done, total, outcome in
            progress.update(done: done, outcome: outcome)
        }
        progress.finish()
        let rendered = outcomes.compactMap { if case .rendered(let r) = $0 { return r } else { return nil } }
        let manifest = try writeManifests(books)
        var status: ExitStatus = diagnostics.isEmpty ? .ok : .input
        for o in outcomes {
            switch o {
            case .rendered(let r):
                diagnostics += r.findings.map { var f = $0; f.edition = "\(r.report)/\(r.edition)"; return f }
                if Runner.fails(r.findings, strict: strict) { status = max(status, .input) }
            case .failed(_, let finding):
                diagnostics.append(finding)
                status = max(status, ExitStatus.of(finding))
            }
        }
        switch format {
        case .text:
            print(summary(outcomes, seconds: Date().timeIntervalSince(start), jobs: jobs))
            for case .rendered(let r) in outcomes where !r.findings.isEmpty {
                FileHandle.standardError.write(Data("\(r.report)/\(r.edition):\n".utf8))
                Runner.printFindings(r.findings, verbose: verbose)
            }
        case .json:
            let failed = outcomes.count - rendered.count
            let unchanged = rendered.filter(\.unchanged).count
            Runner.emit(JSONResult(diagnostics: diagnostics, exit: status.rawValue, body: Output(
                files: manifest.files, summary: ["written": rendered.count - unchanged, "unchanged": unchanged, "failed": failed])))
        }
        if status != .ok { throw CommandFailure(status) }
    }

    /// Every edition of the reports that load, and the errors of those that do not.
    private func loadReports() -> ([BatchJob], [Finding]) {
        var work: [BatchJob] = []
        var diagnostics: [Finding] = []
        var folders: [String: String] = [:]
        for path in reports {
            do {
                let report = try Report.load(directory: path)
                if let other = folders[report.id.lowercased()] {
                    // Two folders with one id would write the same files (ignoring case, as on macOS): refuse the second.
                    throw FolioError("report id '\(report.id)' is also used by \(other)", at: report.location(ofField: ["id"]),
                                     hint: "give each report its own id")
                }
                folders[report.id.lowercased()] = path
                work += report.editions.map { BatchJob(report: report, edition: $0) }
            } catch {
                diagnostics.append(Finding(error: error, edition: nil))
                if format == .text { Runner.printError(error, edition: nil) }
            }
        }
        return (work, diagnostics)
    }

    /// Locks the output folder and each report's folder in it (in order of name, so that two runs cannot each
    /// wait for the other) and opens their manifests: each report's, and the run's (a shard's own is fresh).
    private func manifestBooks(for work: [BatchJob], shard: ShardSpec?) throws -> (run: ManifestBook, reports: [String: ManifestBook]) {
        let ids = Set(work.map(\.report.id)).sorted()
        do {
            try AtomicFile.lockFolder(output) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            var reports: [String: ManifestBook] = [:]
            for id in ids {
                let folder = "\(output)/\(id)"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                reports[id] = try Runner.lockedBook(folder, report: id, format: format)
            }
            let run = shard.map { ManifestBook(folder: output, name: Manifest.shardFile($0.index, of: $0.count), report: nil, fresh: true) }
            return (run ?? ManifestBook(folder: output, report: nil), reports)
        } catch let failure as CommandFailure { throw failure } catch { throw Runner.fail(error, format: format, status: .output) }
    }

    /// Writes the manifests once more at the end (entries of files gone since the start are dropped; a shard with
    /// nothing rendered still writes its manifest); returns the run's.
    private func writeManifests(_ books: (run: ManifestBook, reports: [String: ManifestBook])) throws -> Manifest.Contents {
        do {
            for book in books.reports.values { try book.write() }
            try books.run.write()
            return books.run.contents
        } catch { throw Runner.fail(error, format: format, status: .output) }
    }

    /// The table printed at the end: report, edition, pages, time, warnings, status.
    func summary(_ outcomes: [BatchOutcome], seconds: Double, jobs: Int) -> String {
        var rows: [[String]] = [["report", "edition", "pages", "time", "warnings", "status"]]
        var written = 0, unchanged = 0, failed = 0
        for o in outcomes {
            switch o {
            case .rendered(let r):
                if r.unchanged { unchanged += 1 } else { written += 1 }
                rows.append([r.report, r.edition, "\(r.pages)", String(format: "%.2f s", r.seconds), "\(r.findings.count)",
                             r.unchanged ? "unchanged" : "written"])
            case .failed(let job, let finding):
                failed += 1
                let why = finding.message
                rows.append([job.report.id, job.edition.code, "-", "-", "-", "FAILED: " + (why.split(separator: "\n").first.map(String.init) ?? why)])
            }
        }
        let widths = (0..<6).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            out += row.enumerated().map { c, cell in c == 5 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        out += "\(outcomes.count) editions in \(String(format: "%.2f", seconds)) s with \(jobs) job\(jobs == 1 ? "" : "s"): "
        out += "\(written) written, \(unchanged) unchanged, \(failed) failed"
        if written == 0 && failed == 0 && unchanged > 0 { out += " (nothing changed)" }
        return out
    }
}

/// A progress bar on a terminal, plain lines otherwise.
final class Progress: Sendable {
    let total: Int
    let terminal: Bool
    /// With --format json standard output holds the JSON alone.
    let quiet: Bool
    init(total: Int, terminal: Bool, quiet: Bool) { self.total = total; self.terminal = terminal; self.quiet = quiet }

    func update(done: Int, outcome: BatchOutcome) {
        if quiet { return }
        let name: String
        let status: String
        switch outcome {
        case .rendered(let r): name = "\(r.report)/\(r.edition)"; status = r.unchanged ? "unchanged" : "\(r.pages) pages"
        case .failed(let job, _): name = job.name; status = "FAILED"
        }
        if terminal {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardOutput.write(Data("\r\u{1B}[K\(bar) \(done)/\(total) \(name) (\(status))".utf8))
        } else {
            print("[\(done)/\(total)] \(name): \(status)")
        }
    }

    func finish() {
        if terminal { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}
