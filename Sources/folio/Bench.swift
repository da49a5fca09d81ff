import ArgumentParser
import Foundation
import FolioBenchmarks

/// `folio bench`: renders editions repeatedly in one process and prints median times per phase (the same
/// benchmark as `folio-bench`, with the errors of the other subcommands).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: BenchOptions.abstract,
        discussion: BenchOptions.discussion + "\nExample: .build/release/folio bench Examples/dprk-upr4 --runs 20")

    @OptionGroup var options: BenchOptions

    func run() throws {
        let engine = try Runner.engine()
        let out = try EditionBenchmark.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let benchmark = EditionBenchmark(engine: engine, runs: options.runs, floor: options.floor)
        for path in options.reports {
            let report = try Runner.loadReport(path)
            for e in try Runner.select(options.edition, from: report) {
                try benchmark.run(report: report, edition: e, output: out)
            }
        }
        EditionBenchmark.printPeakMemory()
    }
}
