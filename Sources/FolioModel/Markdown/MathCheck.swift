/// TeX maths, which Folio does not typeset: `$…$` and `$$…$$` are set as typed, and Markdown reads `\,`, `\;` and
/// `\:` (TeX's spaces) as escaped punctuation, losing the backslash. Each is reported where it is; the text
/// stays as cmark-gfm made it.
enum MathCheck {
    /// The longest maths span looked for, in characters.
    static let maxLength = 300

    static func warnings(_ source: MarkdownSource) -> [Warning] {
        var warnings: [Warning] = []
        for (number, line, prose) in source.proseLines() {
            for range in prose {
                var i = range.lowerBound
                while i < range.upperBound {
                    if line[i] == "$", !MarkdownSource.isEscaped(line, i), let end = mathEnd(line, from: i, limit: range.upperBound) {
                        warnings.append(Warning(.unsupportedMath, "TeX maths ('\(String(String.UnicodeScalarView(line[i..<end])).prefixed(40))') is not typeset: it is set as typed; write it out in text",
                                                at: source.location(line: number, column: i + 1)))
                        i = end
                    } else if line[i] == "\\", i + 1 < range.upperBound, ",;:".unicodeScalars.contains(line[i + 1]),
                              !MarkdownSource.isEscaped(line, i) {
                        warnings.append(Warning(.unsupportedMath, "'\\\(line[i + 1])' is a TeX space, which Markdown reads as an escaped '\(line[i + 1])': it is set as '\(line[i + 1])'; type a thin space (U+2009) or a narrow no-break space (U+202F) instead",
                                                at: source.location(line: number, column: i + 1)))
                        i += 2
                    } else {
                        i += 1
                    }
                }
            }
        }
        return warnings
    }

    /// The end (exclusive) of a maths span opening at `start`, on the same line: `$$…$$`, or `$…$` as pandoc reads
    /// it (no space inside either `$`, and no digit right after the closing one, so "$5 and $10" is no maths).
    static func mathEnd(_ line: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        let display = start + 1 < limit && line[start + 1] == "$"
        let open = start + (display ? 2 : 1)
        guard open < limit, !line[open].properties.isWhitespace, line[open] != "$" else { return nil }
        var j = open + 1
        // Maths spans are short: a bound keeps a long line of lone dollars linear.
        while j < min(limit, open + maxLength) {
            if line[j] == "$", !MarkdownSource.isEscaped(line, j), !line[j - 1].properties.isWhitespace {
                if display {
                    if j + 1 < limit && line[j + 1] == "$" { return j + 2 }
                } else if j + 1 >= limit || !("0"..."9").contains(line[j + 1]) {
                    return j + 1
                } else {
                    return nil
                }
            }
            j += 1
        }
        return nil
    }
}

extension String {
    /// At most `n` characters, with an ellipsis when cut.
    func prefixed(_ n: Int) -> String { count <= n ? self : String(prefix(n)) + "…" }
}
