import FolioDisplay
import FolioFonts

/// How glyphs' clusters and text go into a run (`RunAssembler.add`), right-to-left pieces included.
extension RunAssembler {
    /// Appends the glyphs' clusters to `out`: grouped by HarfBuzz cluster (a UTF-8 byte offset, non-decreasing for
    /// left-to-right text) into byte/glyph counts; text that maps oddly falls back to one cluster for the whole box.
    static func appendClusters(_ glyphs: [ShapedGlyph], byteCount: Int, to out: inout [TextCluster]) {
        guard !glyphs.isEmpty else {
            if byteCount > 0 { out.append(TextCluster(bytes: byteCount, glyphs: 0)) }
            return
        }
        let mark = out.count
        var i = 0
        var monotone = glyphs[0].cluster == 0
        while i < glyphs.count && monotone {
            let start = glyphs[i].cluster
            var j = i + 1
            while j < glyphs.count, glyphs[j].cluster == start { j += 1 }
            let end = j < glyphs.count ? Int(glyphs[j].cluster) : byteCount
            if end <= Int(start) { monotone = false; break }
            out.append(TextCluster(bytes: end - Int(start), glyphs: j - i))
            i = j
        }
        if !monotone {
            out.removeSubrange(mark...)
            out.append(TextCluster(bytes: byteCount, glyphs: glyphs.count))
        }
    }

    /// Adds a right-to-left piece at `x`, on the left of the current run, which it ends at: its glyphs (shaped, or a
    /// space given as `placed`) go before the run's, and its text before the run's text.
    mutating func prepend(_ placed: [PlacedGlyph], shaped: [ShapedGlyph]?, utf8: [UInt8], scale: Double, x: Double) {
        guard var run = current.take() else { return }
        var glyphs: [PlacedGlyph] = []
        glyphs.reserveCapacity(placed.count + run.glyphs.count)
        if let shaped {
            var pen = 0.0
            for g in shaped {
                glyphs.append(PlacedGlyph(id: g.id, x: pen + Double(g.xOffset) * scale, y: -Double(g.yOffset) * scale))
                pen += Double(g.advance) * scale
            }
        } else {
            glyphs = placed
        }
        let shift = run.origin.x - x
        for var g in run.glyphs { g.x += shift; glyphs.append(g) }
        let clusters = shaped.map { Self.rightToLeftClusters($0, utf8: utf8) } ?? [TextCluster(bytes: utf8.count, glyphs: placed.count)]
        run.glyphs = glyphs
        run.clusters = clusters + run.clusters
        text = Self.visualText(utf8) + text
        run.origin.x = x
        run.width += shift
        current = run
    }

    /// The clusters of right-to-left glyphs (in visual order, as shaped) for their text written in visual order.
    static func rightToLeftClusters(_ glyphs: [ShapedGlyph], utf8: [UInt8]) -> [TextCluster] {
        var clusters: [TextCluster] = []
        let logical = Array(glyphs.reversed())
        appendClusters(logical, byteCount: utf8.count, to: &clusters)
        return splitClusters(utf8, clusters[...], glyphs: logical).reversed()
    }

    /// Clusters of several glyphs split into one cluster per glyph where each glyph that advances stands for one
    /// letter (with the marks after it) and the others (marks drawn apart) for no text: Noto Naskh draws lam-alef as
    /// two glyphs and a letter with tanwin as a letter and a mark. A cluster of several glyphs needs an ActualText
    /// span, and a mark mapped to its own character is read on a line of its own (it sits higher); `glyphs` are in
    /// logical order.
    static func splitClusters(_ utf8: [UInt8], _ clusters: ArraySlice<TextCluster>, glyphs: [ShapedGlyph]) -> [TextCluster] {
        var out: [TextCluster] = []
        out.reserveCapacity(clusters.count)
        var start = 0, g = 0
        for cluster in clusters {
            let begin = min(start, utf8.count), end = min(utf8.count, start + cluster.bytes)
            let own = glyphs[min(g, glyphs.count)..<min(glyphs.count, g + cluster.glyphs)]
            start = end; g += cluster.glyphs
            if own.count == 1, own.first!.advance == 0, end > begin, let last = out.indices.last, out[last].bytes > 0,
               String(decoding: utf8[begin..<end], as: UTF8.self).unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                // A mark in a cluster of its own (tanwin, shadda) is read with its letter.
                out[last].bytes += end - begin
                out.append(TextCluster(bytes: 0, glyphs: 1))
                continue
            }
            guard own.count > 1 else { out.append(cluster); continue }
            var letters: [Int] = []   // UTF-8 length of each letter with its marks
            for scalar in String(decoding: utf8[begin..<end], as: UTF8.self).unicodeScalars {
                if scalar.properties.generalCategory == .nonspacingMark, !letters.isEmpty { letters[letters.count - 1] += scalar.utf8.count }
                else { letters.append(scalar.utf8.count) }
            }
            guard own.filter({ $0.advance != 0 }).count == letters.count else { out.append(cluster); continue }
            var next = 0
            for glyph in own {
                if glyph.advance != 0 { out.append(TextCluster(bytes: letters[next], glyphs: 1)); next += 1 }
                else { out.append(TextCluster(bytes: 0, glyphs: 1)) }
            }
        }
        return out
    }

    /// Right-to-left text written as it is drawn: glyphs and characters in visual order, each glyph mapped to its
    /// characters. Readers build words from glyphs that follow each other left to right and turn right-to-left words
    /// round (poppler does); glyphs written in logical order, each to the left of the one before, come apart into
    /// letters. A cluster of several characters (lam-alef in one glyph) is reversed with the rest, since such a reader
    /// shares out a glyph's box among its characters left to right.
    static func visualText(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for s in String(decoding: utf8, as: UTF8.self).unicodeScalars.reversed() { out.append(contentsOf: s.utf8) }
        return out
    }
}
