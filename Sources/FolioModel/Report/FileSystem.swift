import Foundation

/// The model's window on files: reads stay inside the report folder, never the network.
public struct FileSystem: Sendable {
    public static let local = FileSystem()

    public func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// A file's size in bytes (0 when it cannot be read).
    public func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The bytes of a file, or an error naming it. A folder, pipe, socket or device is refused before it is opened
    /// (reading a pipe would wait for a writer).
    public func readBytes(_ path: String, what: String) throws -> [UInt8] {
        if let kind = Self.kind(ofNonFile: path) {
            throw FolioError("\(what) '\(path)' is \(kind), not a file", at: SourceLocation(file: path, line: 0, column: 0),
                             hint: "give the path of a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw FolioError(exists ? "cannot read \(what) '\(path)'" : "\(what) '\(path)' does not exist",
                             at: SourceLocation(file: path, line: 0, column: 0),
                             hint: exists ? "check its permissions" : "check the path")
        }
        return [UInt8](data)
    }

    /// The largest report.yaml or layout file: they hold settings, not text (the sample's are a few kilobytes), and
    /// are read before any layout's limits are known.
    public static let maxSettingsBytes = 1_000_000

    /// A UTF-8 text file, refused when it is not UTF-8 or (with `maxBytes`) larger than that, before it is read.
    public func readText(_ path: String, what: String, maxBytes: Int? = nil) throws -> String {
        if let maxBytes, size(path) > maxBytes {
            throw FolioError("\(what) '\(path)' is \(size(path)) bytes, over the limit of \(maxBytes)",
                             at: SourceLocation(file: path, line: 0, column: 0), hint: "it holds settings only: keep the text in the content files")
        }
        let bytes = try readBytes(path, what: what)
        if let bad = MarkdownReader.firstInvalidUTF8(bytes) {
            throw FolioError("\(what) is not valid UTF-8", at: SourceLocation(file: path, line: bad.line, column: bad.column),
                             hint: "save it as UTF-8")
        }
        return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    }

    /// Resolves `relative` inside `folder`, refusing paths (symlinks included) that lead outside it or to the network.
    public func resolveInside(_ folder: String, _ relative: String, field: String, at: SourceLocation?) throws -> String {
        if relative.contains("://") {
            throw FolioError("\(field) '\(relative)' is a URL: Folio reads only files inside the report folder", at: at,
                             hint: "download the file into the report folder and give its relative path")
        }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let full = URL(fileURLWithPath: join(folder, relative)).standardizedFileURL.resolvingSymlinksInPath().path
        guard full == base || full.hasPrefix(base + "/") else {
            throw FolioError("\(field) '\(relative)' leads outside the report folder", at: at,
                             hint: "keep content and images inside the report folder")
        }
        return full
    }
}

extension FileSystem {
    /// What is at `path` when it exists and is not a regular file ("a folder", "a named pipe"), after symbolic links.
    public static func kind(ofNonFile path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): return nil
        case mode_t(S_IFDIR): return "a folder"
        case mode_t(S_IFIFO): return "a named pipe"
        case mode_t(S_IFSOCK): return "a socket"
        case mode_t(S_IFCHR), mode_t(S_IFBLK): return "a device"
        default: return "not a regular file"
        }
    }

    /// The names in a folder (empty when it does not exist).
    public func list(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}
