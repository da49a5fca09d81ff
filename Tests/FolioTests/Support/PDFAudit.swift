import Foundation

/// What a reader sees of a PDF, measured on pdftotext's word boxes: lines past the margin, the source's words
/// found again, and Korean lines broken inside a word. Each check returns what it found wrong, for the message.
extension PDFText {
    /// How far a line's last word may end past the body's edge: glyphs overshoot and boxes are rounded (4 pt);
    /// punctuation and hyphens may also hang into the margin (6.5 pt in all).
    static let marginSlack = 4.0
    static let hangingSlack = 6.5
    static let hanging = Set("-\u{00AD}\u{2010}.,;:!?)\u{201D}\u{2019}\u{3001}\u{3002}")
    /// Ink this close to the paper's left or right edge is past any margin.
    static let paperMargin = 14.0

    /// The body's right edge: the commonest right end (to half a point) of full lines, that is lines of four words
    /// or more at the commonest line height. Headings, captions and table cells have other heights or are short.
    var bodyRightEdge: Double? {
        let full = lines.filter { $0.count >= 4 }
        guard let body = mostCommon(full.map { halfPoint(height(of: $0)) }) else { return nil }
        let bodyLines = full.filter { abs(height(of: $0) - body) <= 0.1 * body }
        return mostCommon(bodyLines.map { halfPoint($0[$0.count - 1].xMax) })
    }

    /// Lines whose text runs past the body's right edge or near the paper's edge, as "page N: text".
    func overfullLines() -> [String] {
        let edge = bodyRightEdge
        var found: [String] = []
        for (number, page) in pages.enumerated() {
            for line in page.blocks.joined() {
                let right = line[line.count - 1].xMax
                let slack = line[line.count - 1].text.last.map { Self.hanging.contains($0) } == true ? Self.hangingSlack : Self.marginSlack
                let pastEdge = edge.map { right > $0 + slack } ?? false
                if pastEdge || right > page.width - Self.paperMargin || line[0].xMin < Self.paperMargin {
                    found.append("page \(number + 1): \(line.map(\.text).joined(separator: " "))")
                }
            }
        }
        return found
    }

    /// The share of the source's words found in the text, counting each found word once (so a word the source
    /// has twice must be there twice); Hangul words also on their own. Lines ending in a hyphen before a lower
    /// case letter are joined, and a footnote mark may stick to its word ("countries.2").
    func recall(of source: SourceText) -> (words: Double, hangul: Double?, missing: [String]) {
        var found: [String: Int] = [:], order: [String] = []
        for word in SourceText.words(in: joinedLines().joined(separator: " ")) {
            if found[word] == nil { order.append(word) }
            found[word, default: 0] += 1
        }
        var hits = 0, hangul = 0, hangulHits = 0, missing: [String] = []
        for word in source.words {
            let isHangul = word.unicodeScalars.contains { $0.isHangul }
            if isHangul { hangul += 1 }
            let hit = found[word, default: 0] > 0 ? word : order.first { candidate in
                found[candidate, default: 0] > 0 && candidate.hasPrefix(word)
                    && String(candidate.dropFirst(word.count)).wholly(matches: "[.,;:)”’]?[0-9]{1,3}")
            }
            guard let hit else { missing.append(word); continue }
            found[hit, default: 0] -= 1
            hits += 1
            if isHangul { hangulHits += 1 }
        }
        let total = source.words.count
        return (total == 0 ? 0 : Double(hits) / Double(total), hangul == 0 ? nil : Double(hangulHits) / Double(hangul), missing)
    }

    /// Korean lines broken inside a word: a line ending in a Hangul syllable followed, in the same block, by one
    /// starting with a Hangul syllable, where the source has the last syllables of the one and the first of the
    /// other together but never with a space between. Returned as "tail|head".
    func koreanBreaksInsideWords(source: SourceText) -> [String] {
        var found: [String] = []
        for block in pages.flatMap(\.blocks) {
            for (line, next) in zip(block, block.dropFirst()) {
                let end = line[line.count - 1].text, start = next[0].text
                guard end.unicodeScalars.last?.isHangulSyllable == true, start.unicodeScalars.first?.isHangulSyllable == true else { continue }
                let tail = String(String.UnicodeScalarView(end.unicodeScalars.suffix(3)))
                let head = String(String.UnicodeScalarView(start.unicodeScalars.prefix(3)))
                if source.flat.contains(tail + head) && !source.flat.contains(tail + " " + head) {
                    found.append("\(tail)|\(head)")
                }
            }
        }
        return found
    }

    /// The text of each line, a line that ends in a hyphen joined to the next when that starts in lower case.
    private func joinedLines() -> [String] {
        var joined: [String] = []
        for line in lines.map({ $0.map(\.text).joined(separator: " ") }) {
            if let last = joined.last, last.hasSuffix("-"), line.first?.isLowercase == true {
                joined[joined.count - 1] = String(last.dropLast()) + line
            } else {
                joined.append(line)
            }
        }
        return joined
    }

    func height(of line: Line) -> Double {
        let heights = line.map { $0.yMax - $0.yMin }.sorted()
        let middle = heights.count / 2
        return heights.count % 2 == 1 ? heights[middle] : (heights[middle - 1] + heights[middle]) / 2
    }

    func halfPoint(_ x: Double) -> Double { (x * 2).rounded(.toNearestOrEven) / 2 }

    /// The value met most often; of two met as often, the one met first.
    func mostCommon(_ values: [Double]) -> Double? {
        var counts: [Double: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var best: Double?, bestCount = 0
        for v in values where counts[v]! > bestCount { (best, bestCount) = (v, counts[v]!) }
        return best
    }
}
