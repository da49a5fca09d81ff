/// TeX maths, which Folio does not typeset: `$…$` and `$$…$$` are set as typed, and Markdown reads `\,`, `\;` and
/// `\:` (TeX's spaces) as escaped punctuation, losing the backslash. Each is reported where it is; the text
/// stays as cmark-gfm made it.
enum MathCheck {
    /// The longest maths span looked for, in characters.
    static let maxLength = 300

    static func warnings(_ source: MarkdownSource) -> [Warning] {
        let (dollar, backslash) = (UInt8(ascii: "$"), UInt8(ascii: "\\"))
        var warnings: [Warning] = []
        for (number, line, prose) in source.proseLines(with: [.dollar, .backslash]) {
            for range in prose {
                var i = range.lowerBound
                while i < range.upperBound {
                    if line[i] == dollar, !MarkdownSource.isEscaped(line, i), let end = mathEnd(line, from: i, limit: range.upperBound) {
                        let math = String(decoding: line[i..<end], as: UTF8.self).prefixed(40)
                        warnings.append(Warning(.unsupportedMath, "TeX maths ('\(math)') is not typeset: it is set as typed; write it out in text",
                                                at: source.location(line: number, byte: i)))
                        i = end
                    } else if line[i] == backslash, i + 1 < range.upperBound, [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(line[i + 1]),
                              !MarkdownSource.isEscaped(line, i) {
                        let c = Character(Unicode.Scalar(line[i + 1]))
                        warnings.append(Warning(.unsupportedMath, "'\\\(c)' is a TeX space, which Markdown reads as an escaped '\(c)': it is set as '\(c)'; type a thin space (U+2009) or a narrow no-break space (U+202F) instead",
                                                at: source.location(line: number, byte: i)))
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
    static func mathEnd(_ line: ArraySlice<UInt8>, from start: Int, limit: Int) -> Int? {
        let dollar = UInt8(ascii: "$")
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 }
        let display = start + 1 < limit && line[start + 1] == dollar
        let open = start + (display ? 2 : 1)
        guard open < limit, !isSpace(line[open]), line[open] != dollar else { return nil }
        var j = open + 1
        // Maths spans are short: a bound keeps a long line of lone dollars linear.
        while j < min(limit, open + maxLength) {
            if line[j] == dollar, !MarkdownSource.isEscaped(line, j), !isSpace(line[j - 1]) {
                if display {
                    if j + 1 < limit && line[j + 1] == dollar { return j + 2 }
                } else if j + 1 >= limit || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[j + 1]) {
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
