internal import CQPDF

/// The finished file as it is put together: cairo's objects that change, edited through qpdf (which read cairo's
/// file) and written out by qpdf's own unparser; the objects Folio writes in their place or beside them; the numbers
/// new objects take. Every other object of cairo's file is copied as it is (`PDFFinisher`).
final class FinishedFile {
    let q: folio_qpdf_api
    let qpdf: qpdf_data
    var writer: PDFFileWriter
    private var next: Int
    /// cairo's objects not to copy: written anew, or no longer used.
    private(set) var dropped: Set<Int> = []
    /// Entries to add to an edited object, by number, in the order the objects were first edited.
    private var edits: [Int: (object: qpdf_oh, entries: String)] = [:]
    private var order: [Int] = []
    /// Keys to drop from and entries to add to the text of cairo's objects (`DictionaryText`), by number.
    private var textEdits: [Int: (keys: [String], entries: String)] = [:]
    private var textOrder: [Int] = []
    let cairo: CairoFile

    init(q: folio_qpdf_api, qpdf: qpdf_data, cairo: CairoFile, writer: PDFFileWriter) {
        self.q = q; self.qpdf = qpdf; self.cairo = cairo; self.writer = writer; next = cairo.size
    }

    /// A number for a new object.
    func take() -> Int {
        defer { next += 1 }
        return next
    }

    /// The first number no object uses.
    var size: Int { next }

    /// Changes one of cairo's objects (a dictionary): `removing` keys, then adding `entries` (PDF syntax).
    func edit(_ object: qpdf_oh, removing keys: [String], adding entries: String) throws {
        let number = Int(q.qpdf_oh_get_object_id(qpdf, object))
        guard number > 0, q.qpdf_oh_is_dictionary(qpdf, object) != 0 else {
            throw RenderError("cairo's PDF has a direct object where the finisher expects an indirect dictionary")
        }
        for key in keys { q.qpdf_oh_remove_key(qpdf, object, key) }
        if let edit = edits[number] {
            edits[number] = (edit.object, edit.entries + " " + entries)
        } else {
            edits[number] = (object, entries)
            order.append(number)
            dropped.insert(number)
        }
    }

    /// Changes one of cairo's objects (a dictionary) as text, without qpdf parsing it: `removing` keys, then adding
    /// `entries` (PDF syntax).
    func editText(_ number: Int, removing keys: [String], adding entries: String) throws {
        guard cairo.byNumber[number] != nil else { throw RenderError("cairo's PDF has no object \(number) for the finisher to change") }
        if let edit = textEdits[number] {
            textEdits[number] = (edit.keys + keys, edit.entries + " " + entries)
        } else {
            textEdits[number] = (keys, entries)
            textOrder.append(number)
            dropped.insert(number)
        }
    }

    /// Marks one of cairo's objects as replaced (written again under its number) or unused.
    func drop(_ number: Int) { dropped.insert(number) }

    /// The number of an indirect object, or nil for a direct one.
    func number(of object: qpdf_oh) -> Int? {
        let n = Int(q.qpdf_oh_get_object_id(qpdf, object))
        return n > 0 ? n : nil
    }

    /// The numbers of a page's annotations (asking qpdf for numbers only does not make it parse the objects).
    func annotations(of page: qpdf_oh) -> [Int] {
        let annots = q.qpdf_oh_get_key(qpdf, page, "/Annots")
        guard q.qpdf_oh_is_array(qpdf, annots) != 0 else { return [] }
        return (0..<q.qpdf_oh_get_array_n_items(qpdf, annots)).compactMap { number(of: q.qpdf_oh_get_array_item(qpdf, annots, $0)) }
    }

    /// Writes every edited object: qpdf's text for what is left of it, with the added entries before its end.
    func writeEdits() throws {
        for number in order {
            guard let edit = edits[number], let text = q.qpdf_oh_unparse_resolved(qpdf, edit.object) else {
                throw RenderError("qpdf cannot write object \(number)", call: "qpdf_oh_unparse_resolved", status: nil)
            }
            var body = Array(String(cString: text).utf8)
            guard body.count >= 2, body[body.count - 2] == UInt8(ascii: ">"), body[body.count - 1] == UInt8(ascii: ">") else {
                throw RenderError("qpdf wrote object \(number) as something other than a dictionary")
            }
            body.insert(contentsOf: Array((" " + edit.entries + " ").utf8), at: body.count - 2)
            writer.add(number, body)
        }
        for number in textOrder {
            guard let edit = textEdits[number], let object = cairo.byNumber[number], !object.isStream,
                  let body = DictionaryText.edit(cairo.bytes[object.body], removing: edit.keys, adding: edit.entries) else {
                throw RenderError("object \(number) of cairo's PDF is not a dictionary the finisher can change")
            }
            writer.add(number, body)
        }
        if q.qpdf_has_error(qpdf) != 0 { throw RenderError("qpdf cannot read an object of cairo's PDF", call: "qpdf_oh_unparse_resolved", status: nil) }
    }
}
