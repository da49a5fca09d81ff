import ArgumentParser
import Foundation
import FolioEngine
import FolioModel

/// The options of `folio bench` and `folio-bench`, declared once so that the two stay alike.
public struct BenchOptions: ParsableArguments {
    @Argument(help: "Report folders.")
    public var reports: [String]
    @Option(name: .long, help: "Runs per edition (the first is reported as cold).")
    public var runs = 10
    @Option(name: .long, help: "Edition codes (all when omitted).")
    public var edition: [String] = []
    @Flag(name: .long, help: "Also measure the floor: the same text shaped with HarfBuzz and drawn with cairo, no layout.")
    public var floor = false
    @Flag(name: .long, help: "Also measure the editing loop (folio watch): after a one-paragraph edit, the time until the new pages' pictures and the new PDF are written.")
    public var edit = false

    public init() {}

    /// What the commands print about themselves.
    public static let abstract = "Benchmark rendering: median time per phase over repeated runs (release build recommended)."
    public static let discussion = """
        The first run of each edition is reported apart ("cold": fonts loaded, caches empty); the medians are
        over the following runs ("warm": fonts and shaped words cached, as in a batch).
        """
}

extension BenchOptions {
    /// Benchmarks each selected edition of each report named, in a scratch folder, then prints the peak memory.
    public func run(engine: Engine, load: (String) throws -> Report, select: (Report) throws -> [Edition]) throws {
        let out = try EditionBenchmark.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let benchmark = EditionBenchmark(engine: engine, runs: runs, floor: floor)
        for path in reports {
            let report = try load(path)
            for edition in try select(report) {
                try benchmark.run(report: report, edition: edition, output: out)
                if edit { try EditBenchmark(home: engine.home, runs: runs).run(report: report, edition: edition, scratch: out) }
            }
        }
        EditionBenchmark.printPeakMemory()
    }
}
