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
        subcommands: [Run.self, GenerateCommand.self],
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
}
