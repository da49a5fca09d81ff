import Foundation

/// What the finished file claims and carries besides its pages.
public struct PDFOptions: Sendable {
    /// PDF/A as well as PDF/UA-1: PDF/A-2a, or PDF/A-3a when files are attached.
    public var archival: Bool
    /// Files attached as the document's source (PDF/A-3 associated files).
    public var attachments: [PDFAttachment]
    public init(archival: Bool = false, attachments: [PDFAttachment] = []) {
        self.archival = archival; self.attachments = attachments
    }

    /// The PDF/A part the file conforms to, or nil when it is not PDF/A.
    var archivalPart: Int? { archival ? (attachments.isEmpty ? 2 : 3) : nil }
}

/// A file attached to the PDF (an embedded file with /AFRelationship /Source).
public struct PDFAttachment: Sendable, Equatable {
    /// The name readers show and `pdfdetach` saves it under.
    public var name: String
    public var bytes: [UInt8]
    /// Its MIME type, e.g. text/markdown.
    public var mimeType: String
    public var description: String
    public init(name: String, bytes: [UInt8], mimeType: String, description: String) {
        self.name = name; self.bytes = bytes; self.mimeType = mimeType; self.description = description
    }
}

/// The sRGB ICC profile of a Debian package, found where the package installs it.
enum SRGBProfile {
    /// icc-profiles-free's, then colord-data's.
    static let candidates = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"]

    static let bytes: Result<[UInt8], RenderError> = {
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path), data.count > 128 { return .success([UInt8](data)) }
        }
        return .failure(RenderError("no sRGB ICC profile for the PDF/A output intent (looked in \(candidates.joined(separator: ", ")));"
                                    + " install it: apt-get install icc-profiles-free, or choose `pdf: { standard: ua-1 }` in the layout"))
    }()
}
