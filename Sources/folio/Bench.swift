import ArgumentParser
import Foundation
import FolioEngine
import FolioLayout

/// `folio bench`: renders editions repeatedly in one process and prints median times per phase.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark rendering: median time per phase over repeated runs (release build recommended).",
        discussion: """
        The first run of each edition is reported apart ("cold": fonts loaded, caches empty); the medians are
        over the following runs ("warm": fonts and shaped words cached, as in a batch).
        Example: .build/release/folio bench Examples/dprk-upr4 --runs 20
        """)

    @Argument(help: "Report folders.")
    var reports: [String]
    @Option(name: .long, help: "Runs per edition (the first is reported as cold).")
    var runs = 10
    @Option(name: .long, help: "Edition codes (all when omitted).")
    var edition: [String] = []
    @Flag(name: .long, help: "Also measure the floor: the same text shaped with HarfBuzz and drawn with cairo, no layout.")
    var floor = false

    func run() throws {
        let engine = try Runner.engine()
        let out = NSTemporaryDirectory() + "folio-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        for path in reports {
            let report = try Runner.loadReport(path)
            for e in try Runner.select(edition, from: report) {
                var samples: [PhaseTimes] = []
                var totals: [Double] = []
                var pages = 0
                var paragraphs = 0
                for _ in 0..<max(runs, 2) {
                    let start = monotonicSeconds()
                    let r = try engine.render(report: report, edition: e, output: out, thumbnail: false)
                    totals.append(monotonicSeconds() - start)
                    samples.append(r.times)
                    pages = r.pages
                    paragraphs = r.paragraphs
                }
                print("\(report.id) \(e.code) (\(pages) pages): cold \(ms(totals[0])), warm median \(ms(median(Array(totals.dropFirst()))))")
                if floor {
                    var floorTimes: [Double] = []
                    for _ in 0..<max(runs, 2) { floorTimes.append(try FloorBenchmark(engine: engine).run(report: report, edition: e).seconds) }
                    let full = median(Array(totals.dropFirst()))
                    let base = median(Array(floorTimes.dropFirst()))
                    print("  floor (HarfBuzz + cairo, no layout): warm median \(ms(base)); full render / floor = \(String(format: "%.2f", full / base))")
                }
                let breakWarm = median(samples.dropFirst().map { $0.seconds["break"] ?? 0 })
                let shapeWarm = median(samples.dropFirst().map { $0.seconds["itemize+shape"] ?? 0 })
                if paragraphs > 0 {
                    print(String(format: "  composer: %.1f µs per paragraph over %d paragraphs (itemize+shape: %.1f µs)",
                                 breakWarm / Double(paragraphs) * 1e6, paragraphs, shapeWarm / Double(paragraphs) * 1e6))
                }
                for name in samples[0].names {
                    let warm = samples.dropFirst().map { $0.seconds[name] ?? 0 }
                    print("  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) cold \(ms(samples[0].seconds[name] ?? 0))  warm median \(ms(median(warm)))")
                }
                print("  " + PhaseTimes.legend)
            }
        }
        print("peak memory of this process: \(Self.peakResidentMegabytes()) MB (every run above, with the caches they filled)")
    }

    /// The process's peak resident set (getrusage reports kilobytes on Linux).
    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func ms(_ s: Double) -> String { String(format: "%7.1f ms", s * 1000) }
}
