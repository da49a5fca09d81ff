import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many threads the work inside one document (its paragraphs, its font subsets) may spread over: every
/// core, unless the thread that starts it says otherwise. `folio batch` gives each job's thread 1, so that its
/// jobs, not the work inside them, take the cores and `--jobs N` means N threads at work.
public enum Parallelism {
    /// The machine's cores.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    private static let slot = ThreadSlot()

    /// The threads that work started on this thread may use.
    public static var width: Int {
        if let set = slot.value { return Int(bitPattern: set) }
        return cores
    }

    /// Runs `body` with `width` threads (at least 1) for the work it starts on this thread.
    public static func withWidth<T>(_ width: Int, _ body: () throws -> T) rethrows -> T {
        let previous = slot.value
        slot.value = UnsafeMutableRawPointer(bitPattern: max(1, width))
        defer { slot.value = previous }
        return try body()
    }
}

extension Array where Element: Sendable {
    /// `transform` of every element, computed on every core at once (one after another when `Parallelism.width`
    /// is 1), in the array's order.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard !isEmpty else { return [] }
        if count == 1 || Parallelism.width == 1 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration initializes its own element and no other: the threads never touch the same memory.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).initialize(to: transform(self[i])) }
            initialized = count
        }
    }
}
