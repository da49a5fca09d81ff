import FolioFonts

extension ShapedWord {
    /// The pieces of a word shaped whole, cut at its hyphenation points (scalar and UTF-8 offsets from the word's
    /// start), so that a word the line does not break keeps the glyphs of its whole shaping: its ligatures and its
    /// kerning across the points ("official" keeps its ffi, "guarantee" its r–a kern).
    ///
    /// A point between two glyphs cuts the glyphs there. Where HarfBuzz says the cut changes the shaping (a kerning
    /// pair across it), `shapeAlone` sets the piece before it alone, and the difference goes before the hyphen when a
    /// line breaks there, as if the piece had been shaped apart. A point inside a glyph (a ligature) makes that
    /// glyph's text a discretionary piece, as in TeX: the ligature unbroken, the two parts shaped alone when broken
    /// ("o" + ffi + "cial", or "of-" / "ficial"). A point inside a ligature that ends the word is not used.
    static func cut(_ whole: ShapedGlyphs, utf8: [UInt8], scalars: Int, at points: [(scalar: Int, byte: Int)],
                    shapeAlone: ([UInt8]) -> ShapedGlyphs) -> [Piece] {
        let glyphs = whole.glyphs
        var pieces: [Piece] = []
        var startScalar = 0, startByte = 0, startGlyph = 0
        var cutAtStart = false
        // Scalars before a byte offset (a word is short: counting is cheaper than a table).
        func scalar(at byte: Int) -> Int { utf8[..<byte].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        func slice(_ range: Range<Int>, bytes: Range<Int>) -> [ShapedGlyph] {
            var out = Array(glyphs[range])
            for i in out.indices { out[i].cluster -= UInt32(bytes.lowerBound) }
            return out
        }
        // Appends the plain piece from the current start to `endByte` (ending before glyph `endGlyph`).
        func close(at endByte: Int, endGlyph: Int, endScalar: Int) {
            guard endByte > startByte else { return }
            let piece = slice(startGlyph..<endGlyph, bytes: startByte..<endByte)
            pieces.append(Piece(scalars: endScalar - startScalar, utf8: Array(utf8[startByte..<endByte]), glyphs: piece,
                                advance: piece.reduce(0) { $0 + $1.advance }, cutBefore: cutAtStart))
            startByte = endByte; startScalar = endScalar; startGlyph = endGlyph
            cutAtStart = false
        }
        for point in points where point.byte > startByte || (point.byte == startByte && !pieces.isEmpty) {
            var g = startGlyph
            while g < glyphs.count, Int(glyphs[g].cluster) < point.byte { g += 1 }
            if g < glyphs.count, Int(glyphs[g].cluster) == point.byte {
                // Between two glyphs.
                close(at: point.byte, endGlyph: g, endScalar: point.scalar)
                if let last = pieces.indices.last, whole.unsafeToBreak.contains(UInt32(point.byte)) {
                    pieces[last].breakAdvance = shapeAlone(pieces[last].utf8).advance - pieces[last].advance
                }
                cutAtStart = true
                continue
            }
            // Inside glyph g - 1: its text runs from its cluster to the next glyph's.
            guard g > startGlyph, g < glyphs.count else { continue }
            let spanStart = Int(glyphs[g - 1].cluster), spanEnd = Int(glyphs[g].cluster)
            var first = g - 1
            while first > startGlyph, Int(glyphs[first - 1].cluster) == spanStart { first -= 1 }
            close(at: spanStart, endGlyph: first, endScalar: scalar(at: spanStart))
            let endScalar = scalar(at: spanEnd)
            let nobreak = slice(first..<g, bytes: spanStart..<spanEnd)
            let preBytes = Array(utf8[spanStart..<point.byte]), postBytes = Array(utf8[point.byte..<spanEnd])
            let pre = shapeAlone(preBytes), post = shapeAlone(postBytes)
            var piece = Piece(scalars: endScalar - startScalar, utf8: Array(utf8[spanStart..<spanEnd]), glyphs: nobreak,
                              advance: nobreak.reduce(0) { $0 + $1.advance }, cutBefore: cutAtStart)
            piece.split = Piece.Split(pre: ShapedText(utf8: preBytes, glyphs: pre.glyphs, advance: pre.advance),
                                      post: ShapedText(utf8: postBytes, glyphs: post.glyphs, advance: post.advance))
            pieces.append(piece)
            startByte = spanEnd; startScalar = endScalar; startGlyph = g
            cutAtStart = false
        }
        close(at: utf8.count, endGlyph: glyphs.count, endScalar: scalars)
        return pieces
    }
}
