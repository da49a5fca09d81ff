/// Reads a text node's literal back onto its source line: which source character each literal character stands
/// for, and whether it was written escaped (`\*`). Follows what cmark-gfm does to text: backslash escapes and
/// smart punctuation (quotes, `--`, `---`, `...`). Text with an entity (`&amp;`) does not match, so the passes
/// that need the source leave it alone.
enum SourceMatch {
    struct Map {
        /// For each literal character, the index of its source character (nil for characters made from several).
        var source: [Int?]
        /// Whether the literal character comes from a backslash escape.
        var escaped: [Bool]
        /// The index after the last source character matched.
        var end: Int
    }

    static func map(_ literal: [Unicode.Scalar], onto line: [Unicode.Scalar], from start: Int) -> Map? {
        var map = Map(source: [], escaped: [], end: start)
        map.source.reserveCapacity(literal.count)
        var li = 0, si = start
        while li < literal.count {
            guard si < line.count else { return nil }
            let s = line[si], l = literal[li]
            if s == "\\", si + 1 < line.count, line[si + 1].isEscapable {
                guard l == line[si + 1] else { return nil }
                map.source.append(si + 1); map.escaped.append(true)
                li += 1; si += 2
            } else if s == "&" {
                return nil
            } else if s == l || (s == "\"" && (l == "\u{201C}" || l == "\u{201D}")) || (s == "'" && (l == "\u{2018}" || l == "\u{2019}")) {
                map.source.append(si); map.escaped.append(false)
                li += 1; si += 1
            } else if s == ".", l == "\u{2026}", si + 2 < line.count, line[si + 1] == ".", line[si + 2] == "." {
                map.source.append(nil); map.escaped.append(false)
                li += 1; si += 3
            } else if s == "-", l == "\u{2013}" || l == "\u{2014}" {
                while si < line.count, line[si] == "-" { si += 1 }
                while li < literal.count, literal[li] == "\u{2013}" || literal[li] == "\u{2014}" {
                    map.source.append(nil); map.escaped.append(false)
                    li += 1
                }
            } else {
                return nil
            }
        }
        map.end = si
        return map
    }
}

extension Unicode.Scalar {
    /// ASCII punctuation as CommonMark counts it: what a backslash can escape.
    var isEscapable: Bool { isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(self) }
}
