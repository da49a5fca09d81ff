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

    /// The expected cost of the job: the content's size, doubled for editions set in CJK fonts (their PDF write
    /// subsets 20 MB fonts).
    public var cost: Double {
        let fs = FileSystem.local
        let size = fs.size(fs.join(report.directory, edition.content))
        let cjk = ["ko", "ja", "zh"].contains(String(edition.lang.prefix(2)).lowercased())
        return Double(size) * (cjk ? 2 : 1)
    }

    /// The jobs of shard `index` (1-based) of `count`: editions dealt out the most expensive first, each to the
    /// shard with the least expected work so far (ties: fewer editions, then the lower shard). It depends on the
    /// jobs' costs and names only, not their order, so every machine of a CI matrix agrees without talking to
    /// the others.
    public static func shard(_ work: [BatchJob], index: Int, count: Int) -> [BatchJob] {
        let costs = work.map(\.cost)
        let order = work.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : work[$0].name < work[$1].name }
        var load = Array(repeating: 0.0, count: count), editions = Array(repeating: 0, count: count)
        var mine = Set<Int>()
        for i in order {
            let s = (0..<count).min { (load[$0], editions[$0], $0) < (load[$1], editions[$1], $1) }!
            load[s] += costs[i]; editions[s] += 1
            if s == index - 1 { mine.insert(i) }
        }
        return work.indices.filter(mine.contains).map { work[$0] }
    }
}

/// Which share of a batch this process renders: shard `index` (1-based) of `count`.
public struct ShardSpec: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// A value of `--shard` that cannot be used, and why.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// `i/n`, or `auto`: a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (0-based) and JOB_COMPLETIONS, else
    /// FOLIO_SHARD_INDEX (1-based, like `i/n`) and FOLIO_SHARD_COUNT.
    public static func parse(_ spec: String, environment: [String: String]) throws -> ShardSpec {
        if spec == "auto" {
            if let i = environment["JOB_COMPLETION_INDEX"] {
                guard let index = Int(i), let n = environment["JOB_COMPLETIONS"].flatMap({ Int($0) }), n >= 1, (0..<n).contains(index) else {
                    throw Invalid(description: "--shard auto: JOB_COMPLETION_INDEX=\(i) needs JOB_COMPLETIONS above it (an Indexed Job sets both)")
                }
                return ShardSpec(index: index + 1, count: n)
            }
            if let i = environment["FOLIO_SHARD_INDEX"] {
                guard let index = Int(i), let n = environment["FOLIO_SHARD_COUNT"].flatMap({ Int($0) }), n >= 1, (1...n).contains(index) else {
                    throw Invalid(description: "--shard auto: FOLIO_SHARD_INDEX=\(i) must be 1…FOLIO_SHARD_COUNT, and FOLIO_SHARD_COUNT set")
                }
                return ShardSpec(index: index, count: n)
            }
            throw Invalid(description: "--shard auto needs JOB_COMPLETION_INDEX and JOB_COMPLETIONS (Kubernetes Indexed Job) or FOLIO_SHARD_INDEX and FOLIO_SHARD_COUNT")
        }
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, (1...n).contains(i) else {
            throw Invalid(description: "--shard must be i/n with 1 ≤ i ≤ n (e.g. 1/2), or auto")
        }
        return ShardSpec(index: i, count: n)
    }
}

/// What happened to one job.
public enum BatchOutcome: Sendable {
    case rendered(RenderedEdition)
    /// The error that stopped the job, as a diagnostic.
    case failed(BatchJob, Finding)
}

/// Renders jobs on a fixed number of threads sharing one engine (fonts and shaped words loaded once);
/// a failing job is reported and does not stop the others.
public struct BatchRunner: Sendable {
    public let engine: Engine
    public var jobs: Int
    public var layout: String?
    /// Called inside the transaction that wrote an edition's files (the manifests' update).
    public var landed: (@Sendable (RenderedEdition) throws -> Void)?

    public init(engine: Engine, jobs: Int, layout: String? = nil, landed: (@Sendable (RenderedEdition) throws -> Void)? = nil) {
        self.engine = engine; self.jobs = max(1, jobs); self.layout = layout; self.landed = landed
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
    /// keep one worker busy while the others idle.
    public static func longestFirst(_ work: [BatchJob]) -> [Int] {
        let costs = work.map(\.cost)
        return work.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }

    /// One job, its failure caught as an outcome.
    private func render(_ job: BatchJob, output: String) -> BatchOutcome {
        do {
            let folder = output + "/" + job.report.id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return .rendered(try engine.render(report: job.report, edition: job.edition, layoutName: layout, output: folder, landed: landed))
        } catch {
            return .failed(job, Finding(error: error, edition: job.name))
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
