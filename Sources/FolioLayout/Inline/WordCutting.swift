import FolioFonts

extension ShapedWord {
    /// The pieces of a word shaped whole, cut between hyphenation points (scalar and UTF-8 offsets from the word's
    /// start), so that a word the line does not break keeps the glyphs of its whole shaping: its ligatures and
    /// its kerning across the points ("official" keeps its ffi, "guarantee" its r–a kern). A point inside a glyph
    /// (a ligature) is dropped: the word cannot break there without reshaping. Where HarfBuzz says a cut changes
    /// the shaping (a kerning pair across it), `shapeAlone` sets the piece before it alone, and the difference goes
    /// before the hyphen when a line breaks there, as if the piece had been shaped apart.
    static func cut(_ whole: ShapedGlyphs, utf8: [UInt8], scalars: Int, at points: [(scalar: Int, byte: Int)],
                    shapeAlone: ([UInt8]) -> ShapedGlyphs) -> [Piece] {
        let glyphs = whole.glyphs
        var pieces: [Piece] = []
        var startScalar = 0, startByte = 0, startGlyph = 0
        for (k, point) in (points + [(scalars, utf8.count)]).enumerated() {
            let last = k == points.count
            // Clusters rise along a left-to-right word: the piece ends at the first glyph of the next cluster.
            var end = startGlyph
            while end < glyphs.count, Int(glyphs[end].cluster) < point.byte { end += 1 }
            if !last && (end == glyphs.count || Int(glyphs[end].cluster) != point.byte || end == startGlyph) { continue }
            var slice = Array(glyphs[startGlyph..<end])
            for i in slice.indices { slice[i].cluster -= UInt32(startByte) }
            let bytes = Array(utf8[startByte..<point.byte])
            var piece = Piece(scalars: point.scalar - startScalar, utf8: bytes, glyphs: slice,
                              advance: slice.reduce(0) { $0 + $1.advance })
            if !last, whole.unsafeToBreak.contains(UInt32(point.byte)) {
                piece.breakAdvance = shapeAlone(bytes).advance - piece.advance
            }
            pieces.append(piece)
            startScalar = point.scalar; startByte = point.byte; startGlyph = end
        }
        return pieces
    }
}
