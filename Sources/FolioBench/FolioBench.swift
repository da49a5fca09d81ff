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
        subcommands: [Run.self, Generate.self],
        defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: BenchOptions.abstract,
            discussion: BenchOptions.discussion + "\nExample: .build/release/folio-bench Examples/dprk-upr4 --runs 20 --floor")

        @OptionGroup var options: BenchOptions

        func run() throws {
            let engine = try Engine()
            let out = try EditionBenchmark.scratchFolder()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let benchmark = EditionBenchmark(engine: engine, runs: options.runs, floor: options.floor)
            for path in options.reports {
                let report = try Report.load(directory: path)
                let editions = options.edition.isEmpty ? report.editions : report.editions.filter { options.edition.contains($0.code) }
                guard !editions.isEmpty else { throw ValidationError("report '\(report.id)' has none of the editions \(options.edition)") }
                for e in editions { try benchmark.run(report: report, edition: e, output: out) }
            }
            EditionBenchmark.printPeakMemory()
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: GenerateOptions.abstract,
            discussion: "Example: folio-bench generate /tmp/big-en --pages 300 --language en --source Examples/dprk-upr4/content/en.md")

        @OptionGroup var options: GenerateOptions

        func run() throws { try options.write() }
    }
}
