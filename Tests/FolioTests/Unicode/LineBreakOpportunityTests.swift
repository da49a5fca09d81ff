import Testing
import FolioUnicode

@Suite("UAX #14 opportunities and scripts through ICU")
struct LineBreakOpportunityTests {
    @Test func breaksAfterSpacesNotBeforePunctuation() throws {
        let text = Array("Hello, world (DPRK).".unicodeScalars)
        let ops = try LineBreakOpportunities.find(in: text, locale: "en").map(\.index)
        #expect(ops == [7, 13, 20])
    }

    @Test func theKeptBreakerFollowsTheLocaleAndText() throws {
        // One ICU iterator is kept per thread and given new text; switching locales must not leak old state.
        let en = Array("Hello, world (DPRK).".unicodeScalars)
        let ko = Array("북한인권".unicodeScalars)
        for _ in 0..<3 {
            #expect(try LineBreakOpportunities.find(in: en, locale: "en").map(\.index) == [7, 13, 20])
            #expect(try LineBreakOpportunities.find(in: ko, locale: "ko").map(\.index) == [1, 2, 3, 4])
            #expect(try LineBreakOpportunities.find(in: Array("a b".unicodeScalars), locale: "en").map(\.index) == [2, 3])
        }
    }

    @Test func mandatoryBreakAtLineSeparator() throws {
        let text = Array("a\u{2028}b".unicodeScalars)
        let ops = try LineBreakOpportunities.find(in: text)
        #expect(ops.first == BreakOpportunity(index: 2, kind: .mandatory))
    }

    @Test func icuOffersBreaksBetweenHangulSyllables() throws {
        // Folio's word mode is its own rule on top: ICU alone breaks between syllables.
        let ops = try LineBreakOpportunities.find(in: Array("북한인권".unicodeScalars), locale: "ko").map(\.index)
        #expect(ops == [1, 2, 3, 4])
    }

    @Test func scalarIndicesSurviveAstralCharacters() throws {
        let text = Array("𝐀 b".unicodeScalars)   // U+1D400 is two UTF-16 units
        #expect(try LineBreakOpportunities.find(in: text).map(\.index) == [2, 3])
    }

    @Test func scripts() {
        #expect(UnicodeProperties.script(of: "가") == .hangul)
        #expect(UnicodeProperties.script(of: "A") == .latin)
        #expect(UnicodeProperties.script(of: "1") == .common)
        #expect(UnicodeProperties.script(of: "\u{301}") == .inherited)
        #expect(UnicodeProperties.script(of: "漢") == .han)
        #expect(ScriptTag("Hang").description == "Hang")
    }

    @Test func graphemes() throws {
        let text = Array("e\u{301}가".unicodeScalars)
        #expect(try LineBreakOpportunities.graphemeBoundaries(in: text) == [2, 3])
    }
}
