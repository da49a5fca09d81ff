import ArgumentParser
import Foundation
import FolioBenchmarks
import FolioEngine
import FolioGenerate
import FolioModel

/// `folio-bench`: Folio's benchmarks, apart from the library and the `folio` command (which offers the same
/// two as `folio bench` and `folio generate`).
@main
struct FolioBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-bench",
        abstract: "Folio's benchmarks: time per phase of rendering, and large generated reports to render.",
        subcommands: [Run.self, GenerateCommand.self, Scaling.self],
        defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: BenchOptions.abstract,
            discussion: BenchOptions.discussion + "\nExample: .build/release/folio-bench Examples/dprk-upr4 --runs 20 --floor")

        @OptionGroup var options: BenchOptions

        func run() throws {
            try options.run(engine: try Engine(), load: { try Report.load(directory: $0) }, select: { report in
                let editions = options.edition.isEmpty ? report.editions : report.editions.filter { options.edition.contains($0.code) }
                guard !editions.isEmpty else { throw ValidationError("report '\(report.id)' has none of the editions \(options.edition)") }
                return editions
            })
        }
    }

    struct Scaling: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scaling",
            abstract: "Doubling each input a report controls must at most about double the time and memory of a render.",
            discussion: """
            Renders generated reports at n and 2n for each dimension (paragraph length, URL length, word length, editions,
            footnotes, table rows and columns, list nesting, logos), each run in its own process, and compares what
            each size adds over a one-line report: CPU time (the least of --runs) and peak memory. Exits 1 when a ratio
            is over --limit. --large uses the sizes docs/performance.md reports (release build).
            Example: .build/release/folio-bench scaling --large --folio .build/release/folio
            """)

        @Option(name: .long, help: "The folio program to run (default: the one beside folio-bench).")
        var folio: String?
        @Flag(name: .long, help: "The large sizes (minutes, release build) instead of the small ones (CI).")
        var large = false
        @Option(name: .long, help: "Runs per size; the least CPU time counts.")
        var runs = 5
        @Option(name: .long, help: "The largest allowed ratio of cost added at 2n to cost added at n.")
        var limit = 2.2
        @Option(name: .long, help: "Only these dimensions (repeatable).")
        var dimension: [String] = []
        @Option(name: .long, help: "A dimension known to be over the limit (repeatable): printed, not failing.")
        var open: [String] = []

        func run() throws {
            let program = folio ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("folio").path
            var benchmark = ScalingBenchmark(folio: program, runs: runs, limit: limit, large: large)
            benchmark.open = open
            let ok = try benchmark.run(only: dimension)
            if !ok { throw ExitCode(1) }
        }
    }
}
