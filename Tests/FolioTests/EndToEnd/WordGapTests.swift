import Foundation
import Testing

/// The word gaps of justified lines, measured in the PDFs as pdftotext reads them (issue 20): English at most 0.33 em
/// at the 95th percentile and 0.45 em at the widest, Korean (no word broken) 0.40 and 0.60 em, on the sample and on
/// a generated report of each language, in em of the layout's body size.
@Suite("word gaps of justified text")
struct WordGapTests {
    static let limits: [String: (p95: Double, widest: Double)] = ["en": (0.33, 0.45), "ko": (0.40, 0.60)]

    /// Renders a report's edition with its own layout (upr-submission) and returns the PDF's path.
    func render(_ report: String, _ language: String, into dir: String) throws -> String {
        let r = Fixtures.run(Fixtures.folio, ["render", report, "--edition", language, "--output", dir])
        try #require(r.status == 0 || r.status == 1, "\(r.err)")
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".pdf") })
        return dir + "/" + pdf
    }

    func check(_ pdf: String, _ language: String) throws {
        let size = try Fixtures.engine.layouts.load("upr-submission", language: language).body.font.size
        let gaps = try PDFText(pdf: pdf).wordGaps(bodySize: size)
        let limit = try #require(Self.limits[language])
        #expect(gaps.lines.count > 40, "too few justified lines measured: \(gaps.lines.count)")
        #expect(gaps.p95 <= limit.p95, "\(language): 95th percentile \(gaps.p95) em; widest lines \(gaps.worst)")
        #expect(gaps.widest <= limit.widest, "\(language): widest \(gaps.widest) em: \(gaps.worst)")
    }

    @Test(arguments: ["en", "ko"])
    func theSampleIsSetEvenly(language: String) throws {
        let dir = Fixtures.temporaryFolder("gaps-sample-\(language)")
        try check(render(Fixtures.sample, language, into: dir), language)
    }

    @Test(arguments: ["en", "ko"])
    func aGeneratedReportIsSetEvenly(language: String) throws {
        let dir = Fixtures.temporaryFolder("gaps-generated-\(language)")
        let g = Fixtures.run(Fixtures.folio, ["generate", dir + "/report", "--pages", "40", "--language", language])
        try #require(g.status == 0, "\(g.err)")
        try check(render(dir + "/report", language, into: dir + "/out"), language)
    }
}
