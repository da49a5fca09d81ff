import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value computed on a thread of its own from the moment it is created, so that slow start-up work (reading
/// fontconfig's configuration and caches) overlaps with the caller's; `value` waits for it.
public final class Background<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, Error>?>(nil)
    /// Entered until the work is done: every thread that asks waits on it.
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () throws -> T) {
        done.enter()
        detachThread { [self] in
            let r = Result { try work() }
            result.withLock { $0 = r }
            done.leave()
        }
    }

    /// The value, once computed (rethrowing the work's error).
    public func value() throws -> T {
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

/// The work of a detached thread.
private final class Box: Sendable {
    let work: @Sendable () -> Void
    init(_ work: @escaping @Sendable () -> Void) { self.work = work }
}

/// Runs `work` on a new detached thread (start-up work that nobody waits for). A thread of its own, not a
/// dispatch queue: work that other threads wait for must not queue behind theirs.
public func detachThread(_ work: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Box(work)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.work()
        return nil
    }, box)
    if started == 0 {
        pthread_detach(thread)
    } else {
        // No thread to be had: do the work here rather than not at all.
        Unmanaged<Box>.fromOpaque(box).takeRetainedValue().work()
    }
}
