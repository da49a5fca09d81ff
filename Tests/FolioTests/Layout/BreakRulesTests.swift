import Testing
@testable import FolioLayout
import FolioModel
import FolioUnicode

/// Folio's rules on top of UAX #14: Korean word mode and klreq.
@Suite("break rules: Korean words and klreq")
struct BreakRulesTests {
    let font = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    /// The indices where a line may end (any class but none), for a string.
    func breaks(_ s: String, mode: KoreanBreaks = .word, marks: [Int] = []) throws -> [Int: BreakClass] {
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        if !marks.isEmpty {
            var mark = SpanStyle(font: font); mark.superscript = true; mark.footnote = 1
            text.append(marks.map(String.init).joined(), mark)
        }
        let classes = try BreakRules(scalars: text.scalars, text: text, koreanBreaks: mode).classes(language: "ko")
        var out: [Int: BreakClass] = [:]
        for (i, c) in classes.enumerated() where c != .none { out[i] = c }
        return out
    }

    /// The class of the break before the first occurrence of `needle`'s second part, `left|right`.
    func classAt(_ s: String, _ marker: String, mode: KoreanBreaks = .word) throws -> BreakClass {
        let parts = marker.split(separator: "|").map(String.init)
        let text = s
        guard let r = text.range(of: parts[0] + parts[1]) else { Issue.record("no \(marker)"); return .none }
        let index = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound) + parts[0].unicodeScalars.count
        return try breaks(s, mode: mode)[index] ?? .none
    }

    @Test func koreanWordsBreakOnlyAtSpacesInWordMode() throws {
        #expect(try classAt("북한인권 정보", "북한|인권") == .emergency)
        #expect(try classAt("북한인권 정보", "북한인권 |정보") == .allowed)
        #expect(try classAt("북한인권 정보", "북한|인권", mode: .syllable) == .allowed)
    }

    @Test func aKoreanWordMayEndBeforeTheBracketOfItsGloss() throws {
        // "조선민주주의인민공화국" is whole before "(DPRK, …)": word mode may break there, at a hyphen's cost; never
        // between the closing bracket and its particle, nor inside the word.
        let s = "조선민주주의인민공화국(DPRK)은 법「반동사상」에"
        #expect(try classAt(s, "공화국|(DPRK") == .gloss)
        #expect(try classAt(s, "법|「반동") == .gloss)
        #expect(try classAt(s, "(DPRK)|은") != .gloss && classAt(s, "(DPRK)|은") != .allowed)
        #expect(try classAt(s, "조선|민주") == .emergency)
        #expect(try classAt(s, "공화국|(DPRK", mode: .syllable) == .allowed)
    }

    @Test func latinInsideAKoreanWordStaysWithIt() throws {
        #expect(try classAt("통합인권DB는 크다", "인권|DB") == .emergency)
        #expect(try classAt("통합인권DB는 크다", "DB|는") == .emergency)
    }

    @Test func closingPunctuationNeverStartsALine() throws {
        for (s, m) in [("관리소)는 a", "소|)"), ("있다. 다음", "다|."), ("남·북 관계", "남|·"), ("남·북 관계", "·|북"),
                       ("무엇인가? 그", "가|?"), ("그래서: 이", "서|:"), ("a, b", "a|,")] {
            #expect(try classAt(s, m, mode: .syllable) == BreakClass.none, "\(s) \(m)")
        }
    }

    @Test func openingBracketsNeverEndALine() throws {
        #expect(try classAt("정보(NKDB)", "(|N", mode: .syllable) == BreakClass.none)
        #expect(try classAt("「평양」 법", "「|평", mode: .syllable) == BreakClass.none)
    }

    @Test func numbersKeepTheirUnitsAndSigns() throws {
        #expect(try classAt("2020년 12월", "2020|년", mode: .syllable) == BreakClass.none)
        #expect(try classAt("12345 원", "12|345") == BreakClass.none)
        #expect(try classAt("50% 증가", "50|%") == BreakClass.none)
        #expect(try classAt("₩1000 지급", "₩|1000") == BreakClass.none)
        #expect(try classAt("10km 이동", "10|km") == BreakClass.none)
    }

    @Test func footnoteMarksStayWithTheirWord() throws {
        let b = try breaks("인권이다.", marks: [12])
        #expect(b[5] == nil && b[6] == nil)   // before the mark, and inside "12"
    }

    @Test func urlsBreakWhereTheChicagoManualSays() throws {
        // After //, before a single slash and before . - _ ? % (so that no line ends in a period or a hyphen that
        // would read as the sentence's end or a hyphenation), before or after = and &; not inside "=%".
        let url = "https://www.example.org/a_b-c/d.php?x=1&y=%2F"
        let text = "see \(url)."
        let b = try breaks(text)
        let scalars = Array(text.unicodeScalars)
        let inside = b.keys.filter { $0 > 4 && $0 < 4 + url.unicodeScalars.count }.sorted()
        let marked = inside.map { i in String(String.UnicodeScalarView(scalars[4..<i])) + "|" }
        #expect(marked == ["https://|", "https://www|", "https://www.example|", "https://www.example.org|",
                           "https://www.example.org/a|", "https://www.example.org/a_b|", "https://www.example.org/a_b-c|",
                           "https://www.example.org/a_b-c/d|", "https://www.example.org/a_b-c/d.php|",
                           "https://www.example.org/a_b-c/d.php?x|", "https://www.example.org/a_b-c/d.php?x=|",
                           "https://www.example.org/a_b-c/d.php?x=1|", "https://www.example.org/a_b-c/d.php?x=1&|",
                           "https://www.example.org/a_b-c/d.php?x=1&y|"])
        #expect(inside.allSatisfy { b[$0] == .url })
        #expect(b[4 + url.unicodeScalars.count] == nil, "the final period stays")
    }

    @Test func softHyphensAreBreaks() throws {
        #expect(try breaks("inter\u{AD}national")[6] == .softHyphen)
    }

    @Test func frenchSpacesBeforeColonsDoNotBreak() throws {
        let (_, selector) = Fixtures.inline(language: "fr")
        var text = StyledText()
        text.append("Corée : une contribution « conjointe » ici", SpanStyle(font: font))
        let items = try ParagraphBuilder(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration()).build(text, maxWidth: 300).items
        // Each glue that binds is preceded by an infinite penalty, so it is no breakpoint.
        let binding = items.indices.filter { k in
            if case .glue = items[k], k > 0, case .penalty(let p) = items[k - 1], p.cost == .infinity { return true }
            return false
        }
        #expect(binding.count == 3)   // before ":", after "«", before "»"
    }
}
