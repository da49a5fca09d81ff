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
}
