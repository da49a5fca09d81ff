/// CommonMark's emphasis with the CJK-friendly amendment (see `CJKFlanking`), as a pass after cmark-gfm: the
/// `*`, `**` and `_` runs cmark-gfm left as text are found again in the source (an escaped `\*` is text, not a
/// run), judged by the amended flanking rules, and paired by CommonMark's algorithm within their container
/// (a paragraph, a heading, a cell, or the inside of an emphasis or link). Pairs cmark-gfm already made stay:
/// a run it used cannot pair again, so where the standard rules paired differently the pass does not undo it.
enum CJKEmphasis {
    /// The most runs paired in one container.
    static let maxRuns = 400

    /// A delimiter run within a text node's literal, in characters.
    struct Run {
        var delimiter: Unicode.Scalar
        var offset: Int
        var length: Int
        /// The length of the whole run in the source, for the rule of three.
        var sourceLength: Int
        var verdict: CJKFlanking.Verdict
    }

    /// A text node as the reader met it: its literal, where cmark-gfm says it starts (line, byte column), and
    /// whether a line's edge is right before or after it (the block's start or end, or a line break).
    struct TextNode {
        var literal: String
        var line: Int
        var column: Int
        var atLineStart: Bool
        var atLineEnd: Bool
    }

    /// The runs of a text node, or [] when its literal cannot be matched against the source.
    static func runs(of node: TextNode, in source: MarkdownSource) -> [Run] {
        guard node.line >= 1, node.line <= source.lineRanges.count else { return [] }
        let line = source.scalars(ofLine: node.line)
        let literal = Array(node.literal.unicodeScalars)
        guard let start = scalarIndex(line, byteColumn: node.column) else { return [] }
        // cmark-gfm counts the columns of a paragraph's later lines without their indentation: try a few starts.
        for candidate in start...min(start + 8, line.count) {
            guard let map = SourceMatch.map(literal, onto: line, from: candidate) else { continue }
            return delimiterRuns(literal, line: line, map: map, node: node, sliceStart: candidate)
        }
        return []
    }

    /// The character index in `line` of a 1-based byte column.
    static func scalarIndex(_ line: [Unicode.Scalar], byteColumn: Int) -> Int? {
        var bytes = 0
        for (i, s) in line.enumerated() {
            if bytes == byteColumn - 1 { return i }
            bytes += UTF8.width(s)
        }
        return bytes == byteColumn - 1 ? line.count : nil
    }

    /// Groups the literal's delimiter characters that stand for unescaped source characters into runs.
    static func delimiterRuns(_ literal: [Unicode.Scalar], line: [Unicode.Scalar], map: SourceMatch.Map, node: TextNode,
                              sliceStart: Int) -> [Run] {
        var runs: [Run] = []
        var i = 0
        while i < literal.count {
            let c = literal[i]
            guard c == "*" || c == "_", let at = map.source[i], !map.escaped[i] else { i += 1; continue }
            var j = i + 1
            while j < literal.count, literal[j] == c, map.source[j] == at + (j - i), !map.escaped[j] { j += 1 }
            // The whole run as cmark-gfm scanned it, part of which it may have used.
            var a = at, b = at + (j - i)
            while a > 0, line[a - 1] == c, !MarkdownSource.isEscaped(line, a - 1) { a -= 1 }
            while b < line.count, line[b] == c { b += 1 }
            let before: [Unicode.Scalar] = node.atLineStart && a <= sliceStart ? [] : Array(line[max(0, a - 2)..<a].reversed())
            let after: Unicode.Scalar? = node.atLineEnd && b >= map.end ? nil : (b < line.count ? line[b] : nil)
            runs.append(Run(delimiter: c, offset: i, length: j - i, sourceLength: b - a,
                            verdict: CJKFlanking.verdict(delimiter: c, before: before, after: after)))
            i = j
        }
        return runs
    }

    /// A container's inlines with the amended pairs made, or nil when no new pair forms (the inlines stay as
    /// they are). `runs` gives the runs of the text inlines by index.
    static func pair(_ inlines: [Inline], runs: [Int: [Run]]) -> [Inline]? {
        // Each closer looks back over the runs before it: past this many in one container the text stays as typed.
        guard runs.values.reduce(0, { $0 + $1.count }) <= maxRuns else { return nil }
        var items: [EmphasisItem] = []
        for (i, inline) in inlines.enumerated() {
            guard let textRuns = runs[i], !textRuns.isEmpty, case .text(let text) = inline else { items.append(.inline(inline)); continue }
            let scalars = Array(text.unicodeScalars)
            var last = 0
            for run in textRuns {
                if run.offset > last { items.append(.inline(.text(String(String.UnicodeScalarView(scalars[last..<run.offset]))))) }
                items.append(.run(run))
                last = run.offset + run.length
            }
            if last < scalars.count { items.append(.inline(.text(String(String.UnicodeScalarView(scalars[last...]))))) }
        }
        var paired = false
        var closer = 0
        while closer < items.count {
            guard case .run(let c) = items[closer], c.verdict.canClose, let opener = opener(for: c, in: items, before: closer),
                  case .run(let o) = items[opener] else { closer += 1; continue }
            paired = true
            closer = EmphasisItem.wrap(&items, opener: opener, o, closer: closer, c)
        }
        return paired ? EmphasisItem.inlines(items) : nil
    }

    /// The nearest run before `closer` that can open for it (same delimiter, the rule of three).
    static func opener(for c: Run, in items: [EmphasisItem], before closer: Int) -> Int? {
        var i = closer - 1
        while i >= 0 {
            if case .run(let o) = items[i], o.delimiter == c.delimiter, o.verdict.canOpen {
                let both = o.verdict.canClose || c.verdict.canOpen
                let ruleOfThree = both && (o.sourceLength + c.sourceLength) % 3 == 0 && (o.sourceLength % 3 != 0 || c.sourceLength % 3 != 0)
                if !ruleOfThree { return i }
            }
            i -= 1
        }
        return nil
    }
}

/// An inline, or a delimiter run still to pair.
enum EmphasisItem {
    case inline(Inline)
    case run(CJKEmphasis.Run)

    /// Pairs `opener` and `closer`: up to two characters of each make emphasis (one) or strong emphasis (two)
    /// around the items between, whose runs become text. Returns the index to look for a closer from next.
    static func wrap(_ items: inout [EmphasisItem], opener: Int, _ o: CJKEmphasis.Run, closer: Int, _ c: CJKEmphasis.Run) -> Int {
        let use = o.length >= 2 && c.length >= 2 ? 2 : 1
        let inner = inlines(Array(items[(opener + 1)..<closer]))
        var middle: [EmphasisItem] = []
        var o = o, c = c
        o.length -= use
        c.length -= use
        if o.length > 0 { middle.append(.run(o)) }
        middle.append(.inline(use == 2 ? .strong(inner) : .emphasis(inner)))
        if c.length > 0 { middle.append(.run(c)) }
        items.replaceSubrange(opener...closer, with: middle)
        // A closer with characters left tries again; otherwise go on after the new emphasis.
        return opener + middle.count - (c.length > 0 ? 1 : 0)
    }

    /// The items as inlines: runs left become their characters, and neighbouring texts join.
    static func inlines(_ items: [EmphasisItem]) -> [Inline] {
        var out: [Inline] = []
        for item in items {
            let inline: Inline
            switch item {
            case .inline(let i): inline = i
            case .run(let r): inline = .text(String(repeating: String(r.delimiter), count: r.length))
            }
            if case .text(let t) = inline, let last = out.last, case .text(let previous) = last {
                out[out.count - 1] = .text(previous + t)
            } else {
                out.append(inline)
            }
        }
        return out
    }
}
