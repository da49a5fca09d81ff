import Testing
@testable import FolioLayout
import FolioModel
import FolioUnicode

@Suite("hyphenation with libhyphen")
struct HyphenationTests {
    @Test func englishAndFrenchPatterns() throws {
        let en = try #require(Hyphenator.forLanguage("en"))
        #expect(en.points(in: Array("hyphenation".unicodeScalars), minLeft: 2, minRight: 3) == [2, 6])
        let fr = try #require(Hyphenator.forLanguage("fr"))
        let word = Array("répression".unicodeScalars)   // non-ASCII: positions are per character
        let points = fr.points(in: word, minLeft: 2, minRight: 3)
        #expect(!points.isEmpty && points.allSatisfy { $0 >= 2 && $0 <= word.count - 3 })
        #expect(Hyphenator.forLanguage("ko") == nil)
    }

    let body = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    func lines(_ s: String, width: Double) throws -> [String] {
        let (_, selector) = Fixtures.inline(language: "en")
        let layout = try Fixtures.engine.layouts.load("base", language: "en")
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, koreanBreaks: .word, composer: layout.body.composer)
        var text = StyledText()
        text.append(s, SpanStyle(font: body))
        return try inline.layout(text, ParagraphSpec(width: width, align: .justify, lineHeight: 14, baseStyle: SpanStyle(font: body)))
            .lines.map(lineText)
    }

    @Test func narrowColumnsHyphenateButNeverThreeLinesInARow() throws {
        let text = String(repeating: "Extraordinarily comprehensive documentation notwithstanding, administrative responsibilities intensify. ", count: 6)
        let set = try lines(text, width: 110)
        #expect(set.contains { $0.hasSuffix("-") })
        var run = 0
        for line in set { run = line.hasSuffix("-") ? run + 1 : 0; #expect(run <= 2) }
        // The hyphen is text a reader can rejoin: every hyphenated line ends with a letter and '-'.
        let joined = set.reduce("") { $0.hasSuffix("-") ? String($0.dropLast()) + $1 : ($0.isEmpty ? $1 : $0 + " " + $1) }
        #expect(joined.replacingOccurrences(of: "  ", with: " ").hasPrefix("Extraordinarily comprehensive documentation"))
    }

    @Test func namesAcronymsAndURLsAreNotHyphenated() throws {
        let text = "Representatives Internationalisation UNHCRMONITORING https://example.org/documentation/implementation " +
            String(repeating: "and ", count: 30)
        for line in try lines(text, width: 90) where line.hasSuffix("-") {
            Issue.record("hyphenated: \(line)")
        }
    }

    @Test func softHyphensAreHonoured() throws {
        let set = try lines("a b c d e f g h i j k l m n o p super\u{AD}cali\u{AD}fragi\u{AD}listic and more words here", width: 60)
        #expect(set.contains { $0.hasSuffix("-") })
        #expect(!set.joined().contains("\u{AD}"))
    }
}
