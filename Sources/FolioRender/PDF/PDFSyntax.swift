/// The pieces of PDF syntax the finisher writes itself (PDF 32000 §7.3): text strings and byte strings.
enum PDFSyntax {
    /// A text string: printable ASCII as a literal string, anything else as UTF-16BE with a byte order mark, in hex.
    static func text(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var out = "("
            for c in s.utf8 {
                if c == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: "\\") { out.append("\\") }
                out.unicodeScalars.append(UnicodeScalar(c))
            }
            return out + ")"
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("<FEFF".utf8)
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int((unit >> UInt16(shift)) & 15)]) }
        }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte string in hex (`<…>`), for keys compared byte for byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "<")]
        out.reserveCapacity(bytes.count * 2 + 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// PDF text built as bytes: the structure tree has an object per element, and String interpolation costs several times
/// what appending bytes does.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) { append(contentsOf: text.utf8) }

    /// A non-negative integer in decimal.
    mutating func append(number: Int) {
        if number >= 10 { append(number: number / 10) }
        append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    /// ` n 0 R`.
    mutating func append(reference number: Int) {
        append(UInt8(ascii: " "))
        append(number: number)
        append(" 0 R")
    }
}
