import Foundation
internal import CQPDF
import FolioFonts
import FolioDisplay
import FolioSupport

/// Finishes cairo's PDF with libqpdf, in memory: writes the structure tree (`TaggedPDF`), sets /Lang, PDF-format
/// dates, the producer, DisplayDocTitle and a deterministic /ID, and writes a clean file with object streams.
public struct PDFFinisher {
    public init() {}

    /// Starts loading libqpdf on another thread (it is opened on first use, not at start-up), so that the first
    /// finish does not wait for it.
    public static func preload() { detachThread { _ = folio_qpdf_load() } }

    /// libqpdf's functions, or an error saying why it cannot be loaded.
    static func library() throws -> folio_qpdf_api {
        guard let api = folio_qpdf_load() else {
            throw RenderError("libqpdf cannot be loaded", call: "folio_qpdf_load", status: folio_qpdf_error().map { String(cString: $0) })
        }
        return api.pointee
    }

    /// The finished PDF for the bytes cairo wrote for `document`.
    public func finish(_ input: [UInt8], document: DisplayDocument, producer: String, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let info = document.info, pageLabels = document.pageLabels
        let q = try Self.library()
        var bytes = input
        CairoXref.repair(&bytes)
        let date = Self.pdfDate(info.date)
        let streams = try Self.streams(XMPMetadata.packet(info, producer: producer, archivalPart: options.archivalPart), options, date: date)
        guard let first = IncrementalUpdate.append(&bytes, streams: streams) else {
            throw RenderError("cairo's PDF has no trailer that Folio can read", call: "cairo_surface_finish", status: nil)
        }
        guard let qpdf = q.qpdf_init() else { throw RenderError("qpdf cannot start", call: "qpdf_init", status: "no handle") }
        var handle: qpdf_data? = qpdf
        defer { q.qpdf_cleanup(&handle) }
        q.qpdf_silence_errors(qpdf)
        q.qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        let read = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { q.qpdf_read_memory(qpdf, "cairo output", $0.baseAddress, UInt64($0.count), nil) }
        }
        if read & QPDF_ERRORS != 0 { throw error(q, qpdf, "qpdf_read_memory", "qpdf cannot read cairo's PDF") }
        let added = (0..<streams.count).map { q.qpdf_get_object_by_id(qpdf, Int32(first + $0), 0) }
        let numbers = ObjectNumbers(next: first + streams.count)
        try TaggedPDF(q: q, qpdf: qpdf, structure: TaggedStructure(document), numbers: numbers).write()
        let root = q.qpdf_get_root(qpdf)
        q.qpdf_oh_replace_key(qpdf, root, "/Lang", q.qpdf_oh_new_unicode_string(qpdf, info.language))
        q.qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", q.qpdf_oh_parse(qpdf, "<< /DisplayDocTitle true >>"))
        q.qpdf_oh_replace_key(qpdf, root, "/Metadata", added[0])
        if options.archival {
            try ArchivalPDF(q: q, qpdf: qpdf, options: options, profile: added[1], files: Array(added.dropFirst(2)), numbers: numbers).write()
        }
        if !pageLabels.isEmpty {
            let nums = pageLabels.map { "\($0.start) << /S /\($0.style.rawValue) /St \($0.firstNumber) >>" }.joined(separator: " ")
            q.qpdf_oh_replace_key(qpdf, root, "/PageLabels", q.qpdf_oh_parse(qpdf, "<< /Nums [\(nums)] >>"))
        }
        let infoDict = q.qpdf_oh_get_key(qpdf, q.qpdf_get_trailer(qpdf), "/Info")
        if q.qpdf_oh_is_dictionary(qpdf, infoDict) != 0 {
            q.qpdf_oh_replace_key(qpdf, infoDict, "/CreationDate", q.qpdf_oh_new_string(qpdf, date))
            q.qpdf_oh_replace_key(qpdf, infoDict, "/ModDate", q.qpdf_oh_new_string(qpdf, date))
            q.qpdf_oh_replace_key(qpdf, infoDict, "/Producer", q.qpdf_oh_new_unicode_string(qpdf, producer))
        }
        return try write(q, qpdf)
    }

    /// The streams the finisher adds: the XMP metadata (left uncompressed, as PDF/A and PDF/UA readers expect),
    /// then for PDF/A the sRGB profile and the attached files.
    static func streams(_ xmp: String, _ options: PDFOptions, date: String) throws -> [IncrementalUpdate.Stream] {
        var streams = [IncrementalUpdate.Stream(entries: "/Type /Metadata /Subtype /XML", data: Array(xmp.utf8))]
        guard options.archival else { return streams }
        streams.append(IncrementalUpdate.Stream(entries: "/N 3", data: try SRGBProfile.bytes.get()))
        for file in options.attachments {
            streams.append(IncrementalUpdate.Stream(
                entries: "/Type /EmbeddedFile /Subtype \(ArchivalPDF.name(file.mimeType)) /Params << /Size \(file.bytes.count) /ModDate (\(date)) >>",
                data: file.bytes))
        }
        return streams
    }

    private func write(_ q: folio_qpdf_api, _ qpdf: qpdf_data) throws -> [UInt8] {
        if q.qpdf_init_write_memory(qpdf) & QPDF_ERRORS != 0 { throw error(q, qpdf, "qpdf_init_write_memory", "qpdf cannot prepare to write the PDF") }
        q.qpdf_set_deterministic_ID(qpdf, QPDF_TRUE)
        q.qpdf_set_compress_streams(qpdf, QPDF_TRUE)
        // cairo already deflates every stream: copying them as they are saves decoding and re-deflating fonts.
        q.qpdf_set_decode_level(qpdf, qpdf_dl_none)
        q.qpdf_set_object_stream_mode(qpdf, qpdf_o_generate)
        if q.qpdf_write(qpdf) & QPDF_ERRORS != 0 { throw error(q, qpdf, "qpdf_write", "qpdf cannot write the PDF") }
        guard let out = q.qpdf_get_buffer(qpdf) else { throw RenderError("qpdf wrote nothing", call: "qpdf_get_buffer", status: "no buffer") }
        return Array(UnsafeBufferPointer(start: out, count: q.qpdf_get_buffer_length(qpdf)))
    }

    /// The error qpdf recorded for `call`.
    private func error(_ q: folio_qpdf_api, _ qpdf: qpdf_data, _ call: String, _ message: String) -> RenderError {
        var detail = "unknown error"
        if q.qpdf_has_error(qpdf) != 0, let e = q.qpdf_get_error(qpdf), let text = q.qpdf_get_error_full_text(qpdf, e) {
            detail = String(cString: text)
        }
        return RenderError(message, call: call, status: detail)
    }

    /// `2024-04-08T00:00:00Z` → `D:20240408000000Z` (PDF 32000 §7.9.4).
    static func pdfDate(_ iso: String) -> String {
        let digits = iso.filter(\.isNumber)
        return "D:" + String(digits.prefix(14)).padding(toLength: 14, withPad: "0", startingAt: 0) + "Z"
    }
}

/// cairo 1.16 reserves object numbers for tags that it never writes, and lists them in its cross-reference
/// table at an offset where another object sits: readers must rebuild the table by scanning the file
/// (qpdf reports "file is damaged" and takes three times as long). Marking those entries free makes the
/// table true again.
///
/// The structure tree cairo writes for its tags (a `Span` element per marked-content sequence, its parent tree) is
/// replaced by the finisher's; its entries are freed too, so that qpdf never parses them (qpdf resolves every
/// object in the table the first time it numbers a new object).
enum CairoXref {
    /// Frees every in-use entry of the last cross-reference table whose offset does not hold "N 0 obj", or holds
    /// one of cairo's structure objects.
    static func repair(_ pdf: inout [UInt8]) {
        guard let startxref = lastIndex(of: Array("startxref".utf8), in: pdf) else { return }
        var k = startxref + 9
        while k < pdf.count, pdf[k] == 0x0A || pdf[k] == 0x0D || pdf[k] == 0x20 { k += 1 }
        guard let table = number(pdf, &k), table + 4 < pdf.count, pdf[table..<(table + 4)].elementsEqual("xref".utf8) else { return }
        k = table + 4
        skipSpace(pdf, &k)
        guard let first = number(pdf, &k) else { return }
        skipSpace(pdf, &k)
        guard let count = number(pdf, &k) else { return }
        skipSpace(pdf, &k)
        let entries = k
        guard entries + 20 * count <= pdf.count else { return }
        let free = Array("0000000000 65535 f \n".utf8)
        for i in 0..<count {
            let e = entries + 20 * i
            guard pdf[e + 17] == UInt8(ascii: "n") else { continue }
            var p = e
            guard let offset = number(pdf, &p) else { continue }
            let header = Array("\(first + i) 0 obj".utf8)
            if offset + header.count > pdf.count || !pdf[offset..<(offset + header.count)].elementsEqual(header)
                || isStructure(pdf, at: offset + header.count) {
                pdf.replaceSubrange(e..<(e + 20), with: free)
            }
        }
    }

    /// cairo writes `<< /Type /StructElem`, `<< /Type /StructTreeRoot` and its parent tree `<< /Nums [` (cairo
    /// writes no other number tree: page labels are the finisher's).
    private static func isStructure(_ b: [UInt8], at start: Int) -> Bool {
        var k = start
        skipSpace(b, &k)
        for prefix in structurePrefixes where k + prefix.count <= b.count && b[k..<(k + prefix.count)].elementsEqual(prefix) { return true }
        return false
    }

    private static let structurePrefixes = ["<< /Type /StructElem", "<< /Type /StructTreeRoot", "<< /Nums ["].map { Array($0.utf8) }

    static func number(_ b: [UInt8], _ k: inout Int) -> Int? {
        var v = 0, digits = 0
        while k < b.count, b[k] >= 0x30, b[k] <= 0x39 { v = v * 10 + Int(b[k] - 0x30); k += 1; digits += 1 }
        return digits > 0 ? v : nil
    }

    private static func skipSpace(_ b: [UInt8], _ k: inout Int) {
        while k < b.count, b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x20 { k += 1 }
    }

    static func lastIndex(of needle: [UInt8], in b: [UInt8]) -> Int? {
        guard b.count >= needle.count else { return nil }
        var i = b.count - needle.count
        let stop = max(0, b.count - 4096)
        while i >= stop {
            if b[i] == needle[0], b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
