import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value computed on a thread of its own from the moment it is created, so that slow start-up work (reading
/// fontconfig's configuration and caches) overlaps with the caller's; `value` waits for it.
public final class Background<T>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    public init(_ work: @escaping () throws -> T) {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        detachThread { [self] in
            let r = Result { try work() }
            pthread_mutex_lock(&mutex)
            result = r
            pthread_cond_broadcast(&condition)
            pthread_mutex_unlock(&mutex)
        }
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// The value, once computed (rethrowing the work's error).
    public func value() throws -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while result == nil { pthread_cond_wait(&condition, &mutex) }
        return try result!.get()
    }
}

/// The work of a detached thread.
private final class Box { let work: () -> Void; init(_ w: @escaping () -> Void) { work = w } }

/// Runs `work` on a new detached thread (start-up work that nobody waits for).
public func detachThread(_ work: @escaping () -> Void) {
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

/// How many threads the work inside one document (its paragraphs, its font subsets) may spread over: every
/// core, unless the thread that starts it says otherwise. `folio batch` gives each job's thread 1, so that its
/// jobs, not the work inside them, take the cores and `--jobs N` means N threads at work.
public enum Parallelism {
    /// The machine's cores.
    public static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The threads that work started on this thread may use.
    public static var width: Int {
        if let set = pthread_getspecific(key) { return Int(bitPattern: set) }
        return cores
    }

    /// Runs `body` with `width` threads (at least 1) for the work it starts on this thread.
    public static func withWidth<T>(_ width: Int, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: max(1, width)))
        defer { pthread_setspecific(key, previous) }
        return try body()
    }
}

extension Array {
    /// `transform` of every element, computed on every core at once (one after another when `Parallelism.width`
    /// is 1), in the array's order.
    public func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        guard !isEmpty else { return [] }
        if count == 1 || Parallelism.width == 1 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).initialize(to: transform(self[i])) }
            initialized = count
        }
    }
}
