/// The Markdown's lines as characters, with the lines that are code (or raw HTML) marked, for the checks that
/// read the source itself: what cmark-gfm consumes without a trace (unused footnote definitions, the backslash
/// of `\,`) or merges into plain text (undefined footnote references) can only be found there.
struct MarkdownSource {
    let file: String
    /// Lines without their line end.
    let lines: [[Unicode.Scalar]]
    /// 1-based line numbers inside code blocks and HTML blocks, which hold no Markdown syntax.
    private(set) var literalLines = Set<Int>()

    init(bytes: [UInt8], file: String) {
        self.file = file
        var lines: [[Unicode.Scalar]] = [[]]
        var previousCR = false
        for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if s == "\n" {
                if !previousCR { lines.append([]) }
            } else if s == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(s)
            }
            previousCR = s == "\r"
        }
        self.lines = lines
    }

    /// Marks the lines of the code blocks and HTML blocks under `node`.
    mutating func markLiteralBlocks(in node: CmarkNode) {
        for child in node.children {
            switch child.kind {
            case "code_block", "html_block":
                if child.line >= 1 { for l in child.line...max(child.line, child.endLine) { literalLines.insert(l) } }
            case "paragraph", "heading", "table", "thematic_break":
                continue
            default:
                markLiteralBlocks(in: child)
            }
        }
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Each line that may hold Markdown syntax with the character ranges of its prose: outside code spans (a
    /// backtick run up to the next run of the same length on the line) and not after a backslash's reach.
    func proseLines() -> [(number: Int, line: [Unicode.Scalar], prose: [Range<Int>])] {
        var out: [(Int, [Unicode.Scalar], [Range<Int>])] = []
        for (i, line) in lines.enumerated() where !literalLines.contains(i + 1) {
            out.append((i + 1, line, Self.outsideCodeSpans(line)))
        }
        return out
    }

    static func outsideCodeSpans(_ line: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, i = 0
        // Lengths of backtick runs that no later run closes: looking again would make long lines quadratic.
        var unclosed = Set<Int>()
        while i < line.count {
            if line[i] == "\\" { i += 2; continue }
            guard line[i] == "`" else { i += 1; continue }
            let open = i
            while i < line.count && line[i] == "`" { i += 1 }
            let length = i - open
            if unclosed.contains(length) { continue }
            var j = i, close: Int? = nil
            while j < line.count {
                guard line[j] == "`" else { j += 1; continue }
                let run = j
                while j < line.count && line[j] == "`" { j += 1 }
                if j - run == length { close = j; break }
            }
            guard let end = close else { unclosed.insert(length); continue }
            ranges.append(start..<open)
            start = end
            i = end
        }
        ranges.append(start..<line.count)
        return ranges.filter { !$0.isEmpty }
    }

    /// Whether the character at `index` is escaped by an odd number of backslashes before it.
    static func isEscaped(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        var n = 0, j = index - 1
        while j >= 0 && line[j] == "\\" { n += 1; j -= 1 }
        return n % 2 == 1
    }
}
