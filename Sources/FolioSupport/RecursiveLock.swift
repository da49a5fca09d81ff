import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock that the thread holding it may take again: a library called under it may call back into code that
/// takes it (cairo frees a font face, whose owner closes its FreeType face under the same lock).
public final class RecursiveLock: Sendable {
    private let mutex = Mutex(())
    /// The thread that holds the lock (0 when none); only that thread ever finds its own identity here.
    private let owner = Atomic<UInt>(0)

    public init() {}

    /// Whether the calling thread holds the lock.
    public var isHeldByCurrentThread: Bool { owner.load(ordering: .relaxed) == UInt(pthread_self()) }

    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        let me = UInt(pthread_self())
        if owner.load(ordering: .relaxed) == me { return try body() }
        return try mutex.withLock { _ in
            owner.store(me, ordering: .relaxed)
            defer { owner.store(0, ordering: .relaxed) }
            return try body()
        }
    }
}
