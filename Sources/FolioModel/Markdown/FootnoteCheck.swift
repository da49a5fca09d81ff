/// Footnote references and definitions that do not meet: cmark-gfm sets a reference without a definition as
/// typed (`[^missing]`) and drops a definition nothing refers to, both silently. Found in the source, since
/// neither leaves a node behind; the text is left as cmark-gfm made it.
struct FootnoteCheck {
    /// `[^label]` on a line, and whether it opens the line's content (a definition's place).
    struct Label {
        var name: String
        var line: Int
        /// The byte offset of its `[` in the source.
        var offset: Int
        var isDefinition: Bool
        /// Labels match case-insensitively, as cmark-gfm matches them.
        var key: String { name.lowercased() }
    }

    /// Warnings for the source, given the lines of the definitions cmark-gfm kept.
    static func warnings(_ source: MarkdownSource, keptDefinitionLines: Set<Int>) -> [Warning] {
        let labels = scan(source)
        let defined = Set(labels.filter(\.isDefinition).map(\.key))
        let referred = Set(labels.filter { !$0.isDefinition }.map(\.key))
        var warnings: [Warning] = []
        var seen = Set<String>()
        for label in labels {
            let at = source.location(line: label.line, byte: label.offset)
            if label.isDefinition {
                let first = seen.insert(label.key).inserted
                guard !keptDefinitionLines.contains(label.line) else { continue }
                if !first {
                    warnings.append(Warning(.unusedFootnote, "footnote '[^\(label.name)]' is defined a second time: this definition is left out", at: at))
                } else if !referred.contains(label.key) {
                    warnings.append(Warning(.unusedFootnote, "footnote '[^\(label.name)]' is defined but never referred to: its note is left out", at: at))
                }
            } else if !defined.contains(label.key) {
                warnings.append(Warning(.undefinedFootnote, "footnote reference '[^\(label.name)]' has no definition: it is set as typed; add '[^\(label.name)]: …' or remove it", at: at))
            }
        }
        return warnings
    }

    /// Every `[^label]` outside code, in reading order.
    static func scan(_ source: MarkdownSource) -> [Label] {
        let (open, caret, close, colon) = (UInt8(ascii: "["), UInt8(ascii: "^"), UInt8(ascii: "]"), UInt8(ascii: ":"))
        var out: [Label] = []
        for (number, line, prose) in source.proseLines(with: .caret) {
            let contentStart = line.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: ">") } ?? line.endIndex
            for range in prose {
                var i = range.lowerBound
                while i + 1 < range.upperBound {
                    guard line[i] == open, line[i + 1] == caret, !MarkdownSource.isEscaped(line, i) else { i += 1; continue }
                    var j = i + 2
                    while j < range.upperBound, line[j] != close, line[j] != open, line[j] != 0x20, line[j] != 0x09 { j += 1 }
                    guard j < range.upperBound, line[j] == close, j > i + 2 else { i += 1; continue }
                    let definition = i == contentStart && j + 1 < line.endIndex && line[j + 1] == colon
                    out.append(Label(name: String(decoding: line[(i + 2)..<j], as: UTF8.self), line: number, offset: i,
                                     isDefinition: definition))
                    i = j + 1
                }
            }
        }
        return out
    }
}
