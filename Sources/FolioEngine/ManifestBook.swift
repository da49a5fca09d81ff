import Foundation
import FolioChecksum
import Synchronization

/// A manifest kept true while a run writes: each edition's entry is written in the same transaction as its files
/// (`AtomicFile.transaction`), so an interrupted run leaves a manifest that matches the files beside it. Entries of
/// an earlier run stay while their PDF is still there with the bytes they name; an edition that fails keeps its
/// earlier entry and file.
public final class ManifestBook: Sendable {
    /// The folder the manifest describes, and the manifest's file name in it.
    public let folder: String
    public let name: String
    private let report: String?
    private let prefixReports: Bool
    private let entries: Mutex<[String: Manifest.File]>

    /// The book of `folder/name`: a report's (`report` set) or a batch's (`report` nil, paths prefixed by the
    /// report's folder). `fresh` starts empty instead of from the manifest there (a shard's own manifest).
    public init(folder: String, name: String = "manifest.json", report: String?, fresh: Bool = false) {
        self.folder = folder; self.name = name; self.report = report; prefixReports = report == nil
        var kept: [String: Manifest.File] = [:]
        if !fresh, let old = Manifest.read(folder + "/" + name), old.report == report {
            for file in old.files where Self.matches(file, in: folder) { kept[file.key] = file }
        }
        entries = Mutex(kept)
    }

    /// Whether an entry still describes its file: present, of its size and checksum.
    static func matches(_ file: Manifest.File, in folder: String) -> Bool {
        let path = folder + "/" + file.path
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: path), data.count == file.bytes else { return false }
        return sha256Hex([UInt8](data)) == file.sha256
    }

    /// The manifest's contents now.
    public var contents: Manifest.Contents {
        let files = entries.withLock { $0.values.sorted { $0.key < $1.key } }
        return Manifest.Contents(report: report, folio: Folio.version, files: files)
    }

    /// Records an edition whose files have just landed and rewrites the manifest; call it inside the transaction
    /// that wrote them. A manifest that cannot be written is removed (a missing manifest does not mislead).
    public func landed(_ edition: RenderedEdition) throws {
        try AtomicFile.transaction {
            record(edition)
            try write()
        }
    }

    /// Records an edition's entry without writing the manifest.
    public func record(_ edition: RenderedEdition) {
        var manifest = Manifest(report: report, files: [edition])
        manifest.prefixReports = prefixReports
        guard let file = manifest.contents.files.first else { return }
        entries.withLock { $0[file.key] = file }
    }

    /// Writes the manifest as it stands (when its bytes differ from the file's); returns whether it wrote.
    @discardableResult
    public func write() throws -> Bool {
        let path = folder + "/" + name
        do { return try AtomicFile.writeIfChanged(try JSONOutput.encode(contents, pretty: true), to: path) } catch {
            unlink(path)
            throw error
        }
    }
}
