import Testing
@testable import FolioLayout
import FolioModel
import FolioUnicode

/// The language table, the patterns it names, and the CJK line rules it selects, on paragraphs set alone.
@Suite("supported languages: table, hyphenation, CJK breaking")
struct LanguageSupportTests {
    let body = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    /// A paragraph set justified with the base layout's composer for `language`.
    func set(_ s: String, language: String, width: Double) throws -> [LineBox] { try result(s, language: language, width: width).lines }

    func result(_ s: String, language: String, width: Double) throws -> InlineLayout.Result {
        let selector = FontSelector(manifest: Fixtures.engine.manifest, library: Fixtures.engine.fonts, language: language)
        let layout = try Fixtures.engine.layouts.load("base", language: language)
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
        var text = StyledText()
        text.append(s, SpanStyle(font: body))
        return try inline.layout(text, ParagraphSpec(width: width, align: .justify, lineHeight: 17, baseStyle: SpanStyle(font: body)))
    }

    @Test func tagsFindTheirEntries() {
        #expect(LanguageSupport.of("ja")?.breaking == .ideographic)
        #expect(LanguageSupport.of("zh")?.code == "zh-Hans")
        #expect(LanguageSupport.of("zh-TW")?.code == "zh-Hant")
        #expect(LanguageSupport.of("es-MX")?.code == "es")
        #expect(LanguageSupport.of("ko")?.breaking == .koreanWords)
        #expect(LanguageSupport.hyphenationLanguage(for: .latin, in: "ko") == "en")
        #expect(LanguageSupport.hyphenationLanguage(for: ScriptTag("Cyrl"), in: "ru") == "ru")
        #expect(LanguageSupport.hyphenationLanguage(for: .hangul, in: "ko") == nil)
    }

    @Test func spanishAndRussianPatternsComeFromTheirPackages() throws {
        let es = try #require(Hyphenator.forLanguage("es"))
        #expect(es.path.hasSuffix("hyph_es_ES.dic"))
        #expect(es.points(in: Array("comunicaciones".unicodeScalars), minLeft: 2, minRight: 3) == [2, 4, 6, 8, 11])   // co-mu-ni-ca-cio-nes
        // Debian's Russian patterns are KOI8-R: the word is converted, the points stay per letter.
        let ru = try #require(Hyphenator.forLanguage("ru"))
        let word = Array("независимым".unicodeScalars)
        let points = ru.points(in: word, minLeft: 2, minRight: 3)
        #expect(points.starts(with: [2, 4, 6]), "\(points)")   // не-за-ви-си-мым
        #expect(points.allSatisfy { $0 >= 2 && $0 <= word.count - 3 })
    }

    @Test func englishWordsInKoreanAreHyphenatedWithEnglishPatterns() throws {
        let text = "보고서는 extraordinarily comprehensive documentation notwithstanding administrative 내용을 다룬다. "
        let lines = try set(String(repeating: text, count: 3), language: "ko", width: 120)
        #expect(lines.map(lineText).contains { $0.hasSuffix("-") })
    }

    @Test func japaneseBreaksBetweenCharactersAndKeepsKinsoku() throws {
        let text = "送還された人々は、通常、保安機関による取調べを受け、未決拘禁施設に収容されたのち、独立した裁判所の審理を経ることなく"
            + "労働キャンプへ移送される。「息子がどこへ連れて行かれたのか、今も分からない」と、ある母親は語った（別添参照）。"
        for width in stride(from: 150.0, through: 260.0, by: 7) {
            let lines = try set(text, language: "ja", width: width)
            #expect(lines.count > 2)
            for line in lines.dropLast() {
                let full = abs(line.contentWidth - width) < 0.01
                #expect(full, "width \(width): \(lineText(line)) is \(line.contentWidth) wide")
            }
            for line in lines.map(lineText) {
                let starts = "、。）」ょっャー".contains(line.first!), ends = "（「".contains(line.last!)
                #expect(!starts && !ends, "width \(width): \(line)")
            }
        }
    }

    @Test func twoFullWidthMarksLoseTheBlankHalfBetweenThem() throws {
        // 。」 and ）「 set one and a half ems wide in Japanese; Korean keeps its own spacing.
        let ja = try set("語った。」", language: "ja", width: 400)[0]
        let plain = try set("語った。", language: "ja", width: 400)[0]
        let added = ja.contentWidth - plain.contentWidth
        #expect(abs(added - 5) < 0.01, "」 added \(added) pt")
    }

    /// Random mixes of ideographs, kana, full-width marks, Latin, digits, URLs and spaces, set justified
    /// at random widths in every CJK language and Russian: nothing throws, no line passes the measure, and unless
    /// the paragraph needed a last resort (which Folio reports), no line starts with a closing mark or small
    /// kana or ends with an opening one.
    @Test func randomMixedTextSetsWithinTheMeasure() throws {
        let pieces = ["国際", "連合", "の", "かな", "カタカナ", "ょ", "っ", "ー", "、", "。", "「", "」", "（", "）", "，", "：",
                      "A/HRC/55/63", "2024", "年", "OHCHR", "https://www.ohchr.org/ja/hr-bodies/upr", " ", "независимым", "—"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for round in 0..<80 {
            let language = ["ja", "zh-Hans", "zh-Hant", "ru"][round % 4]
            let text = (0..<(5 + next(60))).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 40.0 + Double(next(300))
            let set = try result(text, language: language, width: width)
            let lines = set.lines
            // A last resort (a break inside a word, or first fit cutting a run no break fits) may break any rule.
            // Russian text is checked for the measure only: a typed space before a CJK mark is a break there.
            let lastResort = set.emergencyBreaks > 0 || set.composer == .firstFitFallback || language == "ru"
            for (k, line) in lines.enumerated() {
                let t = lineText(line)
                let previous = k > 0 ? lineText(lines[k - 1]) : ""
                let glyphs = line.items.reduce(0) { if case .glyphs(let r) = $1 { return $0 + r.glyphs.count } else { return $0 } }
                let over = line.contentWidth > width + 12 && glyphs > 1 && width > 60
                let badStart = k > 0 && !lastResort && (t.first.map { "、。）」，：ょっー".contains($0) } ?? false)
                let badEnd = k < lines.count - 1 && !lastResort && (t.last.map { "「（".contains($0) } ?? false)
                #expect(!over && !badStart && !badEnd, "\(language) at \(width): [\(previous)] \(t) (\(line.contentWidth) wide)")
            }
        }
    }
}
