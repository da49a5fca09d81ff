import Foundation
import FolioEngine
import FolioLayout
import FolioModel
import FolioWatch

/// The editing loop of `folio watch`, warm: a paragraph of the edition is edited (a word added, then taken away
/// again, in turn) and the report rendered again in the same process; measured from the render's start (reading
/// report.yaml) until the changed pages' pictures are written, and until the new PDF is written.
public struct EditBenchmark {
    public let home: String
    public let runs: Int

    public init(home: String, runs: Int) { self.home = home; self.runs = runs }

    public func run(report: Report, edition: Edition, scratch: String) throws {
        let copy = scratch + "/edit-\(report.id)"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: report.directory, toPath: copy)
        let content = copy + "/" + edition.content
        let original = try String(contentsOfFile: content, encoding: .utf8)
        guard let target = Self.paragraph(in: original) else { return print("\(report.id) \(edition.code): no paragraph to edit") }
        var options = WatchOptions(report: copy, output: copy + "/out")
        options.editions = [edition.code]
        let session = try WatchSession(options: options, engine: try Engine(home: home, keepParagraphs: true))
        let cold = session.render()
        if let error = cold.error { throw EngineError(call: "watch", reason: error.text) }
        var cpu: [Double] = [], laidOut: [Double] = [], preview: [Double] = [], pdf: [Double] = [], redrawn: [Int] = [], finish: [Double] = [], write: [Double] = []
        for i in 0..<max(runs, 2) {
            let edited = i % 2 == 0 ? original.replacingOccurrences(of: target, with: target + " Edited.") : original
            try edited.write(toFile: content, atomically: true, encoding: .utf8)
            let before = session.engine.paragraphs?.statistics ?? (hits: 0, misses: 0)
            let cpuStart = Self.processCPU()
            let f = session.render()
            cpu.append(Self.processCPU() - cpuStart)
            if let error = f.error { throw EngineError(call: "watch", reason: error.text) }
            laidOut.append(f.layoutSeconds)
            preview.append(f.previewSeconds)
            pdf.append(f.pdfSeconds)
            redrawn.append(f.editions.first?.redrawn ?? 0)
            finish.append(f.times.seconds["finish"] ?? 0)
            write.append(f.times.seconds["pdf write"] ?? 0)
            if i == 0, let after = session.engine.paragraphs?.statistics {
                print("  paragraphs set again after the edit: \(after.misses - before.misses) of \(after.hits + after.misses - before.hits - before.misses)")
            }
        }
        print("\(report.id) \(edition.code) one-paragraph edit, warm (\(cold.editions.first?.pages ?? 0) pages, median \(median(redrawn.map(Double.init))) redrawn):")
        print("  laid out (report read, paragraphs set, pages made)  median \(ms(median(laidOut)))")
        print("  new pages' pictures written  median \(ms(median(preview)))  (target 30 ms)")
        print("  new PDF written              median \(ms(median(pdf)))  (target 60 ms)")
        print("  CPU time of the render, all threads  median \(ms(median(cpu)))  (what an idle machine's cores would spend)")
        print("    of which cairo PDF \(ms(median(write))), finishing (tags, metadata) \(ms(median(finish)))")
    }

    /// Seconds of CPU time the process has used, on every thread: less sensitive than wall time to other work
    /// on a shared machine.
    static func processCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A long plain paragraph of Markdown (a line of its own text, not a heading, list, table or quote).
    static func paragraph(in markdown: String) -> String? {
        let lines = markdown.split(separator: "\n").map(String.init)
        let plain = lines.filter { line in
            guard let first = line.first, first.isLetter else { return false }
            return line.count > 200 && line.hasSuffix(".")
        }
        return plain.isEmpty ? nil : plain[plain.count / 2]
    }

    func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func ms(_ s: Double) -> String { String(format: "%6.1f ms", s * 1000) }
}
