import Testing
#if canImport(Glibc)
import Glibc
#endif
import FolioFonts
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

    @Test func backgroundWorkGivesItsValueOrItsError() throws {
        struct Failure: Error {}
        let value = Background { () -> Int in usleep(20_000); return 42 }
        #expect(try value.value() == 42)
        #expect(try value.value() == 42)
        let failing = Background { () -> Int in throw Failure() }
        #expect(throws: Failure.self) { try failing.value() }
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
}
