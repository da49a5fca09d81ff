import Foundation
internal import CQPDF
import FolioFonts
import FolioDisplay
import FolioSupport

/// Finishes cairo's PDF: writes the structure tree (`TaggedPDF`), /Lang, PDF-format dates, the producer,
/// DisplayDocTitle, the XMP metadata, PDF/A's entries and a deterministic /ID. qpdf reads cairo's file for the
/// objects that change (pages, annotations, the catalog, the Info dictionary), which are written out by qpdf's
/// unparser; every other object of cairo's file is taken over byte for byte (`CairoFile`), and the file is written
/// with object streams and a cross-reference stream (`PDFFileWriter`).
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
        guard let cairo = CairoFile(input) else {
            throw RenderError("cairo's PDF has no cross-reference table or trailer that Folio can read", call: "cairo_surface_finish", status: nil)
        }
        guard let qpdf = q.qpdf_init() else { throw RenderError("qpdf cannot start", call: "qpdf_init", status: "no handle") }
        var handle: qpdf_data? = qpdf
        defer { q.qpdf_cleanup(&handle) }
        q.qpdf_silence_errors(qpdf)
        q.qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        let read = cairo.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { q.qpdf_read_memory(qpdf, "cairo output", $0.baseAddress, UInt64($0.count), nil) }
        }
        if read & QPDF_ERRORS != 0 { throw error(q, qpdf, "qpdf_read_memory", "qpdf cannot read cairo's PDF") }
        let file = FinishedFile(q: q, qpdf: qpdf, cairo: cairo,
                                writer: try PDFFileWriter(header: cairo.bytes[cairo.header], capacity: cairo.bytes.count + cairo.bytes.count / 4))
        let date = Self.pdfDate(info.date)
        let root = try TaggedPDF(file: file, structure: TaggedStructure(document)).write()
        let metadata = file.take()
        // XMP is left uncompressed, as PDF/A and PDF/UA readers expect.
        try file.writer.addStream(metadata, entries: "/Type /Metadata /Subtype /XML",
                                  data: Array(XMPMetadata.packet(info, producer: producer, archivalPart: options.archivalPart).utf8), deflate: false)
        let catalog = q.qpdf_get_root(qpdf)
        var remove = ["/StructTreeRoot", "/MarkInfo", "/Lang", "/ViewerPreferences", "/Metadata", "/PageLabels"]
        var add = "/StructTreeRoot \(root) 0 R /MarkInfo << /Marked true >> /Lang \(PDFSyntax.text(info.language))"
            + " /ViewerPreferences << /DisplayDocTitle true >> /Metadata \(metadata) 0 R"
        if options.archival {
            let archival = try ArchivalPDF(file: file, options: options, date: date).write(catalog: catalog)
            remove += archival.remove
            add += " " + archival.add
        }
        if !pageLabels.isEmpty {
            add += " /PageLabels << /Nums [" + pageLabels.map { " \($0.start) << /S /\($0.style.rawValue) /St \($0.firstNumber) >>" }.joined() + " ] >>"
        }
        try file.edit(catalog, removing: remove, adding: add)
        let infoDict = q.qpdf_oh_get_key(qpdf, q.qpdf_get_trailer(qpdf), "/Info")
        if q.qpdf_oh_is_dictionary(qpdf, infoDict) != 0 {
            try file.edit(infoDict, removing: ["/CreationDate", "/ModDate", "/Producer"],
                          adding: "/CreationDate (\(date)) /ModDate (\(date)) /Producer \(PDFSyntax.text(producer))")
        }
        try file.writeEdits()
        for object in cairo.objects where !file.dropped.contains(object.number) {
            if object.isStream { file.writer.copy(object.number, cairo.bytes[object.whole]) } else { file.writer.add(object.number, cairo.bytes[object.body]) }
        }
        let infoEntry = file.number(of: infoDict).map { " /Info \($0) 0 R" } ?? ""
        return try file.writer.finish(size: file.size, trailer: "/Root \(cairo.root) 0 R" + infoEntry)
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
