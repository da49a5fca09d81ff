import Foundation
import CQPDF
import FolioDisplay

/// Finishes cairo's PDF with libqpdf: rewrites it (repairing cairo 1.16's cross-reference table), sets /Lang,
/// PDF-format dates, the producer, DisplayDocTitle and a deterministic /ID.
public struct PDFFinisher {
    public init() {}

    /// Reads `input`, writes the finished file to `output`.
    public func finish(input: String, output: String, info: DocumentInfo, producer: String) throws {
        guard let qpdf = qpdf_init() else { throw RenderError("qpdf_init failed") }
        var handle: qpdf_data? = qpdf
        defer { qpdf_cleanup(&handle) }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        if qpdf_read(qpdf, input, nil) & QPDF_ERRORS != 0 { throw error(qpdf, "reading \(input)") }

        let root = qpdf_get_root(qpdf)
        qpdf_oh_replace_key(qpdf, root, "/Lang", qpdf_oh_new_unicode_string(qpdf, info.language))
        let prefs = qpdf_oh_parse(qpdf, "<< /DisplayDocTitle true >>")
        qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", prefs)
        let trailer = qpdf_get_trailer(qpdf)
        let infoDict = qpdf_oh_get_key(qpdf, trailer, "/Info")
        if qpdf_oh_is_dictionary(qpdf, infoDict) != 0 {
            let date = Self.pdfDate(info.date)
            qpdf_oh_replace_key(qpdf, infoDict, "/CreationDate", qpdf_oh_new_string(qpdf, date))
            qpdf_oh_replace_key(qpdf, infoDict, "/ModDate", qpdf_oh_new_string(qpdf, date))
            qpdf_oh_replace_key(qpdf, infoDict, "/Producer", qpdf_oh_new_unicode_string(qpdf, producer))
        }
        if qpdf_init_write(qpdf, output) & QPDF_ERRORS != 0 { throw error(qpdf, "opening \(output)") }
        qpdf_set_deterministic_ID(qpdf, QPDF_TRUE)
        qpdf_set_compress_streams(qpdf, QPDF_TRUE)
        qpdf_set_object_stream_mode(qpdf, qpdf_o_generate)
        if qpdf_write(qpdf) & QPDF_ERRORS != 0 { throw error(qpdf, "writing \(output)") }
    }

    private func error(_ qpdf: qpdf_data, _ what: String) -> RenderError {
        var detail = "unknown error"
        if qpdf_has_error(qpdf) != 0, let e = qpdf_get_error(qpdf), let text = qpdf_get_error_full_text(qpdf, e) {
            detail = String(cString: text)
        }
        return RenderError("qpdf failed \(what): \(detail)")
    }

    /// `2024-04-08T00:00:00Z` → `D:20240408000000Z` (PDF 32000 §7.9.4).
    static func pdfDate(_ iso: String) -> String {
        let digits = iso.filter(\.isNumber)
        return "D:" + String(digits.prefix(14)).padding(toLength: 14, withPad: "0", startingAt: 0) + "Z"
    }
}
