import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import FolioFonts
import FolioUnicode

@Suite("fontconfig, HarfBuzz faces and shaping")
struct FontTests {
    let locator = Fixtures.engine.fonts.locator

    @Test func locatesTheKoreanFaceInsideTheCollection() throws {
        let found = try #require(locator.locate(family: "Noto Serif CJK KR", bold: false, italic: false))
        #expect(found.path.hasSuffix(".ttc"))
        let face = try Fixtures.engine.fonts.face(for: found)
        #expect(face.covers("한"))
        #expect(face.metrics.unitsPerEm == 1000)
    }

    @Test func refusesSubstitutedFamilies() {
        #expect(locator.locate(family: "No Such Family 123", bold: false, italic: false) == nil)
    }

    @Test func reportsBoldAvailability() throws {
        let bold = try #require(locator.locate(family: "Noto Serif", bold: true, italic: false))
        #expect(bold.isBold)
    }

    @Test func shapesLigaturesWithClusters() throws {
        let face = try Fixtures.engine.fonts.face(for: #require(locator.locate(family: "Noto Serif", bold: false, italic: false)))
        let shaped = face.shape(utf8: Array("official".utf8), script: .latin, language: "en")
        #expect(shaped.glyphs.count < 8, "ffi should be a ligature")
        #expect(shaped.glyphs.first?.cluster == 0)
        #expect(shaped.glyphs.map(\.cluster) == shaped.glyphs.map(\.cluster).sorted())
    }

    @Test func coverageMatchesTheCharacterMap() throws {
        // Coverage is read from the cmap by ranges; shaping a lone letter (glyph 0 when unmapped) checks it. Letters
        // with a canonical decomposition are left out: HarfBuzz shapes them through it (U+212A KELVIN SIGN as K).
        for family in ["Noto Serif CJK KR", "Noto Serif"] {
            let face = try Fixtures.engine.fonts.face(for: #require(locator.locate(family: family, bold: false, italic: false)))
            var checked = 0
            for v in stride(from: 0x41, to: 0xFFFF, by: 5) {
                guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic,
                      scalar.properties.generalCategory != .format,
                      String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]) else { continue }
                let shaped = face.shape(utf8: Array(String(scalar).utf8), script: .common, language: "und")
                let mapped = shaped.glyphs.count == 1 && shaped.glyphs[0].id != 0
                #expect(face.covers(scalar) == mapped, "\(family) U+\(String(v, radix: 16, uppercase: true))")
                checked += 1
            }
            #expect(checked > 5_000)
        }
    }

    @Test func rangesSetExactlyTheirBits() {
        for (from, through) in [(0, 0), (0, 63), (1, 62), (63, 64), (5, 200), (64, 127), (100, 1000), (0, 65535), (65535, 65535)] {
            var bits = [UInt64](repeating: 0, count: 1024)
            FontFace.setBits(&bits, from: from, through: through)
            var expected = [UInt64](repeating: 0, count: 1024)
            for v in from...through { expected[v >> 6] |= 1 << UInt64(v & 63) }
            #expect(bits == expected, "\(from)...\(through)")
        }
    }

    @Test func shapesHangulOneGlyphPerSyllable() throws {
        let face = try Fixtures.engine.fonts.face(for: #require(locator.locate(family: "Noto Serif CJK KR", bold: false, italic: false)))
        let shaped = face.shape(utf8: Array("북한인권".utf8), script: .hangul, language: "ko")
        #expect(shaped.glyphs.map(\.cluster) == [0, 3, 6, 9])
        #expect(Set(shaped.glyphs.map(\.advance)).count == 1, "Hangul syllables share one advance")
    }

    @Test func missingFileIsAnError() {
        #expect(throws: FontError.self) {
            try FontFace(path: "/nonexistent.ttf", index: 0, familyName: "x", isBold: false, isItalic: false)
        }
    }

    /// The table tags of an sfnt font file.
    func tableTags(_ font: [UInt8]) -> Set<String> {
        let count = Int(font[4]) << 8 | Int(font[5])
        return Set((0..<count).map { String(decoding: font[(12 + 16 * $0)..<(16 + 16 * $0)], as: UTF8.self) })
    }

    @Test func cjkSubsetHoldsExactlyTheGlyphsAskedWithoutCmap() throws {
        let found = try #require(locator.locate(family: "Noto Serif CJK KR", bold: false, italic: false))
        let face = try Fixtures.engine.fonts.face(for: found)
        let glyphs = Set(face.shape(utf8: Array("북한인권 NKDB".utf8), script: .hangul, language: "ko").glyphs.map(\.id))
        let subset = try #require(FontSubsetter.subset(path: found.path, index: found.index, glyphs: glyphs))
        #expect(subset.glyphMap.count == glyphs.count + (glyphs.contains(0) ? 0 : 1))
        #expect(subset.glyphMap.values.sorted() == Array(0..<UInt32(subset.glyphMap.count)))
        #expect(subset.glyphMap[0] == 0)
        let tags = tableTags(subset.bytes)
        #expect(tags.contains("CFF ") && tags.contains("hmtx"))
        #expect(!tags.contains("cmap") && !tags.contains("GSUB"))
        #expect(subset.bytes.count < 40_000, "a handful of glyphs, not the 20 MB font")
    }

    @Test func largeTrueTypeFontsAreSubsetToo() throws {
        let path = "/usr/share/fonts/truetype/noto/NotoSerifTangut-Regular.ttf"
        guard FontSubsetter.wantsSubset(path: path) else { return }   // not installed here
        let subset = try #require(FontSubsetter.subset(path: path, index: 0, glyphs: [3, 4, 100]))
        #expect(subset.glyphMap == [0: 0, 3: 1, 4: 2, 100: 3])
        let tags = tableTags(subset.bytes)
        #expect(tags.contains("glyf") && tags.contains("loca") && !tags.contains("cmap"))
    }
}
