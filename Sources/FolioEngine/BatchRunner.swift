import Foundation
import FolioFonts
import FolioModel
import FolioSupport
import Synchronization

/// One edition of one report, the unit of batch work.
public struct BatchJob: Sendable {
    public var report: Report
    public var edition: Edition
    public init(report: Report, edition: Edition) { self.report = report; self.edition = edition }
    /// A stable name: `<report id>/<edition code>`.
    public var name: String { "\(report.id)/\(edition.code)" }

    /// Whether the job belongs to shard `index` (1-based) of `count`: a stable hash of its name, so that every
    /// machine of a CI matrix agrees without talking to the others.
    public func inShard(_ index: Int, of count: Int) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a: the same on every machine and run
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(h % UInt64(count)) == index - 1
    }
}

/// What happened to one job.
public enum BatchOutcome: Sendable {
    case rendered(RenderedEdition)
    case failed(BatchJob, String)
}

/// Renders jobs on a fixed number of threads sharing one engine (fonts and shaped words loaded once);
/// a failing job is reported and does not stop the others.
public struct BatchRunner: Sendable {
    public let engine: Engine
    public var jobs: Int
    public var layout: String?

    public init(engine: Engine, jobs: Int, layout: String? = nil) {
        self.engine = engine; self.jobs = max(1, jobs); self.layout = layout
    }

    /// Runs every job, writing each report's files to `<output>/<report id>/`; `progress` is called (from
    /// worker threads, one at a time) after each job. Outcomes come back in the jobs' order.
    public func run(_ work: [BatchJob], output: String, progress: @escaping @Sendable (Int, Int, BatchOutcome) -> Void) -> [BatchOutcome] {
        let state = BatchState(order: Self.longestFirst(work))
        let workers = min(jobs, max(work.count, 1))
        var threads: [Thread] = []
        for _ in 0..<workers {
            let thread = Thread {
                while let i = state.next() {
                    // The jobs take the cores: the work inside each job runs on its job's thread alone.
                    let outcome = Parallelism.withWidth(1) { render(work[i], output: output) }
                    state.finish(i, outcome, progress: progress)
                }
                state.workerDone()
            }
            thread.stackSize = 16 << 20   // deep documents recurse in layout; give workers room
            threads.append(thread)
            thread.start()
        }
        state.waitForWorkers(workers)
        return state.outcomes.map { $0! }
    }

    /// Job indices, the most expensive first (longest-processing-time scheduling): a long job started last would
    /// keep one worker busy while the others idle. The cost is estimated from the content's size, doubled for
    /// editions set in CJK fonts (their PDF write subsets 20 MB fonts).
    public static func longestFirst(_ work: [BatchJob]) -> [Int] {
        let costs = work.map { job -> Double in
            let fs = FileSystem.local
            let size = fs.size(fs.join(job.report.directory, job.edition.content))
            let cjk = ["ko", "ja", "zh"].contains(String(job.edition.lang.prefix(2)).lowercased())
            return Double(size) * (cjk ? 2 : 1)
        }
        return work.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }

    /// One job, its failure caught as an outcome.
    private func render(_ job: BatchJob, output: String) -> BatchOutcome {
        do {
            let folder = output + "/" + job.report.id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return .rendered(try engine.render(report: job.report, edition: job.edition, layoutName: layout, output: folder))
        } catch {
            return .failed(job, "\(error)")
        }
    }
}

/// Shared state of a batch: the next job, the outcomes, and the workers that have finished.
final class BatchState: Sendable {
    private struct Queue {
        var nextIndex = 0
        var done = 0
        var outcomes: [BatchOutcome?]
    }
    private let queue: Mutex<Queue>
    /// The order jobs are handed out in (outcomes stay in the jobs' own order).
    private let order: [Int]
    /// Signalled once by each worker when it runs out of jobs.
    private let finishedWorkers = DispatchSemaphore(value: 0)

    init(order: [Int]) { self.order = order; queue = Mutex(Queue(outcomes: Array(repeating: nil, count: order.count))) }

    var outcomes: [BatchOutcome?] { queue.withLock { $0.outcomes } }

    func next() -> Int? {
        queue.withLock { queue in
            guard queue.nextIndex < order.count else { return nil }
            queue.nextIndex += 1
            return order[queue.nextIndex - 1]
        }
    }

    func finish(_ i: Int, _ outcome: BatchOutcome, progress: (Int, Int, BatchOutcome) -> Void) {
        queue.withLock { queue in
            queue.outcomes[i] = outcome
            queue.done += 1
            progress(queue.done, order.count, outcome)
        }
    }

    func workerDone() { finishedWorkers.signal() }

    func waitForWorkers(_ n: Int) {
        for _ in 0..<n { finishedWorkers.wait() }
    }
}
