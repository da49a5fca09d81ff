import Testing
import FolioEngine
import FolioModel

/// The sample in every layout: footnotes on their page, headings kept with their text, contents correct.
@Suite("the sample's structure in every layout")
struct SampleStructureTests {
    @Test(arguments: ["upr-submission", "report", "briefing"], ["en", "ko"])
    func structure(layout: String, edition: String) throws {
        let report = try Report.load(directory: Fixtures.sample)
        let e = try #require(report.editions.first { $0.code == edition })
        let laid = try Fixtures.engine.layOut(report: report, edition: e, layoutName: layout)
        let r = laid.layoutReport
        #expect(r.emergencyBreaks == 0)
        if laid.layout.footnotes.placement == .page {
            #expect(r.landings.notePages.count == r.landings.noteReferencePages.count)
            for (n, page) in r.landings.noteReferencePages {
                #expect(r.landings.notePages[n] == page, "note \(n) starts on page \(r.landings.notePages[n] ?? -1), its mark is on \(page)")
            }
        }
        for (i, page) in r.pageMap.enumerated() { #expect(!page.endsWithHeading, "page \(i + 1) ends with a heading") }
        #expect(laid.document.outline.count >= 22)
        if laid.layout.contents.enabled {
            for (anchor, index) in r.landings.headingPages where r.contentsLabels[anchor] != nil {
                #expect(r.contentsLabels[anchor] == r.pageMap[index].label, "\(anchor)")
            }
        }
    }
}
