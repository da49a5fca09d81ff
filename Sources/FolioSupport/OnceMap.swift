import Synchronization

/// Values made once per key on first request, for caches shared by threads: a thread asking for a key that is
/// being made waits for it, while other keys are made at the same time (with one lock for the whole cache, the
/// Korean edition would wait for the English hyphenation patterns).
public final class OnceMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// One key's value, locked while it is being made.
    private final class Slot: Sendable {
        let value = Mutex<Result<Value, Error>?>(nil)
    }
    private let slots = Mutex<[Key: Slot]>([:])

    public init() {}

    /// The value for `key`, made by `make` if no thread has made it yet (an error is kept and thrown again).
    public func value(for key: Key, _ make: () throws -> Value) throws -> Value {
        let slot = slots.withLock { slots in
            if let known = slots[key] { return known }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        let made = slot.value.withLock { value in
            if let made = value { return made }
            let made = Result { try make() }
            value = made
            return made
        }
        return try made.get()
    }
}
