import Foundation
import Testing
import FolioDisplay
import FolioRender

/// Small documents laid out and printed as text traces (`TextTrace`), compared with the traces in
/// Tests/FolioTests/Golden. A difference fails and writes the new trace beside the golden one as `.new`; to accept
/// it, look at the diff and run the tests with FOLIO_UPDATE_GOLDEN=1.
@Suite("golden text traces")
struct GoldenTraceTests {
    /// A small page, so that a few paragraphs cross page breaks.
    static let smallPage = """
        extends: base
        page: { width: 260pt, height: 250pt, margin-top: 30pt, margin-bottom: 30pt, margin-inner: 24pt, margin-outer: 24pt }
        """

    static let folder = Fixtures.root + "/Tests/FolioTests/Golden"

    func check(_ name: String, _ markdown: String, layout: String = "upr-submission", yaml: String? = smallPage,
               language: String = "en") throws {
        let (document, _) = try layOut(markdown, layout: layout, yaml: yaml, language: language)
        let trace = TextTrace().render(document)
        let path = Self.folder + "/\(name).trace"
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try trace.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOfFile: path, encoding: .utf8) else {
            try trace.write(toFile: path + ".new", atomically: true, encoding: .utf8)
            Issue.record("no golden trace \(name).trace: the trace is in \(name).trace.new; look at it, then run with FOLIO_UPDATE_GOLDEN=1")
            return
        }
        if golden != trace {
            try trace.write(toFile: path + ".new", atomically: true, encoding: .utf8)
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = trace.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(a, b)).firstIndex { $0 != $1 } ?? min(a.count, b.count)
            Issue.record("\(name).trace differs from line \(first + 1): golden \(first < a.count ? String(a[first]) : "(end)") | now \(first < b.count ? String(b[first]) : "(end)"); see \(name).trace.new")
        } else {
            try? FileManager.default.removeItem(atPath: path + ".new")
        }
    }

    @Test func footnotesAcrossAPageBreak() throws {
        try check("footnotes-page-break", """
            # Notes

            The first paragraph refers to a source[^1] and runs long enough to fill most of the small page, so that \
            the next paragraph starts near its foot and breaks across to the second page with its own note.

            The second paragraph cites another report[^2] and goes on for a while longer, with enough words to cross \
            the page break and keep two lines on each side of it, as the widow and orphan rules ask.

            [^1]: A. Author, *A Source*, 2024, p. 3.
            [^2]: Committee report, A/HRC/55/63, https://example.org/report.
            """)
    }

    @Test func tableAcrossPages() throws {
        var rows = ""
        for i in 1...14 { rows += "| \(2010 + i) | Case \(i) | \(i * 7) people |\n" }
        try check("table-page-break", "Before the table.\n\n| Year | Case | Count |\n|---|---|--:|\n" + rows + "\nAfter the table.\n")
    }

    @Test func nestedListsWithKoreanLabels() throws {
        try check("nested-lists-ko", """
            1. 첫째 항목
               1. 가 항목
               2. 나 항목
            2. 둘째 항목
               - 글머리 항목
            """, language: "ko")
    }

    @Test func contentsPageAndRunningHeads() throws {
        var md = ""
        for s in 1...3 { md += "# Section \(s)\n\nText of section \(s), long enough for a line or two of the small page.\n\n" }
        try check("contents-running-heads", md, layout: "report", yaml: """
            extends: report
            page: { width: 260pt, height: 250pt, margin-top: 36pt, margin-bottom: 36pt, margin-inner: 24pt, margin-outer: 24pt }
            cover: { enabled: false }
            header: { first-page: true }
            """)
    }
}

@Suite("folio preview --trace")
struct PreviewTraceTests {
    @Test func previewWritesTheTraceOfEveryPage() throws {
        let out = Fixtures.temporaryFolder("trace")
        let r = Fixtures.run(Fixtures.folio, ["preview", Fixtures.sample, "--edition", "en", "--pages", "1", "--dpi", "20",
                                              "--trace", "--output", out])
        #expect(r.status == 0, "\(r.err)")
        let trace = try String(contentsOfFile: out + "/dprk-upr4-joint-submission_EN.trace", encoding: .utf8)
        #expect(trace.hasPrefix("page 1 "))
        #expect(trace.contains("\npage 10 ") && trace.contains("\nstructure\n  Document #0\n"))
        #expect(trace.contains("begin artifact footer"))
    }
}
