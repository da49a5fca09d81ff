import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Folders watched through Linux's inotify. Folders, not files: editors save by writing a new file and renaming it
/// over the old one, which replaces the file a watch would be on. Not recursive: each folder is added.
public final class FileWatcher {
    private let fd: Int32
    /// Watch descriptor → folder.
    private var folders: [Int32: String] = [:]
    private static let events = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE) | UInt32(IN_CREATE)

    public init() throws {
        fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    /// Watches a folder (again: no effect).
    public func watch(folder: String) throws {
        let wd = inotify_add_watch(fd, folder, Self.events)
        guard wd >= 0 else {
            throw WatchError("cannot watch \(folder): \(String(cString: strerror(errno)))",
                             hint: errno == ENOSPC ? "raise fs.inotify.max_user_watches (sysctl)" : nil)
        }
        folders[wd] = folder
    }

    /// Watches a folder and the folders under it (hidden ones and `skipping` aside).
    public func watchTree(_ root: String, skipping: Set<String> = []) throws {
        try watch(folder: root)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        for case let relative as String in walker {
            let path = root + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || skipping.contains(Self.canonical(path)) {
                walker.skipDescendants()
                continue
            }
            try watch(folder: path)
        }
    }

    /// The paths changed since the last call, waiting up to `timeout` seconds for the first.
    public func changes(timeout: Double) -> [String] {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var out: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            out += parse(buffer[0..<n])
        }
        return out
    }

    /// The `inotify_event` records of one read: wd, mask, cookie, name length, then the NUL-padded name.
    private func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var out: [String] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= raw.count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)].prefix { $0 != 0 }
                if let folder = folders[wd] {
                    out.append(nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self))
                }
                offset += header + length
            }
        }
        return out
    }

    /// A path with symbolic links and `..` resolved, to compare folders.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}

/// Why watching cannot go on (the folder cannot be watched at all).
public struct WatchError: Error, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) { self.message = message; self.hint = hint }
    public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
}
