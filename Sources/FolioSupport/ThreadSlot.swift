#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pointer per thread, closed by `destroy` when its thread ends: for a C object that a thread reuses but
/// must not share (a HarfBuzz buffer), and for settings of the work a thread starts (`Parallelism.width`).
public struct ThreadSlot: Sendable {
    private let key: pthread_key_t

    /// A new slot; `destroy` (nil: nothing to close) receives each thread's pointer when that thread ends.
    public init(destroy: (@convention(c) (UnsafeMutableRawPointer?) -> Void)? = nil) {
        var key = pthread_key_t()
        pthread_key_create(&key, destroy)
        self.key = key
    }

    /// This thread's pointer (nil until it sets one).
    public var value: UnsafeMutableRawPointer? {
        get { pthread_getspecific(key) }
        nonmutating set { pthread_setspecific(key, newValue) }
    }
}
