/// The Markdown's lines, with the lines that are code (or raw HTML) marked, for the checks that read the source
/// itself: what cmark-gfm consumes without a trace (unused footnote definitions, the backslash of `\,`) or merges
/// into plain text (undefined footnote references) can only be found there. The syntax looked for is ASCII, so
/// lines stay UTF-8 bytes; a line's characters are decoded only when a pass needs them.
struct MarkdownSource {
    let file: String
    let bytes: [UInt8]
    /// The lines' byte ranges in `bytes`, without their line ends.
    let lineRanges: [Range<Int>]
    /// 1-based line numbers of code blocks and HTML blocks, which hold no Markdown syntax.
    private(set) var literalLines: [ClosedRange<Int>] = []

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var markers: [Markers] = []
        var start = 0, i = 0
        var found = Markers()
        bytes.withUnsafeBufferPointer { bytes in
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                // The line ends and everything the passes look for are below "a": one test skips most bytes.
                guard b < 0x61 else { continue }
                switch b {
                case 0x0A, 0x0D:
                    ranges.append(start..<(i - 1))
                    markers.append(found)
                    found = []
                    if b == 0x0D && i < bytes.count && bytes[i] == 0x0A { i += 1 }
                    start = i
                case UInt8(ascii: "^"): found.insert(.caret)
                case UInt8(ascii: "$"): found.insert(.dollar)
                case UInt8(ascii: "\\"): found.insert(.backslash)
                case UInt8(ascii: "`"): found.insert(.backtick)
                default: break
                }
            }
        }
        ranges.append(start..<bytes.count)
        markers.append(found)
        lineRanges = ranges
        lineMarkers = markers
        var counts: [Int] = [0]
        var count = 0
        for (k, b) in bytes.enumerated() {
            if k > 0 && k % Self.block == 0 { counts.append(count) }
            if b & 0xC0 != 0x80 { count += 1 }
        }
        if !bytes.isEmpty && bytes.count % Self.block == 0 { counts.append(count) }   // for the offset just past the end
        charactersBefore = counts
    }

    /// The characters before each `block` bytes: a column is then counted from the nearest block, not from the
    /// line's start (a line of n footnote marks cost n² to locate them all).
    private let charactersBefore: [Int]
    private static let block = 256

    /// The characters before byte `offset` of the file.
    private func characters(before offset: Int) -> Int {
        let k = offset / Self.block
        return bytes[(k * Self.block)..<offset].reduce(charactersBefore[k]) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Which of the characters the passes look for a line holds, noted while the lines are found.
    struct Markers: OptionSet {
        let rawValue: UInt8
        static let caret = Markers(rawValue: 1), dollar = Markers(rawValue: 2), backslash = Markers(rawValue: 4)
        static let backtick = Markers(rawValue: 8)
    }
    let lineMarkers: [Markers]

    /// Line `number`'s bytes (1-based; indices are those of `bytes`).
    func line(_ number: Int) -> ArraySlice<UInt8> { bytes[lineRanges[number - 1]] }

    /// Line `number`'s characters.
    func scalars(ofLine number: Int) -> [Unicode.Scalar] {
        Array(String(decoding: line(number), as: UTF8.self).unicodeScalars)
    }

    /// The 1-based character column of the byte at `offset` in line `number`.
    func column(line number: Int, byte offset: Int) -> Int {
        characters(before: offset) - characters(before: lineRanges[number - 1].lowerBound) + 1
    }

    /// Marks the lines of a code block or an HTML block, which hold no Markdown syntax (the reader meets them all).
    mutating func markLiteral(_ node: CmarkNode) {
        guard node.line >= 1 else { return }
        literalLines.append(node.line...max(node.line, node.endLine))
    }

    func location(line: Int, byte offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(line: line, byte: offset))
    }

    /// Each line that holds one of `markers` and may hold Markdown syntax, with the byte ranges of its prose:
    /// outside code spans (a backtick run up to the next run of the same length on the line).
    func proseLines(with markers: Markers) -> [(number: Int, line: ArraySlice<UInt8>, prose: [Range<Int>])] {
        var out: [(Int, ArraySlice<UInt8>, [Range<Int>])] = []
        var literal = [Bool](repeating: false, count: lineRanges.count)
        for range in literalLines { for l in range where l <= literal.count { literal[l - 1] = true } }
        for (i, found) in lineMarkers.enumerated() where !found.isDisjoint(with: markers) && !literal[i] {
            let text = line(i + 1)
            out.append((i + 1, text, found.contains(.backtick) ? Self.outsideCodeSpans(text) : [text.indices]))
        }
        return out
    }

    static func outsideCodeSpans(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        let tick = UInt8(ascii: "`")
        var ranges: [Range<Int>] = []
        var start = line.startIndex, i = line.startIndex
        // Lengths of backtick runs that no later run closes: looking again would make long lines quadratic.
        var unclosed = Set<Int>()
        while i < line.endIndex {
            if line[i] == UInt8(ascii: "\\") { i += 2; continue }
            guard line[i] == tick else { i += 1; continue }
            let open = i
            while i < line.endIndex && line[i] == tick { i += 1 }
            let length = i - open
            if unclosed.contains(length) { continue }
            var j = i, close: Int? = nil
            while j < line.endIndex {
                guard line[j] == tick else { j += 1; continue }
                let run = j
                while j < line.endIndex && line[j] == tick { j += 1 }
                if j - run == length { close = j; break }
            }
            guard let end = close else { unclosed.insert(length); continue }
            ranges.append(start..<open)
            start = end
            i = end
        }
        ranges.append(start..<line.endIndex)
        return ranges.filter { !$0.isEmpty }
    }

    /// Whether the byte at `index` is escaped by an odd number of backslashes before it on its line.
    static func isEscaped(_ line: ArraySlice<UInt8>, _ index: Int) -> Bool {
        var n = 0, j = index - 1
        while j >= line.startIndex && line[j] == UInt8(ascii: "\\") { n += 1; j -= 1 }
        return n % 2 == 1
    }

    /// Whether the character at `index` is escaped by an odd number of backslashes before it.
    static func isEscaped(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        var n = 0, j = index - 1
        while j >= 0 && line[j] == "\\" { n += 1; j -= 1 }
        return n % 2 == 1
    }
}
