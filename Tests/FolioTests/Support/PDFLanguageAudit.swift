import Foundation

/// Checks of editions in other scripts, on pdftotext's word boxes: Chinese and Japanese kinsoku and letter-space,
/// character recall, and word gaps of justified text. The character sets are JLREQ's and CLREQ's, written out here
/// apart from Folio's own.
extension PDFText {
    /// JLREQ cl-02, cl-04 to cl-07 and the strict set of small kana (cl-11), with CLREQ's closing marks.
    static let forbiddenStarts = Set("、。，．）」』〉》】〕〗〙｝］？！：；・ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
    /// JLREQ cl-01: opening brackets.
    static let forbiddenEnds = Set("（「『〈《【〔〖〘｛［")
    /// Full-width marks whose blank half is taken out where two meet.
    static let closingMarks = Set("、。，．）」』〉》】〕〗〙｝］")
    static let openingMarks = Set("（「『〈《【〔〖〘｛［")

    /// An ideograph, kana or full-width mark: set on the em grid.
    static func isGridCharacter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x3001...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xFF01...0xFF60).contains(v)
    }

    /// Lines that start with a character that may not start one, or end with one that may not end one, as
    /// "page N: text".
    func kinsokuViolations() -> [String] {
        var found: [String] = []
        for (number, page) in pages.enumerated() {
            for line in page.blocks.flatMap(Self.visualLines) {
                let text = line.map(\.text).joined(separator: " ")
                if let first = text.first, Self.forbiddenStarts.contains(first) { found.append("page \(number + 1) starts: \(text)") }
                if let last = text.last, Self.forbiddenEnds.contains(last) { found.append("page \(number + 1) ends: \(text)") }
            }
        }
        return found
    }

    /// A block's lines with those on one baseline joined: pdftotext starts a new line where a glyph steps back
    /// over the one before, as a compressed 。 does after ）.
    static func visualLines(_ block: [Line]) -> [Line] {
        var out: [Line] = []
        for line in block {
            if let last = out.last?.last, let first = line.first, abs(last.yMax - first.yMax) < 0.5 {
                out[out.count - 1] += line
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// Lines of a block other than its last that stop short of `edge` by more than `slack`: where lines break
    /// only at spaces, Chinese and Japanese lines end wherever the last space was.
    func shortInnerLines(edge: Double, slack: Double) -> [String] {
        pages.flatMap(\.blocks).flatMap { block -> [String] in
            let lines = Self.visualLines(block)
            return lines.dropLast().filter { $0.map(\.text).joined().count >= 20 && $0[$0.count - 1].xMax < edge - slack }
                .map { $0.map(\.text).joined(separator: " ") }
        }
    }

    /// The widest space between two grid characters, in em of `size`, over the body's lines (the words as tall as
    /// most): every kern of a line is stretched alike, so a run of n grid characters w wide has gaps of
    /// (w − n·size + taken out) / (n − 1) (runs of fewer than four characters are too short to tell), and between
    /// two words of one line ending and starting with grid characters the gap is the space between their boxes.
    func widestGridGap(size: Double) -> (em: Double, word: String) {
        let words = lines.flatMap { $0 }
        let heights = words.map { (($0.yMax - $0.yMin) * 2).rounded() / 2 }
        var counts: [Double: Int] = [:]
        for h in heights { counts[h, default: 0] += 1 }
        guard let body = counts.max(by: { $0.value < $1.value })?.key else { return (0, "") }
        var widest = (em: 0.0, word: "")
        for (word, height) in zip(words, heights) where abs(height - body) < 0.5 {
            let chars = Array(word.text)
            guard chars.count >= 4, chars.allSatisfy(Self.isGridCharacter) else { continue }
            var takenOut = 0.0
            for (a, b) in zip(chars, chars.dropFirst()) where (Self.closingMarks.contains(a) || Self.openingMarks.contains(a))
                && (Self.closingMarks.contains(b) || Self.openingMarks.contains(b)) && (Self.closingMarks.contains(a) || Self.openingMarks.contains(b)) {
                takenOut += 0.5 * size
            }
            let gap = (word.xMax - word.xMin - Double(chars.count) * size + takenOut) / Double(chars.count - 1) / size
            if gap > widest.em { widest = (gap, word.text) }
        }
        // pdftotext makes separate words of characters set further apart than about an eighth of an em: the space
        // between two such words of one line is the gap itself.
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) where abs((a.yMax - a.yMin) - body) < 0.5 && abs(a.yMax - b.yMax) < 0.5 {
                guard let x = a.text.last, let y = b.text.first, Self.isGridCharacter(x), Self.isGridCharacter(y) else { continue }
                let gap = (b.xMin - a.xMax) / size
                if gap > widest.em { widest = (gap, a.text + "|" + b.text) }
            }
        }
        return widest
    }

    /// The share of the source's ideographs and kana found in the text (each counted as often as it occurs).
    func characterRecall(of markdown: String) -> Double {
        func counts(_ s: String) -> [Character: Int] {
            var out: [Character: Int] = [:]
            for c in s where Self.isGridCharacter(c) && !Self.closingMarks.contains(c) && !Self.openingMarks.contains(c) { out[c, default: 0] += 1 }
            return out
        }
        let source = counts(markdown), found = counts(lines.flatMap { $0 }.map(\.text).joined())
        let total = source.values.reduce(0, +)
        let hits = source.reduce(0) { $0 + min($1.value, found[$1.key] ?? 0) }
        return total == 0 ? 0 : Double(hits) / Double(total)
    }

    /// The widest space between two words of a line, as a share of the line's height, over lines of four words or
    /// more that reach the body's right edge (justified lines; pdfaudit's "widest gap per line height").
    func widestWordGapPerLineHeight() -> (ratio: Double, line: String) {
        guard let edge = bodyRightEdge else { return (0, "") }
        var widest = (ratio: 0.0, line: "")
        for line in lines where line.count >= 4 && abs(line[line.count - 1].xMax - edge) < 2 {
            let height = line.map { $0.yMax - $0.yMin }.sorted()[line.count / 2]
            for (a, b) in zip(line, line.dropFirst()) where b.xMin - a.xMax > widest.ratio * height {
                widest = ((b.xMin - a.xMax) / height, line.map(\.text).joined(separator: " "))
            }
        }
        return widest
    }
}
