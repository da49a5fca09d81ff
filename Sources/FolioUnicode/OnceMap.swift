#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values made once per key on first request, for caches shared by threads: a thread asking for a key that is
/// being made waits for it, while other keys are made at the same time (one lock for the whole cache made the
/// Korean edition wait 10–15 ms for the English hyphenation patterns). It lives in the lowest module so that
/// hyphenation and fonts can both use it.
public final class OnceMap<Key: Hashable, Value>: @unchecked Sendable {
    private final class Slot {
        var mutex = pthread_mutex_t()
        var value: Result<Value, Error>?
        init() { pthread_mutex_init(&mutex, nil) }
        deinit { pthread_mutex_destroy(&mutex) }
    }
    private var mutex = pthread_mutex_t()
    private var slots: [Key: Slot] = [:]

    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// The value for `key`, made by `make` if no thread has made it yet (an error is kept and thrown again).
    public func value(for key: Key, _ make: () throws -> Value) throws -> Value {
        pthread_mutex_lock(&mutex)
        let slot: Slot
        if let known = slots[key] { slot = known } else { slot = Slot(); slots[key] = slot }
        pthread_mutex_unlock(&mutex)
        pthread_mutex_lock(&slot.mutex)
        defer { pthread_mutex_unlock(&slot.mutex) }
        if let made = slot.value { return try made.get() }
        let made = Result { try make() }
        slot.value = made
        return try made.get()
    }
}
