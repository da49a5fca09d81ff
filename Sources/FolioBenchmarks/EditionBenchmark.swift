import Foundation
import FolioEngine
import FolioLayout
import FolioModel

/// Renders one edition repeatedly in one process and prints the median time of each phase (and, when asked,
/// of the floor: see `FloorBenchmark`).
public struct EditionBenchmark {
    public let engine: Engine
    public let runs: Int
    public let floor: Bool

    public init(engine: Engine, runs: Int, floor: Bool) {
        self.engine = engine; self.runs = runs; self.floor = floor
    }

    /// Renders `edition` into `output` (a scratch folder) `runs` times (at least 2) and prints what it measured.
    public func run(report: Report, edition e: Edition, output: String) throws {
        var samples: [PhaseTimes] = []
        var totals: [Double] = []
        var pages = 0
        var paragraphs = 0
        for _ in 0..<max(runs, 2) {
            let start = monotonicSeconds()
            let r = try engine.render(report: report, edition: e, output: output, thumbnail: false)
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

    /// A scratch folder for the renders, made now; the caller removes it.
    public static func scratchFolder() throws -> String {
        let out = NSTemporaryDirectory() + "folio-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        return out
    }

    /// The last line of a benchmark: the process's peak resident set (getrusage reports kilobytes on Linux).
    public static func printPeakMemory() {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak memory of this process: \(usage.ru_maxrss / 1024) MB (every run above, with the caches they filled)")
    }

    func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func ms(_ s: Double) -> String { String(format: "%7.1f ms", s * 1000) }
}
