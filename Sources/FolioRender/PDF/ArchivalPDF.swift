import Foundation
internal import CQPDF

/// What PDF/A (ISO 19005-2 and -3) asks of the file beyond a tagged PDF, written into the file qpdf read from cairo:
/// an sRGB output intent with the profile of a Debian package (6.2.3), no page transparency groups (cairo gives
/// every page one), the print flag on every annotation (6.3.2), and, for PDF/A-3, the attached source files as
/// associated files (/AF, /AFRelationship /Source, the EmbeddedFiles name tree; 6.8). The XMP identification
/// is `XMPMetadata`'s; the profile's and the files' streams are `PDFFinisher.streams`'.
struct ArchivalPDF {
    let q: folio_qpdf_api
    let qpdf: qpdf_data
    let options: PDFOptions
    /// The ICC profile's stream.
    let profile: qpdf_oh
    /// The attachments' embedded file streams, in the order of `options.attachments`.
    let files: [qpdf_oh]
    let numbers: ObjectNumbers

    func write() throws {
        let root = q.qpdf_get_root(qpdf)
        let intent = parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) >>")
        q.qpdf_oh_replace_key(qpdf, intent, "/DestOutputProfile", profile)
        let intents = q.qpdf_oh_new_array(qpdf)
        q.qpdf_oh_append_item(qpdf, intents, intent)
        q.qpdf_oh_replace_key(qpdf, root, "/OutputIntents", intents)
        for n in 0..<q.qpdf_get_num_pages(qpdf) {
            let page = q.qpdf_get_page_n(qpdf, Int(n))
            q.qpdf_oh_remove_key(qpdf, page, "/Group")
            let annots = q.qpdf_oh_get_key(qpdf, page, "/Annots")
            guard q.qpdf_oh_is_array(qpdf, annots) != 0 else { continue }
            for i in 0..<q.qpdf_oh_get_array_n_items(qpdf, annots) {
                q.qpdf_oh_replace_key(qpdf, q.qpdf_oh_get_array_item(qpdf, annots, i), "/F", q.qpdf_oh_new_integer(qpdf, 4))
            }
        }
        if !files.isEmpty { attach(root) }
        if q.qpdf_has_error(qpdf) != 0 { throw RenderError("qpdf cannot write the PDF/A entries", call: "qpdf_oh_replace_key", status: nil) }
    }

    /// The attachments as associated files of the document, listed in the EmbeddedFiles name tree by name.
    private func attach(_ root: qpdf_oh) {
        let associated = q.qpdf_oh_new_array(qpdf)
        var named: [(name: [UInt8], spec: qpdf_oh)] = []
        for (file, data) in zip(options.attachments, files) {
            let spec = parse("<< /Type /Filespec /AFRelationship /Source >>")
            q.qpdf_oh_replace_key(qpdf, spec, "/F", q.qpdf_oh_new_unicode_string(qpdf, file.name))
            q.qpdf_oh_replace_key(qpdf, spec, "/UF", q.qpdf_oh_new_unicode_string(qpdf, file.name))
            q.qpdf_oh_replace_key(qpdf, spec, "/Desc", q.qpdf_oh_new_unicode_string(qpdf, file.description))
            let ef = q.qpdf_oh_new_dictionary(qpdf)
            q.qpdf_oh_replace_key(qpdf, ef, "/F", data)
            q.qpdf_oh_replace_key(qpdf, ef, "/UF", data)
            q.qpdf_oh_replace_key(qpdf, spec, "/EF", ef)
            let number = numbers.take()
            q.qpdf_replace_object(qpdf, number, 0, spec)
            let indirect = q.qpdf_get_object_by_id(qpdf, number, 0)
            q.qpdf_oh_append_item(qpdf, associated, indirect)
            named.append((Self.textString(file.name), indirect))
        }
        q.qpdf_oh_replace_key(qpdf, root, "/AF", associated)
        // A name tree's keys are in byte order of their text strings (PDF 32000 §7.9.6).
        let entries = q.qpdf_oh_new_array(qpdf)
        for (name, spec) in named.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            let key = name.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { q.qpdf_oh_new_binary_string(qpdf, $0.baseAddress, $0.count) }
            }
            q.qpdf_oh_append_item(qpdf, entries, key)
            q.qpdf_oh_append_item(qpdf, entries, spec)
        }
        let tree = q.qpdf_oh_new_dictionary(qpdf)
        q.qpdf_oh_replace_key(qpdf, tree, "/Names", entries)
        // cairo's named destinations are already in the catalog's /Names.
        var names = q.qpdf_oh_get_key(qpdf, root, "/Names")
        if q.qpdf_oh_is_dictionary(qpdf, names) == 0 {
            names = q.qpdf_oh_new_dictionary(qpdf)
            q.qpdf_oh_replace_key(qpdf, root, "/Names", names)
        }
        q.qpdf_oh_replace_key(qpdf, names, "/EmbeddedFiles", tree)
    }

    /// A MIME type as a PDF name (`text/markdown` → `/text#2Fmarkdown`).
    static func name(_ mimeType: String) -> String {
        "/" + mimeType.utf8.map { c -> String in
            let plain = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E || c == 0x2B
            return plain ? String(UnicodeScalar(c)) : "#" + String(c, radix: 16, uppercase: true)
        }.joined()
    }

    /// A text string's bytes as qpdf writes a Unicode string: ASCII as it is, anything else as UTF-16BE with a byte
    /// order mark.
    static func textString(_ s: String) -> [UInt8] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return Array(s.utf8) }
        return [0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    private func parse(_ text: String) -> qpdf_oh { q.qpdf_oh_parse(qpdf, text) }
}
