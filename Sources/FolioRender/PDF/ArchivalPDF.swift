import Foundation
internal import CQPDF

/// What PDF/A (ISO 19005-2 and -3) asks of the file beyond a tagged PDF: an sRGB output intent with the profile of a
/// Debian package (6.2.3), no page transparency groups (cairo gives every page one), the print flag on every
/// annotation (6.3.2), and, for PDF/A-3, the attached source files as associated files (/AF, /AFRelationship
/// /Source, the EmbeddedFiles name tree; 6.8). The XMP identification is `XMPMetadata`'s.
struct ArchivalPDF {
    let file: FinishedFile
    let options: PDFOptions
    /// The files' modification date, in PDF syntax.
    let date: String

    private var q: folio_qpdf_api { file.q }
    private var qpdf: qpdf_data { file.qpdf }

    /// Writes the profile, the attachments and the page and annotation changes; returns the catalog's new entries
    /// and the keys they replace.
    func write(catalog: qpdf_oh) throws -> (remove: [String], add: String) {
        let profile = file.take()
        try file.writer.addStream(profile, entries: "/N 3", data: try SRGBProfile.bytes.get())
        var add = "/OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
            + " /Info (sRGB IEC61966-2.1) /DestOutputProfile \(profile) 0 R >> ]"
        var remove = ["/OutputIntents"]
        for n in 0..<q.qpdf_get_num_pages(qpdf) {
            let page = q.qpdf_get_page_n(qpdf, Int(n))
            try file.edit(page, removing: ["/Group"], adding: "")
            for annotation in file.annotations(of: page) {
                try file.editText(annotation, removing: ["/F"], adding: "/F 4")
            }
        }
        if !options.attachments.isEmpty {
            let (names, removeNames) = try attach(catalog)
            add += " /AF [" + names.specs.map { " \($0) 0 R" }.joined() + " ]" + names.catalogEntry
            remove += ["/AF"] + removeNames
        }
        return (remove, add)
    }

    /// The attachments as associated files of the document, listed in the EmbeddedFiles name tree by name: their
    /// file specifications, and the catalog's new /Names entry when cairo's is not an object of its own.
    private func attach(_ catalog: qpdf_oh) throws -> ((specs: [Int], catalogEntry: String), [String]) {
        var specs: [Int] = [], named: [(name: [UInt8], spec: Int)] = []
        for file in options.attachments {
            let data = self.file.take(), spec = self.file.take()
            try self.file.writer.addStream(data, entries: "/Type /EmbeddedFile /Subtype \(Self.name(file.mimeType)) /Params << /Size \(file.bytes.count) /ModDate (\(date)) >>",
                                           data: file.bytes)
            let fileName = PDFSyntax.text(file.name)
            self.file.writer.add(spec, "<< /Type /Filespec /AFRelationship /Source /F \(fileName) /UF \(fileName) /Desc \(PDFSyntax.text(file.description))"
                                    + " /EF << /F \(data) 0 R /UF \(data) 0 R >> >>")
            specs.append(spec)
            named.append((Self.textString(file.name), spec))
        }
        // A name tree's keys are in byte order of their text strings (PDF 32000 §7.9.6).
        let tree = "/EmbeddedFiles << /Names [" + named.sorted { $0.name.lexicographicallyPrecedes($1.name) }
            .map { " \(PDFSyntax.hex($0.name)) \($0.spec) 0 R" }.joined() + " ] >>"
        // cairo's named destinations are already in the catalog's /Names.
        let names = q.qpdf_oh_get_key(qpdf, catalog, "/Names")
        if q.qpdf_oh_is_dictionary(qpdf, names) == 0 { return ((specs, " /Names << \(tree) >>"), ["/Names"]) }
        if file.number(of: names) != nil {
            try file.edit(names, removing: ["/EmbeddedFiles"], adding: tree)
            return ((specs, ""), [])
        }
        q.qpdf_oh_remove_key(qpdf, names, "/EmbeddedFiles")
        guard let text = q.qpdf_oh_unparse_resolved(qpdf, names) else { throw RenderError("qpdf cannot write the catalog's /Names") }
        var dictionary = String(cString: text)
        dictionary.removeLast(2)
        return ((specs, " /Names " + dictionary + " " + tree + " >>"), ["/Names"])
    }

    /// A MIME type as a PDF name (`text/markdown` → `/text#2Fmarkdown`).
    static func name(_ mimeType: String) -> String {
        "/" + mimeType.utf8.map { c -> String in
            let plain = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x2B
            return plain ? String(UnicodeScalar(c)) : "#" + String(c, radix: 16, uppercase: true)
        }.joined()
    }

    /// A text string's bytes as a reader compares them: ASCII as it is, anything else as UTF-16BE with a byte order
    /// mark.
    static func textString(_ s: String) -> [UInt8] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return Array(s.utf8) }
        return [0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
