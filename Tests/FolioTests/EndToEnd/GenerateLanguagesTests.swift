import Foundation
import Testing

/// `folio generate --language` writes a report in every supported language from Folio's own sentences, and the
/// report renders without missing glyphs or text past the margin.
@Suite("folio generate in every supported language", .serialized)
struct GenerateLanguagesTests {
    @Test(arguments: ["en", "fr", "es", "ru", "ko", "ja", "zh-Hans", "zh-Hant"])
    func aGeneratedEditionRendersCleanly(language: String) throws {
        let dir = Fixtures.temporaryFolder("generate-\(language)")
        let g = Fixtures.run(Fixtures.folio, ["generate", dir + "/report", "--pages", "3", "--language", language])
        try #require(g.status == 0, "\(g.err)")
        let md = try String(contentsOfFile: dir + "/report/content/\(language).md", encoding: .utf8)
        #expect(md.contains("A/HRC/"), "the sentences carry UN symbols")
        if language == "ja" || language.hasPrefix("zh") {
            let spaced = md.range(of: #"。 [\p{Han}\p{Hiragana}\p{Katakana}]"#, options: .regularExpression)
            #expect(spaced == nil, "CJK sentences join without a space")
        }
        let r = Fixtures.run(Fixtures.folio, ["render", dir + "/report", "--output", dir + "/out"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.err.contains("notdef") && !r.err.contains("passes the right margin"), "\(r.err)")
        if language == "ja" || language.hasPrefix("zh") {
            let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").first { $0.hasSuffix(".pdf") })
            let text = try PDFText(pdf: dir + "/out/" + pdf)
            #expect(text.kinsokuViolations().isEmpty, "\(text.kinsokuViolations())")
            let gap = text.widestGridGap(size: 10.5)   // upr-submission's body size
            #expect(gap.em <= 0.25, "\(gap)")
        }
    }

    @Test func aLanguageWithoutSentencesAsksForASource() {
        let dir = Fixtures.temporaryFolder("generate-xx")
        let g = Fixtures.run(Fixtures.folio, ["generate", dir + "/report", "--pages", "3", "--language", "sw"])
        #expect(g.status != 0 && g.err.contains("--source"), "\(g.err)")
    }
}
