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
        lists everything the run produced. Each edition's findings are printed as `folio check` prints them; with
        --strict the exit code is 1 when an edition has any error or warning (its files are still written).
        --shard i/n renders a stable 1/n share of the editions, so that the machines of a CI matrix together cover
        every edition exactly once.
        Examples:
          folio batch Examples/* --output out
          folio batch reports/* --output out --jobs 2 --shard 1/4
        """)

    @Argument(help: "Report folders.")
    var reports: [String]
    @Option(name: .long, help: "Output folder.")
    var output: String = "out"
    @Option(name: .long, help: "Parallel jobs, each on one thread (default: one per core); the costliest start first.")
    var jobs: Int?
    @Option(name: .long, help: "Render only shard i of n, e.g. 1/2.")
    var shard: String?
    @Option(name: .long, help: "Layout for every report (default: each report's own).")
    var layout: String?
    @Flag(name: .long, help: "Print every warning.")
    var verbose = false
    @Flag(name: .long, help: "Exit with 1 when an edition has any error or warning (the PDFs are still written).")
    var strict = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        _ = try parsedShard()
    }

    private func parsedShard() throws -> (Int, Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
            throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/2")
        }
        return (parts[0], parts[1])
    }

    func run() throws {
        let engine = try Runner.engine()
        var work: [BatchJob] = []
        var failedReports = 0
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
                failedReports += 1
                Runner.printError(error, edition: nil)
            }
        }
        if let (i, n) = try parsedShard() { work = work.filter { $0.inShard(i, of: n) } }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if jobs > 1 {
            // With more than one job at work the cores are shared anyway: start on what the first jobs wait for.
            let languages = work.map(\.edition.lang)
            Engine.warmUpText(languages: languages)
            engine.warmUp(languages: languages)
        }
        let progress = Progress(total: work.count, terminal: isatty(STDOUT_FILENO) != 0)
        let start = Date()
        let outcomes = BatchRunner(engine: engine, jobs: jobs, layout: layout).run(work, output: output) { done, total, outcome in
            progress.update(done: done, outcome: outcome)
        }
        progress.finish()
        let rendered = outcomes.compactMap { if case .rendered(let r) = $0 { return r } else { return nil } }
        // Each report's package gets its own manifest; the run gets one for everything.
        for (id, files) in Dictionary(grouping: rendered, by: \.report) {
            try AtomicFile.write(try Manifest(report: id, files: files).json(), to: "\(output)/\(id)/manifest.json")
        }
        var manifest = Manifest(report: nil, files: rendered)
        manifest.prefixReports = true
        try AtomicFile.write(try manifest.json(), to: output + "/manifest.json")
        print(summary(outcomes, seconds: Date().timeIntervalSince(start), jobs: jobs))
        for case .rendered(let r) in outcomes where !r.findings.isEmpty {
            FileHandle.standardError.write(Data("\(r.report)/\(r.edition):\n".utf8))
            Runner.printFindings(r.findings, verbose: verbose)
        }
        let failed = outcomes.filter { if case .failed = $0 { return true } else { return false } }.count + failedReports
        let unfit = outcomes.filter { if case .rendered(let r) = $0 { return Runner.fails(r.findings, strict: strict) } else { return false } }.count
        if failed > 0 || unfit > 0 { throw ExitCode(1) }
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
            case .failed(let job, let why):
                failed += 1
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
    init(total: Int, terminal: Bool) { self.total = total; self.terminal = terminal }

    func update(done: Int, outcome: BatchOutcome) {
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
