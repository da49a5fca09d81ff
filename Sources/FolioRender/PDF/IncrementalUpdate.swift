/// New stream objects appended to cairo's file as an incremental update (PDF 32000 §7.5.6) before qpdf reads it.
/// qpdf makes a new stream (or any indirect object) by first resolving every object of the file, cairo's unused
/// tag objects included, to find a free object number: on the English sample that is a tenth of the whole render.
/// Streams written here are objects qpdf simply reads; other new objects take numbers after them (`ObjectNumbers`).
enum IncrementalUpdate {
    struct Stream {
        /// The stream dictionary's entries besides /Length, in PDF syntax (`/Type /Metadata /Subtype /XML`).
        var entries: String
        var data: [UInt8]
    }

    /// Appends the streams, numbered from the trailer's /Size in order; the first number, or nil when cairo's
    /// trailer cannot be read (the file is then unchanged).
    static func append(_ pdf: inout [UInt8], streams: [Stream]) -> Int? {
        guard let trailer = CairoXref.lastIndex(of: Array("trailer".utf8), in: pdf),
              let startxref = CairoXref.lastIndex(of: Array("startxref".utf8), in: pdf), startxref > trailer else { return nil }
        let text = String(decoding: pdf[trailer..<startxref], as: UTF8.self)
        var k = startxref + 9
        while k < pdf.count, pdf[k] == 0x0A || pdf[k] == 0x0D || pdf[k] == 0x20 { k += 1 }
        guard let size = number(after: "/Size ", in: text), let root = reference(after: "/Root ", in: text),
              let previous = CairoXref.number(pdf, &k) else { return nil }
        let info = reference(after: "/Info ", in: text)
        if pdf.last != 0x0A { pdf.append(0x0A) }
        var offsets: [Int] = []
        for (i, stream) in streams.enumerated() {
            offsets.append(pdf.count)
            pdf += Array("\(size + i) 0 obj\n<< \(stream.entries) /Length \(stream.data.count) >>\nstream\n".utf8)
            pdf += stream.data
            pdf += Array("\nendstream\nendobj\n".utf8)
        }
        let xref = pdf.count
        var table = "xref\n\(size) \(streams.count)\n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(size + streams.count) /Root \(root)" + (info.map { " /Info \($0)" } ?? "")
        table += " /Prev \(previous) >>\nstartxref\n\(xref)\n%%EOF\n"
        pdf += Array(table.utf8)
        return size
    }

    private static func number(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    /// `n g R` after the key.
    private static func reference(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(of: "R") else { return nil }
        let value = rest[..<end].trimmingCharacters(in: .whitespaces)
        let parts = value.split(separator: " ")
        guard parts.count == 2, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        return value + " R"
    }
}

/// Object numbers for new objects, after every number the file uses: objects are put in place with
/// `qpdf_replace_object` rather than numbered by qpdf (see `IncrementalUpdate`).
final class ObjectNumbers {
    private(set) var next: Int32
    init(next: Int) { self.next = Int32(next) }
    func take() -> Int32 {
        defer { next += 1 }
        return next
    }
}
