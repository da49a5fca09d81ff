import Foundation
import Synchronization

/// Writes that either appear whole or not at all: a temporary file beside the target, then rename(2).
public enum AtomicFile {
    /// A temporary path in the target's folder (same file system, so the rename is atomic).
    static func temporaryPath(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    }

    /// Moves a finished temporary file onto its target.
    static func commit(_ temporary: String, to target: String) throws {
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw EngineError(call: "rename", reason: "cannot move \(temporary) to \(target): \(reason)")
        }
    }

    /// Writes bytes atomically.
    public static func write(_ bytes: [UInt8], to target: String) throws {
        let tmp = temporaryPath(for: target)
        pending.insert(tmp)
        defer { pending.remove(tmp) }
        guard FileManager.default.createFile(atPath: tmp, contents: Data(bytes)) else {
            throw EngineError(call: "FileManager.createFile", reason: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        try commit(tmp, to: target)
    }

    /// Temporary files being written now, removed if the process is interrupted.
    static let pending = PendingFiles()

    /// Removes every temporary file still being written (on SIGINT or SIGTERM), leaving earlier outputs intact.
    public static func removePending() { pending.removeAll() }

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

/// The set of temporary files in flight, shared by worker threads and the signal handler.
final class PendingFiles: Sendable {
    private let paths = Mutex(Set<String>())
    func insert(_ p: String) { paths.withLock { _ = $0.insert(p) } }
    func remove(_ p: String) { paths.withLock { _ = $0.remove(p) } }
    func removeAll() {
        paths.withLock { paths in
            for p in paths { unlink(p) }
            paths.removeAll()
        }
    }
}
