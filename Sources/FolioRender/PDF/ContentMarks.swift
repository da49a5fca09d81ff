/// Renames marked content in a page's content stream. The painter opens one `/Span` structure tag per sequence and
/// cairo writes each as `/Span << /MCID n >> BDC` … `EMC` with its own numbering; it also writes an empty
/// `/Link << /MCID n >> BDC EMC` for every link, and `/Span << /ActualText … >> BDC` around ligatures (kept). `rewrite` gives the k-th `/Span` sequence the k-th operator text
/// it is given (an element's type and MCID, or an artifact) and drops the empty link sequences. The scan is a PDF
/// content tokenizer, so that strings and inline images that happen to hold such bytes are left alone.
enum ContentMarks {
    struct Mismatch: Error, CustomStringConvertible {
        let found: Int, expected: Int
        var description: String { "the page has \(found) marked-content sequences where the display list has \(expected)" }
    }

    /// The content with the k-th `/Span` BDC replaced by `markers[k]`.
    static func rewrite(_ content: [UInt8], markers: [String]) throws -> [UInt8] {
        try content.withUnsafeBufferPointer { try rewrite($0, markers: markers) }
    }

    static func rewrite(_ content: UnsafeBufferPointer<UInt8>, markers: [String]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count + markers.count * 24)
        var copied = 0, k = 0
        // Whether each open sequence is kept (false for cairo's empty link sequences).
        var kept: [Bool] = []
        var scanner = ContentScanner(content)
        let span = Array("/\(PagePainter.marker)".utf8), link = Array("/Link".utf8), mcid = Array("/MCID ".utf8)
        while let op = scanner.nextOperator() {
            if scanner.is(op, "BDC") {
                // cairo also writes `/Span << /ActualText … >> BDC` inside a sequence for a ligature's text.
                if scanner.firstOperand(of: op, is: span), scanner.contains(mcid, in: op) {
                    guard k < markers.count else { throw Mismatch(found: k + 1, expected: markers.count) }
                    out += content[copied..<op.start]
                    out += markers[k].utf8
                    copied = op.end
                    k += 1
                    kept.append(true)
                } else if scanner.firstOperand(of: op, is: link) {
                    out += content[copied..<op.start]
                    copied = op.end
                    kept.append(false)
                } else {
                    kept.append(true)
                }
            } else if scanner.is(op, "BMC") {
                kept.append(true)
            } else if scanner.is(op, "EMC"), let keep = kept.popLast(), !keep {
                out += content[copied..<op.start]
                copied = op.end
            }
        }
        guard k == markers.count else { throw Mismatch(found: k, expected: markers.count) }
        out += content[copied...]
        return out
    }
}

/// Reads a content stream operator by operator.
struct ContentScanner {
    /// An operator with where its instruction starts (its first operand) and where the operator ends.
    /// Where the operator's name starts and ends (`nameStart..<end`).
    struct Operator { let nameStart: Int; let start: Int; let end: Int; let firstOperandEnd: Int? }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// The bytes must outlive the scanner.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// Whether the operator is `name` (ASCII).
    func `is`(_ op: Operator, _ name: StaticString) -> Bool {
        op.end - op.nameStart == name.utf8CodeUnitCount
            && UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).elementsEqual(b[op.nameStart..<op.end])
    }

    /// Whether the first operand is `token`, for a BDC's tag.
    func firstOperand(of op: Operator, is token: [UInt8]) -> Bool {
        guard let end = op.firstOperandEnd else { return false }
        return b[op.start..<end].elementsEqual(token)
    }

    /// Whether the instruction's bytes hold `needle`.
    func contains(_ needle: [UInt8], in op: Operator) -> Bool {
        guard let first = needle.first, op.end - op.start >= needle.count else { return false }
        var k = op.start
        while k + needle.count <= op.end {
            if b[k] == first, b[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }

    mutating func nextOperator() -> Operator? {
        var start: Int? = nil, firstEnd: Int? = nil
        while true {
            skipSpaceAndComments()
            guard i < b.count else { return nil }
            let tokenStart = i
            let isOperator = skipToken()
            if isOperator {
                if i - tokenStart == 2, b[tokenStart] == UInt8(ascii: "I"), b[tokenStart + 1] == UInt8(ascii: "D") { skipInlineImageData() }
                return Operator(nameStart: tokenStart, start: start ?? tokenStart, end: i, firstOperandEnd: start == nil ? nil : firstEnd)
            }
            if start == nil { start = tokenStart; firstEnd = i }
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0 }
    private static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
        default: false
        }
    }

    private mutating func skipSpaceAndComments() {
        while i < b.count {
            if Self.isSpace(b[i]) { i += 1 } else if b[i] == UInt8(ascii: "%") {
                while i < b.count, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            } else { return }
        }
    }

    /// Skips one token (a dictionary counts as one); true when it was an operator.
    private mutating func skipToken() -> Bool {
        switch b[i] {
        case UInt8(ascii: "("): skipLiteralString()
        case UInt8(ascii: "<"):
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: "<") { skipDictionary() } else {
                while i < b.count, b[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            }
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ">"): i += 1
        case UInt8(ascii: "/"):
            i += 1
            while i < b.count, !Self.isSpace(b[i]), !Self.isDelimiter(b[i]) { i += 1 }
        default:
            let start = i, first = b[i]
            while i < b.count, !Self.isSpace(b[i]), !Self.isDelimiter(b[i]) { i += 1 }
            let isNumber = (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            let word = b[start..<i]
            let isKeyword = (first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || first == UInt8(ascii: "n"))
                && (word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8))
            return !isNumber && !isKeyword
        }
        return false
    }

    private mutating func skipLiteralString() {
        var depth = 0
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    /// Skips `<< … >>` with what it holds, nested dictionaries and strings included.
    private mutating func skipDictionary() {
        i += 2
        while true {
            skipSpaceAndComments()
            guard i < b.count else { return }
            if b[i] == UInt8(ascii: ">"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") { i += 2; return }
            _ = skipToken()
        }
    }

    /// Inline image data runs from one space after ID to `EI` between spaces.
    private mutating func skipInlineImageData() {
        i += 1
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "E"), b[i + 1] == UInt8(ascii: "I"), i > 0, Self.isSpace(b[i - 1]),
               i + 2 == b.count || Self.isSpace(b[i + 2]) {
                i += 2
                return
            }
            i += 1
        }
        i = b.count
    }
}
