import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FolioSupport
import Synchronization

/// Output files that appear whole or not at all, one writing process per output folder, and nothing half-written
/// left by an interrupt. Every write goes to a temporary file Folio names itself (`.<name>.folio-<pid>-<n>.tmp`,
/// beside the target, so rename(2) is atomic) inside a transaction; an interrupt (`interrupt()`) waits for the
/// transaction in progress, removes any temporary still listed and never lets another start, so a file and the
/// manifest line that describes it land together or not at all.
public enum AtomicFile {
    /// Temporaries being written now, removed by `interrupt()`.
    private static let pending = Mutex(Set<String>())
    /// Taken by every transaction, and by `interrupt()` for good.
    private static let commits = RecursiveLock()
    private static let serial = Atomic<Int>(0)
    /// Output folders this process holds the lock of, with the lock file's descriptor.
    private static let locks = Mutex([String: Int32]())

    /// The name of a folder's lock file.
    public static let lockName = ".folio.lock"

    /// A fresh temporary path in the target's folder.
    public static func temporaryPath(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        let n = serial.add(1, ordering: .relaxed).newValue
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).folio-\(getpid())-\(n).tmp").path
    }

    /// Whether a file name is one of Folio's temporaries (from this or another process).
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".folio-")
    }

    /// Runs `body` so that an interrupt comes before or after it, never inside: the files it writes and renames
    /// (a PDF, its thumbnail, the manifest that lists them) land together. Transactions may nest.
    public static func transaction<T>(_ body: () throws -> T) rethrows -> T {
        let nested = commits.isHeldByCurrentThread
        return try commits.withLock {
            while !nested && stopped.load(ordering: .sequentiallyConsistent) { sleep(60) }
            return try body()
        }
    }

    /// Writes bytes atomically.
    public static func write(_ bytes: [UInt8], to target: String) throws {
        try transaction {
            let tmp = temporaryPath(for: target)
            pending.withLock { _ = $0.insert(tmp) }
            defer { pending.withLock { _ = $0.remove(tmp) } }
            do { try writeNew(bytes, to: tmp, for: target) } catch { unlink(tmp); throw error }
            if rename(tmp, target) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(tmp)
                throw EngineError(call: "rename", reason: "cannot move \(tmp) to \(target): \(reason)")
            }
        }
    }

    /// Writes bytes atomically unless the file already holds exactly them; returns whether it wrote.
    public static func writeIfChanged(_ bytes: [UInt8], to target: String) throws -> Bool {
        // memcmp, not elementsEqual: Data's iterator compares a byte at a time.
        if let existing = FileManager.default.contents(atPath: target), existing.count == bytes.count,
           existing.withUnsafeBytes({ old in bytes.withUnsafeBytes { new in
               old.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, old.count) == 0 } }) {
            return false
        }
        try write(bytes, to: target)
        return true
    }

    /// Creates `path` (it must not exist) holding `bytes`.
    private static func writeNew(_ bytes: [UInt8], to path: String, for target: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("open", target) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure("write", target) }
                done += n
            }
        }
    }

    private static func failure(_ call: String, _ path: String) -> EngineError {
        EngineError(call: call, reason: "cannot write \(path): \(String(cString: strerror(errno)))")
    }

    /// On SIGINT or SIGTERM: waits for the transaction in progress, removes the temporaries still listed, and
    /// keeps every later transaction from starting (the caller exits). Returns how many temporaries it removed.
    @discardableResult
    public static func interrupt() -> Int {
        stopped.store(true, ordering: .sequentiallyConsistent)
        return commits.withLock {
            pending.withLock { paths in
                defer { paths.removeAll() }
                return paths.filter { unlink($0) == 0 }.count
            }
        }
    }

    /// The same as `interrupt()` (its earlier name).
    public static func removePending() { interrupt() }

    /// Set by `interrupt()`: a transaction that starts after it waits for the process to exit.
    private static let stopped = Atomic<Bool>(false)

    /// Makes this process the only Folio writing into `folder` (an advisory flock on `<folder>/.folio.lock`, which
    /// the system releases when the process ends, however it ends). When another process holds it, `waiting` is
    /// told once and the call waits for it. Locking a folder already held is a no-op.
    public static func lockFolder(_ folder: String, waiting: (String) -> Void) throws {
        let key = URL(fileURLWithPath: folder).standardizedFileURL.path
        try locks.withLock { held in
            if held[key] != nil { return }
            let path = key + "/" + lockName
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw EngineError(call: "open", reason: "cannot make the lock file \(path): \(String(cString: strerror(errno)))") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    close(fd)
                    throw EngineError(call: "flock", reason: "cannot lock \(path): \(String(cString: strerror(errno)))")
                }
                waiting("waiting for another folio that is writing into \(folder) (it holds \(path))")
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        close(fd)
                        throw EngineError(call: "flock", reason: "cannot lock \(path): \(String(cString: strerror(errno)))")
                    }
                }
            }
            held[key] = fd
        }
    }

    /// Releases a folder locked by `lockFolder` (a long-running command between its runs).
    public static func unlockFolder(_ folder: String) {
        let key = URL(fileURLWithPath: folder).standardizedFileURL.path
        locks.withLock { held in
            if let fd = held.removeValue(forKey: key) { close(fd) }
        }
    }
}

/// A failure of the engine outside the input's content (file system, its own resources): the call that failed,
/// and why.
public struct EngineError: Error, CustomStringConvertible {
    /// The function or system call that failed.
    public var call: String
    /// What could not be done and why, for the user.
    public var reason: String
    public init(call: String, reason: String) { self.call = call; self.reason = reason }
    public var description: String { "error: \(reason) (\(call) failed)" }
}
