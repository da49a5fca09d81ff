import Testing
import FolioDisplay
import FolioEngine
import FolioFonts
import FolioLayout
import FolioModel
import FolioSupport

@Suite("pages as a display list")
struct DocumentLayoutTests {
    /// Lays out Markdown with the default layout, as edition `language`.
    func layOut(_ markdown: String, language: String = "en") throws -> (DisplayDocument, LayoutReport) {
        var reader = MarkdownReader(file: "t.md")
        let doc = try reader.read(Array(markdown.utf8))
        let engine = Fixtures.engine
        let layout = try engine.layouts.load("upr-submission", language: language)
        let info = DocumentInfo(title: "T", author: "A", subject: "", keywords: "", creator: "test", language: language, date: "2024-01-01T00:00:00Z")
        let input = EditionInput(document: doc, layout: layout, title: "Title", subtitle: nil, organizations: ["Org"],
                                 date: "1 January 2024", language: language, info: info)
        return try DocumentLayout(fonts: engine.fonts, manifest: engine.manifest, cache: engine.cache).layout(input)
    }

    func destinations(_ page: Page) -> [String] {
        page.items.compactMap { if case .destination(let n, _) = $0 { return n } else { return nil } }
    }

    @Test func headingsBecomeOutlineEntriesAndDestinations() throws {
        let (doc, _) = try layOut("# One\n\ntext\n\n## Two\n\nmore\n")
        #expect(doc.outline.map(\.title) == ["One", "Two"])
        #expect(doc.outline.map(\.level) == [1, 2])
        #expect(destinations(doc.pages[0]).contains("one"))
    }

    @Test func footnotesSitOnThePageOfTheirReference() throws {
        var md = ""
        for i in 1...60 { md += "Paragraph \(i) makes a claim that needs a source and a little more text to fill the line.[^n\(i)]\n\n" }
        for i in 1...60 { md += "[^n\(i)]: Source \(i), a report with a title long enough to take a line of its own in the notes.\n" }
        let (doc, report) = try layOut(md)
        #expect(doc.pages.count > 2)
        for n in 1...60 {
            #expect(report.landings.notePages[n] == report.landings.noteReferencePages[n], "note \(n)")
        }
    }

    /// A word broken across many lines (a long URL) is reported with its first line ends, not all of them.
    @Test func wordBrokenNoteNamesAFewLineEnds() throws {
        let url = "https://example.org/" + String(repeating: "abcdefghij", count: 1_500)
        let (_, report) = try layOut("See \(url) for more.\n")
        let note = try #require(report.emergencyNotes.first { $0.kind == .wordBroken })
        #expect(note.message.contains("more lines)"))
        #expect(note.message.count < 400, "\(note.message.count) characters")
    }

    @Test func noPageEndsWithAHeading() throws {
        var md = ""
        for i in 1...40 { md += "## Heading \(i)\n\nA paragraph under the heading, long enough to wrap onto a second line of text on the page, and then a third line perhaps.\n\n" }
        let (doc, _) = try layOut(md)
        for page in doc.pages.dropLast() {
            // The lowest text on the page must not be a heading line.
            let runs = page.items.compactMap { if case .glyphs(let r) = $0, r.origin.y < page.height - 60 { return r } else { return nil } }
            let lowest = runs.max { $0.origin.y < $1.origin.y }!
            #expect(!lowest.text.hasPrefix("Heading"), "page ends with \(lowest.text)")
        }
    }

    @Test func tablesRepeatTheirHeaderOnEveryPage() throws {
        var md = "| No. | State | Status |\n|---|---|---|\n"
        for i in 1...120 { md += "| 126.\(i) | State \(i) | Not implemented |\n" }
        let (doc, _) = try layOut(md)
        #expect(doc.pages.count >= 2)
        for page in doc.pages {
            let texts = page.items.compactMap { if case .glyphs(let r) = $0 { return r.text } else { return nil } }
            #expect(texts.contains("State"), "a page lacks the header row")
        }
    }

    @Test func externalLinksAreLinkAreas() throws {
        let (doc, _) = try layOut("See [NKDB](https://www.nkdb.org).\n")
        #expect(doc.pages[0].items.contains { if case .link(_, .uri("https://www.nkdb.org")) = $0 { return true } else { return false } })
    }

    @Test func everyLineStaysInsideTheTextBlock() throws {
        let md = try String(contentsOfFile: Fixtures.sample + "/content/ko.md", encoding: .utf8)
        let (doc, report) = try layOut(md, language: "ko")
        #expect(report.emergencyBreaks == 0)
        for page in doc.pages {
            for case .glyphs(let run) in page.items {
                // Periods, commas and hyphens may hang into the margin by part of their width.
                let hang = [".", ",", "-"].contains(run.text.last.map(String.init) ?? "") ? 0.7 * run.size * 0.35 : 0
                #expect(run.origin.x + run.width <= page.width - 70.86 + 0.01 + hang, "\(run.text) overflows")
            }
        }
    }
}

@Suite("paragraphs set ahead on several threads")
struct ParagraphPrefetchTests {
    /// The sample's editions laid out with `width` threads: every page's display items, and the layout report.
    func layOut(width: Int) throws -> [(items: [[DisplayItem]], report: LayoutReport)] {
        let engine = Fixtures.engine
        let report = try Report.load(directory: Fixtures.sample)
        return try Parallelism.withWidth(width) {
            try report.editions.map { edition in
                let laid = try engine.layOut(report: report, edition: edition)
                return (laid.document.pages.map(\.items), laid.layoutReport)
            }
        }
    }

    @Test func linesSetAheadAreTheLinesSetInOrder() throws {
        let one = try layOut(width: 1), two = try layOut(width: 2)
        #expect(one.count == two.count)
        for (a, b) in zip(one, two) {
            #expect(a.report.parallelJobs == 0)
            // Every paragraph, heading and note of the body is a job; only the title block and labels are not.
            #expect(b.report.parallelJobs > b.report.paragraphs * 9 / 10, "\(b.report.parallelJobs) of \(b.report.paragraphs)")
            #expect(a.items.count == b.items.count)
            for (page, (x, y)) in zip(a.items, b.items).enumerated() { #expect(x == y, "page \(page + 1) differs") }
        }
    }
}
