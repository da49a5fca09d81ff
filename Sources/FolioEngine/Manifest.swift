import Foundation

/// manifest.json: what a run wrote, for publishing the attachment package (the PDFs attached to an
/// announcement, with their thumbnails).
public struct Manifest {
    /// The report's id, for a single report; nil for a batch over several (each file then names its report).
    public var report: String?
    public var files: [RenderedEdition]
    /// Folder prefixes of file paths for a batch (`<report id>/`).
    public var prefixReports = false

    public init(report: String?, files: [RenderedEdition]) { self.report = report; self.files = files }

    /// The manifest's content as it is written.
    public struct Contents: Codable, Equatable, Sendable {
        public var report: String?
        public var folio: String
        public var files: [File]
    }

    /// One file of the package.
    public struct File: Codable, Equatable, Sendable {
        /// The report's id, in a batch's manifest only.
        public var report: String?
        public var edition: String
        public var language: String
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var pages: Int
        public var title: String
        public var layout: String
        /// Null when no thumbnail was made, so that every file has the same keys.
        public var thumbnail: String?
        public var folio: String

        enum CodingKeys: String, CodingKey {
            case report, edition, language, path, sha256, bytes, pages, title, layout, thumbnail, folio
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(report, forKey: .report)
            try c.encode(edition, forKey: .edition)
            try c.encode(language, forKey: .language)
            try c.encode(path, forKey: .path)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(pages, forKey: .pages)
            try c.encode(title, forKey: .title)
            try c.encode(layout, forKey: .layout)
            try c.encode(thumbnail, forKey: .thumbnail)
            try c.encode(folio, forKey: .folio)
        }
    }

    public var contents: Contents {
        Contents(report: report, folio: Folio.version, files: files.map { f in
            let prefix = prefixReports ? f.report + "/" : ""
            return File(report: report == nil ? f.report : nil, edition: f.edition, language: f.language, path: prefix + f.path,
                        sha256: f.sha256, bytes: f.bytes, pages: f.pages, title: f.title, layout: f.layout,
                        thumbnail: f.thumbnail.map { prefix + $0 }, folio: Folio.version)
        })
    }

    /// The JSON bytes: keys sorted and indented, so that equal runs give equal bytes and people can read them.
    public func json() throws -> [UInt8] {
        try JSONOutput.encode(contents, pretty: true)
    }

    /// Writes these files' entries into the manifest of `folder` at once (see `ManifestBook`: earlier entries stay
    /// while their files match them); returns whether the file changed.
    @discardableResult
    public func write(updating folder: String, file name: String = "manifest.json") throws -> Bool {
        let book = ManifestBook(folder: folder, name: name, report: report)
        return try AtomicFile.transaction {
            files.forEach(book.record)
            return try book.write()
        }
    }

    /// A manifest file's contents, or nil when it is missing or not a manifest.
    public static func read(_ path: String) -> Contents? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Contents.self, from: data)
    }

    /// The file name of shard `index` of `count`'s manifest.
    public static func shardFile(_ index: Int, of count: Int) -> String { "manifest-shard-\(index)-of-\(count).json" }
}

extension Manifest.File {
    /// What identifies an entry across runs: its report and edition.
    var key: String { (report ?? "") + "/" + edition }
}

/// `folio manifest merge`: the manifests of batch shards (`manifest-shard-I-of-N.json`) in one or more folders,
/// joined into one manifest whose paths are relative to the output folder.
public struct ManifestMerge {
    public init() {}

    /// A folder's shard manifests, sorted by name; its manifest.json when it has none.
    public static func manifests(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let shards = names.filter { $0.hasPrefix("manifest-shard-") && $0.hasSuffix(".json") }.sorted()
        if !shards.isEmpty { return shards.map { folder + "/" + $0 } }
        return names.contains("manifest.json") ? [folder + "/manifest.json"] : []
    }

    /// The joined contents. Entries whose files are gone are left out; one report's edition in two manifests
    /// is an error (two shards rendered it: the shard counts differ).
    public func merge(folders: [String], output: String) throws -> Manifest.Contents {
        var byKey: [String: (Manifest.File, String)] = [:]
        let base = URL(fileURLWithPath: output).standardizedFileURL.path
        for folder in folders {
            let files = Self.manifests(in: folder)
            if files.isEmpty {
                throw EngineError(call: "ManifestMerge.merge", reason: "\(folder) holds no manifest-shard-*.json or manifest.json")
            }
            let prefix = Self.relative(URL(fileURLWithPath: folder).standardizedFileURL.path, to: base)
            for path in files {
                guard let contents = Manifest.read(path) else {
                    throw EngineError(call: "ManifestMerge.merge", reason: "\(path) is not a Folio manifest")
                }
                for var file in contents.files where FileManager.default.fileExists(atPath: folder + "/" + file.path) {
                    file.report = file.report ?? contents.report
                    file.path = prefix + file.path
                    file.thumbnail = file.thumbnail.map { prefix + $0 }
                    if let (_, other) = byKey[file.key], other != path {
                        throw EngineError(call: "ManifestMerge.merge", reason: "\(file.key) is in both \(other) and \(path): were the shards run with the same count?")
                    }
                    byKey[file.key] = (file, path)
                }
            }
        }
        return Manifest.Contents(report: nil, folio: Folio.version, files: byKey.values.map(\.0).sorted { $0.key < $1.key })
    }

    /// `path` relative to `base`, ending in "/" (empty when they are the same folder).
    static func relative(_ path: String, to base: String) -> String {
        let p = path.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(p.count, b.count) && p[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: b.count - common) + p[common...].map(String.init)
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }
}
