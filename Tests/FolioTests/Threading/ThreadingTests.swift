import Testing
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import FolioSupport

@Suite("threads, locks and once-made values (FolioSupport)")
struct ThreadingTests {
    /// A counter that threads increment without a lock of its own, so that only the lock under test keeps it whole.
    final class Counter: @unchecked Sendable {   // unchecked: the tests guard it with the lock under test
        var value = 0
        /// Reads, lets the other threads run a little, then writes: without the lock, increments get lost.
        func increment() { let v = value; for _ in 0..<20 { spin &+= 1 }; value = v + 1 }
        private var spin = 0
    }

    @Test func backgroundWorkGivesItsValueOrItsError() throws {
        struct Failure: Error {}
        let value = Background { () -> Int in usleep(20_000); return 42 }
        #expect(try value.value() == 42)
        #expect(try value.value() == 42)
        let failing = Background { () -> Int in throw Failure() }
        #expect(throws: Failure.self) { try failing.value() }
    }

    @Test func recursiveLockIsTakenAgainByItsHolderAndExcludesOthers() {
        let lock = RecursiveLock(), counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10_000 {
                lock.withLock { lock.withLock { counter.increment() }; counter.increment() }
            }
        }
        #expect(counter.value == 80_000)
    }

    @Test func onceMapMakesEachValueOnceAndKeepsErrors() {
        struct Failure: Error {}
        let map = OnceMap<Int, Int>()
        let made = Atomic<Int>(0)
        let results = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let v = try? map.value(for: i % 2) {
                made.add(1, ordering: .relaxed)
                usleep(5_000)
                return (i % 2) * 10
            }
            results.withLock { $0.append(v ?? -1) }
        }
        #expect(made.load(ordering: .relaxed) == 2)
        #expect(results.withLock { $0.sorted() } == [0, 0, 0, 0, 10, 10, 10, 10])
        var calls = 0
        for _ in 0..<2 {
            #expect(throws: Failure.self) { try map.value(for: 5) { calls += 1; throw Failure() } }
        }
        #expect(calls == 1)
    }

    /// Threads whose `ThreadSlot` pointer was closed (a C callback cannot capture a test's own counter).
    static let closed = Atomic<Int>(0)

    @Test func threadSlotIsPerThreadAndClosedWhenItsThreadEnds() throws {
        let slot = ThreadSlot { pointer in
            if pointer == UnsafeMutableRawPointer(bitPattern: 7) { ThreadingTests.closed.add(1, ordering: .relaxed) }
        }
        let seenElsewhere = Mutex<UnsafeMutableRawPointer?>(nil)
        let finished = DispatchSemaphore(value: 0)
        detachThread {
            slot.value = UnsafeMutableRawPointer(bitPattern: 7)
            finished.signal()
        }
        finished.wait()
        detachThread {
            seenElsewhere.withLock { $0 = slot.value }
            finished.signal()
        }
        finished.wait()
        #expect(seenElsewhere.withLock { $0 } == nil)
        #expect(slot.value == nil)
        // The destructor runs as the thread ends, just after its work returns.
        for _ in 0..<200 where ThreadingTests.closed.load(ordering: .relaxed) == 0 { usleep(5_000) }
        #expect(ThreadingTests.closed.load(ordering: .relaxed) == 1)
    }

    @Test func concurrentMapKeepsOrderAndHonoursWidthOne() {
        let input = Array(0..<100)
        #expect(input.concurrentMap { $0 * 2 } == input.map { $0 * 2 })
        let onOneThread = Parallelism.withWidth(1) { Parallelism.width }
        #expect(onOneThread == 1)
    }
}
