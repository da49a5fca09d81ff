import Synchronization

/// A small mutex for caches shared between editions rendered in parallel, for state that is not kept inside
/// the lock itself (a `Mutex` holds its state; this guards state that lives elsewhere).
public final class Lock: Sendable {
    private let mutex = Mutex(())

    public init() {}

    @inline(__always)
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try mutex.withLock { _ in try body() }
    }
}
