import ArgumentParser
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
        try options.run(engine: try Runner.engine(), load: { try Runner.loadReport($0) }, select: { try Runner.select(options.edition, from: $0) })
    }
}
