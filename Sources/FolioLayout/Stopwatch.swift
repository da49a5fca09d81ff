#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in seconds, for phase timings and benchmarks.
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Time spent per phase of the pipeline, in the order phases were first seen.
public struct PhaseTimes: Sendable {
    /// How to read the phases: paragraphs are set on several threads, so their stages are CPU time.
    public static let legend = "(itemize+shape, break, set lines: CPU time summed over the threads that set paragraphs; the rest: wall time)"

    public private(set) var names: [String] = []
    public private(set) var seconds: [String: Double] = [:]
    public init() {}

    /// Adds time to a phase.
    public mutating func add(_ name: String, _ s: Double) {
        if seconds[name] == nil { names.append(name) }
        seconds[name, default: 0] += s
    }

    /// Runs `body`, adding its duration to `name`.
    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = monotonicSeconds()
        defer { add(name, monotonicSeconds() - start) }
        return try body()
    }

    public mutating func merge(_ other: PhaseTimes) {
        for n in other.names { add(n, other.seconds[n] ?? 0) }
    }
}
