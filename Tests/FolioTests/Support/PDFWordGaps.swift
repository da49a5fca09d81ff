import Foundation

/// The word gaps of justified lines, measured on pdftotext's word boxes as a reader's eye meets them: for each line
/// of a paragraph (not its last) that has four words or more at the body's line height and reaches the body's right
/// edge, the widest gap between two words, in em of the body size; a list label or paragraph number that opens the
/// line is left out.
extension PDFText {
    struct WordGaps {
        /// The widest gap of each line measured, smallest first, with its page and the two words around it.
        var lines: [(gap: Double, page: Int, words: String)]
        /// The 95th percentile of the lines' widest gaps (the value at index ⌊0.95·(n−1)⌋).
        var p95: Double { lines.isEmpty ? 0 : lines[Int(0.95 * Double(lines.count - 1))].gap }
        var widest: Double { lines.last?.gap ?? 0 }
        /// The widest lines, widest first, for a failure's message.
        var worst: [String] { lines.suffix(3).reversed().map { String(format: "%.2f em p%d [%@]", $0.gap, $0.page, $0.words) } }
    }

    private static let label = try! NSRegularExpression(pattern: "^(•|–|◦|[0-9]{1,3}\\.|[0-9]{1,3}\\)|[가-힣]\\.|[a-z]\\.|[ivx]+\\.)$")

    func wordGaps(bodySize size: Double) -> WordGaps {
        let full = lines.filter { $0.count >= 4 }
        guard let body = mostCommon(full.map { halfPoint(height(of: $0)) }), let edge = bodyRightEdge else { return WordGaps(lines: []) }
        var found: [(gap: Double, page: Int, words: String)] = []
        for (number, page) in pages.enumerated() {
            for block in page.blocks where block.count >= 2 {
                for line in block.dropLast() where line.count >= 4 && abs(height(of: line) - body) <= 0.1 * body {
                    let right = line[line.count - 1].xMax
                    let hang = line[line.count - 1].text.last.map { Self.hanging.contains($0) } == true ? 4.0 : 1.5
                    guard right >= edge - 1.5, right <= edge + hang else { continue }
                    let first = line[0].text
                    let skip = Self.label.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)) != nil ? 1 : 0
                    var widest = (gap: -Double.infinity, at: skip)
                    for k in skip..<(line.count - 1) where line[k + 1].xMin - line[k].xMax > widest.gap {
                        widest = (line[k + 1].xMin - line[k].xMax, k)
                    }
                    found.append((widest.gap / size, number + 1, line[widest.at].text + " | " + line[widest.at + 1].text))
                }
            }
        }
        return WordGaps(lines: found.sorted { $0.gap < $1.gap })
    }
}
