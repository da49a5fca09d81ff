import Foundation
import Testing

/// The multilingual test report (Examples/un-languages: en, fr, es, ru, zh-Hans, zh-Hant, ja, ar), rendered through the CLI
/// once and read back with poppler: every edition whole, in its own fonts and date, and each script's line rules.
@Suite("editions in every supported language", .serialized)
struct LanguageEditionTests {
    static let report = Fixtures.root + "/Examples/un-languages"
    static let rendered: (dir: String, err: String) = {
        let dir = Fixtures.temporaryFolder("languages")
        let r = Fixtures.run(Fixtures.folio, ["render", report, "--output", dir])
        precondition(r.status == 0, "folio render failed: \(r.err)")
        return (dir, r.err)
    }()
    /// The body size of upr-submission, the report's layout.
    static let bodySize = 10.5

    static func pdf(_ code: String) -> String { rendered.dir + "/un-languages-test_\(code.uppercased()).pdf" }
    static func source(_ code: String) throws -> String {
        try String(contentsOfFile: report + "/content/\(code).md", encoding: .utf8)
    }

    @Test(arguments: ["en", "fr", "es", "ru", "zh-Hans", "zh-Hant", "ja", "ar"])
    func everyEditionIsWholeAndInsideItsMargins(code: String) throws {
        #expect(!Self.rendered.err.contains("notdef"), "\(Self.rendered.err)")
        #expect(!Self.rendered.err.contains("passes the right margin"), "\(Self.rendered.err)")
        let fonts = try PDFStructure.fonts(Self.pdf(code))
        #expect(!fonts.isEmpty && fonts.allSatisfy(\.embedded))
        if code == "ar" { return try arabicIsWhole() }
        let text = try PDFText(pdf: Self.pdf(code))
        #expect(text.overfullLines().isEmpty, "\(text.overfullLines())")
        if code == "ja" || code.hasPrefix("zh") {
            #expect(text.characterRecall(of: try Self.source(code)) >= 0.98)
        } else {
            let recall = text.recall(of: SourceText(markdown: try Self.source(code)))
            #expect(recall.words >= 0.98, "missing: \(recall.missing)")
        }
    }

    /// Arabic, set from the right, is read back with the right-to-left tests' word rules (letter runs apart from
    /// digits and Latin, whose order poppler decides) and their margins (paragraph numbers hang on the right).
    func arabicIsWhole() throws {
        let out = try PDFTool.pdftotext.run(["-enc", "UTF-8", Self.pdf("ar"), "-"]).out
        let words = RightToLeftTests.words(try Self.source("ar")), found = Set(RightToLeftTests.words(out))
        let recall = Double(words.filter(found.contains).count) / Double(max(words.count, 1))
        #expect(words.count > 250 && recall >= 0.98, "recall \(recall)")
    }

    @Test(arguments: [("en", "15 October 2024"), ("fr", "15 octobre 2024"), ("es", "15 de octubre de 2024"),
                      ("ru", "15 октября 2024 г."), ("zh-Hans", "2024年10月15日"), ("zh-Hant", "2024年10月15日"),
                      ("ja", "2024年10月15日"), ("ar", "١٥ أكتوبر ٢٠٢٤")])
    func theDateIsInTheEditionsLanguage(code: String, date: String) throws {
        let out = try PDFTool.pdftotext.run(["-enc", "UTF-8", Self.pdf(code), "-"]).out
        // A quarter em parts digits from ideographs, which pdftotext may read as a space; around digits in Arabic
        // it writes bidi embedding controls.
        let squeezed = { (s: String) in RightToLeftTests.plain(s).filter { !$0.isWhitespace } }
        #expect(squeezed(out).contains(squeezed(date)))
    }

    @Test(arguments: [("ja", "JP"), ("zh-Hans", "SC"), ("zh-Hant", "TC")])
    func hanIsSetInTheLanguagesOwnFace(code: String, face: String) throws {
        let names = try PDFStructure.fonts(Self.pdf(code)).map(\.row)
        #expect(names.contains { $0.contains("CJK" + face.lowercased()) || $0.contains("CJK" + face) }, "\(names)")
        #expect(!names.contains { $0.contains("CJKkr") }, "\(names)")
    }

    @Test(arguments: ["ja", "zh-Hans", "zh-Hant"])
    func chineseAndJapaneseLinesKeepKinsokuAndTightLetterSpace(code: String) throws {
        let text = try PDFText(pdf: Self.pdf(code))
        #expect(text.kinsokuViolations().isEmpty, "\(text.kinsokuViolations())")
        let gap = text.widestGridGap(size: Self.bodySize)
        #expect(gap.em <= 0.25, "\(gap)")
        // Lines break between ideographs: a paragraph's lines but its last reach the right edge.
        let edge = try #require(text.bodyRightEdge)
        #expect(text.shortInnerLines(edge: edge, slack: 2).isEmpty, "\(text.shortInnerLines(edge: edge, slack: 2))")
    }

    @Test(arguments: ["es", "ru"])
    func justifiedSpanishAndRussianKeepWordGapsUnderHalfALine(code: String) throws {
        let gap = try PDFText(pdf: Self.pdf(code)).widestWordGapPerLineHeight()
        #expect(gap.ratio > 0 && gap.ratio <= 0.5, "\(gap)")
    }
}
