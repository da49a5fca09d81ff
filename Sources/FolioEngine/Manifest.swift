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

    /// The JSON text, keys in a fixed order so that equal runs give equal bytes.
    public func json() -> String {
        var s = "{\n"
        if let report { s += "  \"report\": \(Self.quote(report)),\n" }
        s += "  \"folio\": \(Self.quote(Folio.version)),\n  \"files\": ["
        for (i, f) in files.enumerated() {
            let prefix = prefixReports ? f.report + "/" : ""
            s += i == 0 ? "\n" : ",\n"
            s += "    {"
            if report == nil { s += "\"report\": \(Self.quote(f.report)), " }
            s += "\"edition\": \(Self.quote(f.edition)), \"language\": \(Self.quote(f.language)), \"path\": \(Self.quote(prefix + f.path)), "
            s += "\"sha256\": \(Self.quote(f.sha256)), \"bytes\": \(f.bytes), \"pages\": \(f.pages), "
            s += "\"title\": \(Self.quote(f.title)), \"layout\": \(Self.quote(f.layout)), "
            s += "\"thumbnail\": \(f.thumbnail.map { Self.quote(prefix + $0) } ?? "null"), \"folio\": \(Self.quote(Folio.version))}"
        }
        s += files.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return s
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
