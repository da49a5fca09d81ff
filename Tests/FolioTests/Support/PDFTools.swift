import Foundation

/// The command-line tools the tests read PDFs with, and the Debian package that installs each.
enum PDFTool: String {
    case pdftotext, pdffonts, pdfinfo, pdftohtml, qpdf

    var package: String { self == .qpdf ? "qpdf" : "poppler-utils" }

    /// Thrown when the tool is not installed: a check that cannot run fails, it never passes unchecked.
    struct Missing: Error, CustomStringConvertible {
        let tool: PDFTool
        var description: String { "\(tool.rawValue) is not installed: install \(tool.package) (apt-get install \(tool.package))" }
    }

    /// Runs the tool through env, whose status 127 means it was not found.
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = Fixtures.run(rawValue, arguments)
        if r.status == 127 { throw Missing(tool: self) }
        return r
    }
}

/// What qpdf and pdffonts report about a PDF's objects: its fonts, its soundness, its catalog and outline.
enum PDFStructure {
    struct Font {
        let row: String
        let embedded, subset, toUnicode: Bool
    }

    /// One entry per font pdffonts lists. Its columns are read from the right (emb sub uni object-id generation),
    /// since a font's name and type may hold spaces.
    static func fonts(_ pdf: String) throws -> [Font] {
        try PDFTool.pdffonts.run([pdf]).out.split(separator: "\n").dropFirst(2).map { row in
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            guard cols.count >= 5 else { return Font(row: String(row), embedded: false, subset: false, toUnicode: false) }
            let n = cols.count
            return Font(row: String(row), embedded: cols[n - 5] == "yes", subset: cols[n - 4] == "yes", toUnicode: cols[n - 3] == "yes")
        }
    }

    /// qpdf --check: nil when the file is sound, otherwise what qpdf said.
    static func damage(_ pdf: String) throws -> String? {
        let r = try PDFTool.qpdf.run(["--check", pdf])
        return r.status == 0 ? nil : r.out + r.err
    }

    /// The catalog's /Lang, read through qpdf's JSON (the trailer names the catalog).
    static func language(_ pdf: String) throws -> String? {
        let trailer = try object("trailer", in: pdf)
        guard let root = trailer["/Root"] as? String, let number = root.split(separator: " ").first else { return nil }
        let catalog = try object(String(number), in: pdf)
        // qpdf's JSON marks a text string "u:"
        return (catalog["/Lang"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 }
    }

    /// Entries in the document outline (bookmarks), at every level.
    static func outlineEntries(_ pdf: String) throws -> Int {
        let json = try qpdfJSON(["--json-key=outlines", pdf])
        func count(_ items: [[String: Any]]) -> Int {
            items.reduce(0) { $0 + 1 + count($1["kids"] as? [[String: Any]] ?? []) }
        }
        return count(json["outlines"] as? [[String: Any]] ?? [])
    }

    /// One object's dictionary: "trailer" or an object number.
    private static func object(_ id: String, in pdf: String) throws -> [String: Any] {
        let json = try qpdfJSON(["--json-key=qpdf", "--json-object=\(id)", pdf])
        let objects = (json["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        let entry = objects[id == "trailer" ? id : "obj:\(id) 0 R"] as? [String: Any]
        return entry?["value"] as? [String: Any] ?? [:]
    }

    private static func qpdfJSON(_ arguments: [String]) throws -> [String: Any] {
        let r = try PDFTool.qpdf.run(["--json"] + arguments)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        return json ?? [:]
    }
}
