/// cairo's PDF as the finisher reads it: where each of its objects lies, found from the cross-reference table, so
/// that the finished file can take them over byte for byte.
///
/// cairo 1.16 reserves object numbers for tags that it never writes, and lists them at an offset where another object
/// sits; those entries are freed (`repair`), so that qpdf, which reads the file for the objects the finisher changes,
/// does not rebuild the table by scanning (it reports "file is damaged" and takes three times as long). The structure
/// tree cairo writes for its tags (a `Span` element per marked-content sequence, its root and parent tree) is replaced
/// by the finisher's; its entries are freed too and its objects are not taken over.
struct CairoFile {
    struct Object {
        let number: Int
        /// From `N 0 obj` to the end of `endobj`.
        let whole: Range<Int>
        /// What lies between `obj` and `endobj`, without the spaces around it.
        let body: Range<Int>
        let isStream: Bool
    }

    /// The bytes with the table repaired.
    let bytes: [UInt8]
    /// The header: `%PDF-1.5` and the comment of binary bytes that follows it.
    let header: Range<Int>
    /// The objects in use, in file order.
    let objects: [Object]
    /// The trailer's /Size, /Root and /Info.
    let size: Int, root: Int, info: Int?
    /// The objects by number.
    let byNumber: [Int: Object]

    /// nil when the file's table or trailer cannot be read.
    init?(_ input: [UInt8]) {
        var pdf = input
        guard let table = Self.repair(&pdf), let trailer = Self.lastIndex(of: Array("trailer".utf8), in: pdf) else { return nil }
        let text = String(decoding: pdf[trailer...], as: UTF8.self)
        guard let size = Self.number(after: "/Size ", in: text), let root = Self.number(after: "/Root ", in: text) else { return nil }
        self.size = size; self.root = root
        info = Self.number(after: "/Info ", in: text)
        bytes = pdf
        // Objects end where the next one (kept or not) starts, or where the table does.
        let starts = table.entries.filter(\.valid).map(\.offset).sorted() + [table.offset]
        var objects: [Object] = []
        for entry in table.entries where entry.valid && !entry.structure {
            let header = Array("\(entry.number) 0 obj".utf8).count
            var end = starts[Self.upperBound(of: entry.offset, in: starts)]
            guard let endobj = Self.lastIndex(of: Array("endobj".utf8), in: pdf, from: end, limit: entry.offset + header) else { return nil }
            end = endobj
            var start = entry.offset + header
            while start < end, Self.isSpace(pdf[start]) { start += 1 }
            var last = end
            while last > start, Self.isSpace(pdf[last - 1]) { last -= 1 }
            let isStream = last - start >= 9 && pdf[(last - 9)..<last].elementsEqual("endstream".utf8)
            objects.append(Object(number: entry.number, whole: entry.offset..<(endobj + 6), body: start..<last, isStream: isStream))
        }
        self.objects = objects.sorted { $0.whole.lowerBound < $1.whole.lowerBound }
        byNumber = Dictionary(objects.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        header = 0..<(self.objects.first?.whole.lowerBound ?? 0)
    }

    /// A stream object's dictionary and its data as stored (between the EOL after `stream` and the one before
    /// `endstream`); nil when the object is not a stream.
    func stream(_ number: Int) -> (dictionary: ArraySlice<UInt8>, data: ArraySlice<UInt8>)? {
        guard let object = byNumber[number], object.isStream, let end = DictionaryText.end(of: bytes[object.body]) else { return nil }
        var k = end
        while k < object.body.upperBound, Self.isSpace(bytes[k]) { k += 1 }
        guard k + 6 <= object.body.upperBound, bytes[k..<(k + 6)].elementsEqual("stream".utf8) else { return nil }
        k += 6
        if k < object.body.upperBound, bytes[k] == 0x0D { k += 1 }
        guard k < object.body.upperBound, bytes[k] == 0x0A else { return nil }
        k += 1
        let dictionary = bytes[object.body.lowerBound..<end]
        // The data is /Length bytes long (cairo writes the length as an object of its own).
        if let value = DictionaryText.value(of: "/Length", in: dictionary),
           let length = DictionaryText.integer(value) ?? DictionaryText.reference(value).flatMap({ n in byNumber[n].flatMap { DictionaryText.integer(bytes[$0.body]) } }) {
            guard length >= 0, k + length <= object.body.upperBound - 9 else { return nil }
            return (dictionary, bytes[k..<(k + length)])
        }
        var last = object.body.upperBound - 9
        if last > k, bytes[last - 1] == 0x0A { last -= 1 }
        if last > k, bytes[last - 1] == 0x0D { last -= 1 }
        return (dictionary, bytes[k..<max(k, last)])
    }

    struct Entry { let number: Int; let offset: Int; let valid: Bool; let structure: Bool }

    /// Frees every in-use entry of the last cross-reference table whose offset does not hold "N 0 obj", or holds one
    /// of cairo's structure objects; returns the table's offset and its entries in use before the repair.
    @discardableResult
    static func repair(_ pdf: inout [UInt8]) -> (offset: Int, entries: [Entry])? {
        guard let startxref = lastIndex(of: Array("startxref".utf8), in: pdf) else { return nil }
        var k = startxref + 9
        skipSpace(pdf, &k)
        guard let table = number(pdf, &k), table + 4 < pdf.count, pdf[table..<(table + 4)].elementsEqual("xref".utf8) else { return nil }
        k = table + 4
        skipSpace(pdf, &k)
        guard let first = number(pdf, &k) else { return nil }
        skipSpace(pdf, &k)
        guard let count = number(pdf, &k) else { return nil }
        skipSpace(pdf, &k)
        let entries = k
        guard entries + 20 * count <= pdf.count else { return nil }
        let free = Array("0000000000 65535 f \n".utf8)
        var found: [Entry] = []
        for i in 0..<count {
            let e = entries + 20 * i
            guard pdf[e + 17] == UInt8(ascii: "n") else { continue }
            var p = e
            guard let offset = number(pdf, &p) else { continue }
            let header = Array("\(first + i) 0 obj".utf8)
            let valid = offset + header.count <= pdf.count && pdf[offset..<(offset + header.count)].elementsEqual(header)
            let structure = valid && isStructure(pdf, at: offset + header.count)
            found.append(Entry(number: first + i, offset: offset, valid: valid, structure: structure))
            if !valid || structure { pdf.replaceSubrange(e..<(e + 20), with: free) }
        }
        return (table, found)
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
        while k < b.count, b[k] >= 0x30, b[k] <= 0x39, digits < 18 { v = v * 10 + Int(b[k] - 0x30); k += 1; digits += 1 }
        return digits > 0 ? v : nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { ContentScanner.classes[Int(c)] == 1 }

    private static func skipSpace(_ b: [UInt8], _ k: inout Int) {
        while k < b.count, isSpace(b[k]) { k += 1 }
    }

    /// The first index of `sorted` whose value is greater than `value`.
    private static func upperBound(of value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count - 1
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The last occurrence of `needle` ending at or before `end` and starting at or after `limit` (by default in the
    /// file's last 4 KB, where the trailer is).
    static func lastIndex(of needle: [UInt8], in b: [UInt8], from end: Int? = nil, limit: Int? = nil) -> Int? {
        let end = min(end ?? b.count, b.count)
        guard end >= needle.count else { return nil }
        var i = end - needle.count
        let stop = max(0, limit ?? (b.count - 4096))
        while i >= stop {
            if b[i] == needle[0], b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// The number after `key` in the trailer (for `/Root 5 0 R`, 5).
    private static func number(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
