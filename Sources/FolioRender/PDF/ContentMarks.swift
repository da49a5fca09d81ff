/// Renames marked content in a page's content stream. The painter opens one `PagePainter.marker` structure tag per
/// sequence and cairo writes each as `/Document << /MCID n >> BDC` … `EMC` with its own numbering; it also writes an
/// empty `/Link << /MCID n >> BDC EMC` for every link, and `/Span << /ActualText … >> BDC` around ligatures (kept).
/// `rewrite` gives the k-th marker sequence the k-th operator text
/// it is given (an element's type and MCID, or an artifact) and drops the empty link sequences. The scan is a PDF
/// content tokenizer, so that strings and inline images that happen to hold such bytes are left alone.
enum ContentMarks {
    struct Mismatch: Error, CustomStringConvertible {
        let found: Int, expected: Int
        var description: String { "the page has \(found) marked-content sequences where the display list has \(expected)" }
    }

    /// The content with the k-th marker BDC replaced by `markers[k]`.
    static func rewrite(_ content: [UInt8], markers: [String]) throws -> [UInt8] {
        try content.withUnsafeBufferPointer { try rewrite($0, markers: markers) }
    }

    /// One pass over the bytes, operator by operator (`ContentScanner.nextOperator`).
    static func rewrite(_ b: UnsafeBufferPointer<UInt8>, markers: [String]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + markers.count * 24)
        let marker = Array("/\(PagePainter.marker)".utf8), link = Array("/Link".utf8), mcid = Array("/MCID ".utf8)
        var copied = 0, k = 0, i = 0
        // Whether each open sequence is kept (false for cairo's empty link sequences).
        var kept: [Bool] = []
        while let op = ContentScanner.nextOperator(b, &i) {
            let c = b[op.start], length = op.end - op.start
            if length == 3, c == UInt8(ascii: "B"), b[op.start + 1] == UInt8(ascii: "D"), b[op.start + 2] == UInt8(ascii: "C") {
                let first = b[op.operands..<op.firstEnd]
                if first.elementsEqual(marker), ContentScanner.contains(mcid, b, op.operands, op.end) {
                    guard k < markers.count else { throw Mismatch(found: k + 1, expected: markers.count) }
                    out += b[copied..<op.operands]
                    out += markers[k].utf8
                    copied = op.end
                    k += 1
                    kept.append(true)
                } else if first.elementsEqual(link) {
                    out += b[copied..<op.operands]
                    copied = op.end
                    kept.append(false)
                } else {
                    kept.append(true)
                }
            } else if length == 3, c == UInt8(ascii: "B"), b[op.start + 1] == UInt8(ascii: "M"), b[op.start + 2] == UInt8(ascii: "C") {
                kept.append(true)
            } else if length == 3, c == UInt8(ascii: "E"), b[op.start + 1] == UInt8(ascii: "M"), b[op.start + 2] == UInt8(ascii: "C") {
                if let keep = kept.popLast(), !keep {
                    out += b[copied..<op.operands]
                    copied = op.end
                }
            } else if length == 2, c == UInt8(ascii: "I"), b[op.start + 1] == UInt8(ascii: "D") {
                ContentScanner.skipInlineImageData(b, &i)
            }
        }
        guard k == markers.count else { throw Mismatch(found: k, expected: markers.count) }
        out += b[copied...]
        return out
    }
}

/// What the content scan needs of PDF's lexical rules.
enum ContentScanner {
    /// Each byte's class (PDF 32000 §7.2.2): 0 regular, 1 white space, 2 delimiter. A table, since the scan looks
    /// at every byte of every page.
    nonisolated(unsafe) static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for c in [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0] { table[c] = 1 }
        for c in "()<>[]{}/%".utf8 { table[Int(c)] = 2 }
        return UnsafePointer(table)
    }()

    /// The next operator from `i` (PDF 32000 §7.2): strings, names and dictionaries are skipped whole, and a regular
    /// token that is not a number, `true`, `false` or `null` is an operator. `operands` is where its instruction
    /// starts (its first operand, or the operator itself when it has none) and `firstEnd` where that first token ends.
    @inline(__always)
    static func nextOperator(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (start: Int, end: Int, operands: Int, firstEnd: Int)? {
        var operands = -1, firstEnd = -1
        let n = b.count
        while i < n {
            let c = b[i], start = i
            switch classes[Int(c)] {
            case 1:
                i += 1
                continue
            case 2:
                switch c {
                case UInt8(ascii: "%"): while i < n, b[i] != 0x0A, b[i] != 0x0D { i += 1 }; continue
                case UInt8(ascii: "("): skipLiteralString(b, &i)
                case UInt8(ascii: "<"):
                    if i + 1 < n, b[i + 1] == UInt8(ascii: "<") { i += 2 } else {
                        while i < n, b[i] != UInt8(ascii: ">") { i += 1 }
                        i += 1
                    }
                case UInt8(ascii: "/"):
                    i += 1
                    while i < n, classes[Int(b[i])] == 0 { i += 1 }
                default: i += 1
                }
            default:
                while i < n, classes[Int(b[i])] == 0 { i += 1 }
                let isOperand = (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || isKeyword(b, start, i)
                if !isOperand { return (start, i, operands < 0 ? start : operands, operands < 0 ? start : firstEnd) }
            }
            if operands < 0 { operands = start; firstEnd = min(i, n) }
        }
        return nil
    }

    /// Whether `b[start..<end]` is `true`, `false` or `null`.
    static func isKeyword(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = b[start]
        guard first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || first == UInt8(ascii: "n") else { return false }
        let word = b[start..<end]
        return word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
    }

    /// Whether `b[start..<end]` holds `needle`.
    static func contains(_ needle: [UInt8], _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let first = needle.first, end - start >= needle.count else { return false }
        var k = start
        while k + needle.count <= end {
            if b[k] == first, b[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }

    /// Skips a literal string `( … )` from its `(`, with its escapes and balanced parentheses.
    static func skipLiteralString<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, _ i: inout Int) where Bytes.Index == Int {
        var depth = 0
        while i < b.endIndex {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    /// Inline image data runs from one space after ID to `EI` between spaces.
    static func skipInlineImageData(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        i += 1
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "E"), b[i + 1] == UInt8(ascii: "I"), i > 0, classes[Int(b[i - 1])] == 1,
               i + 2 == b.count || classes[Int(b[i + 2])] == 1 {
                i += 2
                return
            }
            i += 1
        }
        i = b.count
    }
}
