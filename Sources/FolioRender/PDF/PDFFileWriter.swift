import FolioDeflate
import FolioChecksum

/// Writes the finished file: stream objects as they come, every other object packed into deflated object streams
/// (PDF 32000 §7.5.7) of at most `perStream` objects, then a cross-reference stream (§7.5.8) that carries the
/// trailer's entries and an /ID derived from the bytes before it, so that the same input gives the same file.
struct PDFFileWriter {
    /// As qpdf packs them: a reader that wants one object inflates the stream it is in.
    static let perStream = 100

    private var out: [UInt8]
    /// Where each object written whole starts, by number.
    private var offsets: [Int: Int] = [:]
    private var packed: [(number: Int, body: [UInt8])] = []
    let flate: Flate

    /// Starts the file with cairo's header (`%PDF-1.5` and its binary comment).
    init(header: ArraySlice<UInt8>, capacity: Int) throws {
        flate = try Flate()
        out = []
        out.reserveCapacity(capacity)
        out += header
        if out.last != 0x0A { out.append(0x0A) }
    }

    /// An object other than a stream, in PDF syntax without `obj` / `endobj`.
    mutating func add(_ number: Int, _ body: some Sequence<UInt8>) {
        packed.append((number, Array(body)))
    }

    mutating func add(_ number: Int, _ body: String) { add(number, body.utf8) }

    /// A stream object: its dictionary's entries besides /Length and /Filter, and its data, which is deflated
    /// unless `deflate` is false.
    mutating func addStream(_ number: Int, entries: String, data: [UInt8], deflate: Bool = true) throws {
        guard deflate else { return write(number, entries: entries, data: data) }
        write(number, entries: entries + " /Filter /FlateDecode", data: try flate.deflate(data))
    }

    /// A stream object whose data is deflated already.
    mutating func addDeflatedStream(_ number: Int, entries: String, data: [UInt8]) {
        write(number, entries: entries + " /Filter /FlateDecode", data: data)
    }

    private mutating func write(_ number: Int, entries: String, data: [UInt8]) {
        offsets[number] = out.count
        out += Array("\(number) 0 obj\n<< \(entries) /Length \(data.count) >>\nstream\n".utf8)
        out += data
        out += Array("\nendstream\nendobj\n".utf8)
    }

    /// An object of cairo's file, copied whole (`N 0 obj` … `endobj`).
    mutating func copy(_ number: Int, _ whole: ArraySlice<UInt8>) {
        offsets[number] = out.count
        out += whole
        out.append(0x0A)
    }

    /// The file, with `size` the first number no object uses; `trailer` holds /Root and /Info.
    mutating func finish(size: Int, trailer: String) throws -> [UInt8] {
        var number = size
        var location: [Int: (stream: Int, index: Int)] = [:]
        for start in stride(from: 0, to: packed.count, by: Self.perStream) {
            let chunk = packed[start..<min(start + Self.perStream, packed.count)]
            var index = "", bodies: [UInt8] = []
            for (i, object) in chunk.enumerated() {
                index += "\(object.number) \(bodies.count) "
                bodies += object.body
                bodies.append(0x0A)
                location[object.number] = (number, i)
            }
            let data = Array(index.utf8) + bodies
            try addStream(number, entries: "/Type /ObjStm /N \(chunk.count) /First \(index.utf8.count)", data: data)
            number += 1
        }
        let xref = number
        offsets[xref] = out.count
        let count = xref + 1
        // Type (1 byte), offset or object stream (4 bytes), generation or index (2 bytes).
        var table: [UInt8] = []
        table.reserveCapacity(count * 7)
        func entry(_ type: UInt8, _ field: Int, _ last: Int) {
            table.append(type)
            for shift in [24, 16, 8, 0] { table.append(UInt8((field >> shift) & 0xFF)) }
            table.append(UInt8((last >> 8) & 0xFF)); table.append(UInt8(last & 0xFF))
        }
        for n in 0..<count {
            if let offset = offsets[n] { entry(1, offset, 0) } else if let place = location[n] { entry(2, place.stream, place.index) } else { entry(0, 0, n == 0 ? 0xFFFF : 0) }
        }
        let id = PDFSyntax.hex(md5(out))
        let data = try flate.deflate(table)
        out += Array("\(xref) 0 obj\n<< /Type /XRef /Size \(count) /W [1 4 2] \(trailer) /ID [\(id) \(id)] /Filter /FlateDecode /Length \(data.count) >>\nstream\n".utf8)
        out += data
        out += Array("\nendstream\nendobj\nstartxref\n\(offsets[xref]!)\n%%EOF\n".utf8)
        return out
    }
}
