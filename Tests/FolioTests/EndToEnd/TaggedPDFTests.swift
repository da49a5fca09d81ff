import Foundation
import Testing
import FolioEngine
import FolioModel
@testable import FolioRender

/// The sample rendered as tagged PDF in every layout and edition, read back by poppler and by a structure walk
/// (Tests/Tools/tagged_pdf_walk.py, pikepdf) and checked against the Markdown.
@Suite("tagged PDF (PDF/UA-1)", .serialized)
struct TaggedPDFTests {
    static let layouts = ["upr-submission", "report", "briefing"]
    static let editions = ["en", "ko"]
    /// Paragraphs the layout adds before the body: subtitle, organisations, their web sites and date (the report's
    /// cover names each organisation on its own line with its web site under it, and has a "Contents" line).
    static let frontParagraphs = ["upr-submission": 4, "report": 7, "briefing": 4]

    /// The sample's PDFs, rendered once for the suite: layout → edition → path.
    static let rendered: Result<[String: [String: String]], RenderFailure> = {
        let dir = Fixtures.temporaryFolder("tagged")
        var out: [String: [String: String]] = [:]
        for layout in layouts {
            let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--layout", layout, "--output", dir + "/" + layout])
            if r.status != 0 { return .failure(RenderFailure(description: "folio render --layout \(layout): \(r.err)")) }
            for edition in editions { out[layout, default: [:]][edition] = dir + "/\(layout)/dprk-upr4-joint-submission_\(edition.uppercased()).pdf" }
        }
        return .success(out)
    }()
    struct RenderFailure: Error, CustomStringConvertible { let description: String }

    static func pdf(_ layout: String, _ edition: String) throws -> String { try rendered.get()[layout]![edition]! }

    static func all() throws -> [(layout: String, edition: String, pdf: String)] {
        try layouts.flatMap { layout in try editions.map { (layout, $0, try pdf(layout, $0)) } }
    }

    /// What the walk found. A missing pikepdf fails the test: a check that cannot run never passes.
    struct Walk: Decodable { let headings: [Int]; let counts: [String: Int]; let problems: [String] }
    static func walk(_ pdf: String) throws -> Walk {
        let r = Fixtures.run("python3", [Fixtures.root + "/Tests/Tools/tagged_pdf_walk.py", pdf])
        if r.status == 3 || r.status == 127 {
            throw Missing(description: "the structure walk needs python3 and pikepdf (apt-get install python3-pikepdf, or pip install pikepdf): \(r.err)")
        }
        try #require(r.status == 0, "the walk failed: \(r.err)")
        return try JSONDecoder().decode(Walk.self, from: Data(r.out.utf8))
    }
    struct Missing: Error, CustomStringConvertible { let description: String }

    @Test func popplerSaysTaggedForEveryLayoutAndEdition() throws {
        for (layout, edition, pdf) in try Self.all() {
            let info = try PDFTool.pdfinfo.run([pdf]).out
            #expect(info.contains("Tagged:          yes"), "\(layout) \(edition)")
            #expect(try PDFStructure.damage(pdf) == nil, "\(layout) \(edition)")
        }
    }

    /// Catalog entries, parent tree, MCIDs, link OBJRs and /Contents, /Alt, every content operator marked.
    @Test func theStructureWalkFindsNoProblem() throws {
        for (layout, edition, pdf) in try Self.all() {
            let walk = try Self.walk(pdf)
            #expect(walk.problems == [], "\(layout) \(edition)")
            #expect(walk.counts["Document"] == 1 && walk.counts["Title"] == 1, "\(layout) \(edition): \(walk.counts)")
            #expect((walk.counts["Link"] ?? 0) > 100, "\(layout) \(edition): every link annotation has a Link")
        }
    }

    /// The walk fails an untagged file: cairo's own output, before finishing.
    @Test func theWalkFindsTheProblemsOfAnUntaggedFile() throws {
        let pdf = Fixtures.temporaryFolder("untagged") + "/cairo.pdf"
        let report = try Report.load(directory: Fixtures.sample)
        let bytes = try CairoPDFWriter().render(try Fixtures.engine.layOut(report: report, edition: report.editions[0]).document)
        try Data(bytes).write(to: URL(fileURLWithPath: pdf))
        let problems = try Self.walk(pdf).problems
        #expect(problems.contains("catalog: no /Lang"))
        #expect(problems.contains { $0.contains("/Tabs is not /S") })
        #expect(problems.contains { $0.contains("a link annotation without /Contents") })
    }

    /// Headings in order with their levels, and the counts of paragraphs, list items, cells and notes, as in
    /// the Markdown.
    @Test func theTreeMatchesTheMarkdown() throws {
        for edition in Self.editions {
            let source = try MarkdownCounts(file: Fixtures.sample + "/content/\(edition).md")
            for layout in Self.layouts {
                let pdf = try Self.pdf(layout, edition)
                let walk = try Self.walk(pdf)
                let what = "\(layout) \(edition)"
                // A layout with endnotes adds their heading at the end.
                #expect(Array(walk.headings.prefix(source.headings.count)) == source.headings.map(\.level), "\(what)")
                #expect(walk.headings.dropFirst(source.headings.count).allSatisfy { $0 == 1 } && walk.headings.count <= source.headings.count + 1, "\(what)")
                let texts = Array(try Self.headingTexts(pdf).dropFirst())   // poppler names the title H1 too (the role map)
                try #require(texts.count >= source.headings.count, "\(what): \(texts)")
                for (read, heading) in zip(texts, source.headings) {
                    // poppler's struct-text ends a sequence at the EMC of the `/ActualText` span cairo nests around a
                    // ligature ("D. Combined eﬀ"); pdftotext reads the whole line. Up to there the text must agree.
                    // (Compared without white space: poppler prints a line split by an inline element in pieces.)
                    let text = read.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
                    let expected = heading.text.filter { !$0.isWhitespace }
                    #expect(!text.isEmpty && expected.hasPrefix(text), "\(what): '\(read)' for '\(heading.text)'")
                }
                #expect(walk.counts["LI"] == source.listItems, "\(what)")
                #expect((walk.counts["TH"] ?? 0) + (walk.counts["TD"] ?? 0) == source.cells, "\(what)")
                #expect(walk.counts["TH"] == source.headerCells, "\(what)")
                #expect(walk.counts["Note"] == source.footnotes, "\(what)")
                #expect(walk.counts["BlockQuote"] == source.quotes, "\(what)")
                #expect(walk.counts["P"] == source.paragraphs + Self.frontParagraphs[layout]!,
                        "\(what): \(walk.counts["P"] ?? 0) P for \(source.paragraphs) paragraphs")
            }
        }
    }

    /// Headings as poppler reads them from the structure tree (`pdfinfo -struct-text`), lines joined.
    static func headingTexts(_ pdf: String) throws -> [String] {
        let lines = try PDFTool.pdfinfo.run(["-struct-text", pdf]).out.split(separator: "\n", omittingEmptySubsequences: false)
        var texts: [String] = [], current: [String]? = nil
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("\""), current != nil {
                current!.append(String(trimmed.dropFirst().dropLast()))
                continue
            }
            // An inline element inside the heading (a span in another language): its text is the heading's too.
            if current != nil, trimmed.hasSuffix("(inline)") { continue }
            if let done = current { texts.append(done.joined()) }
            current = trimmed.range(of: #"^H[1-6] "#, options: .regularExpression) != nil ? [] : nil
        }
        if let done = current { texts.append(done.joined()) }
        return texts
    }

    @Test func aLogoIsAFigureWithAlternativeText() throws {
        let dir = Fixtures.temporaryFolder("figure")
        Fixtures.write("<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'><rect width='120' height='40' fill='#0b3d6e'/></svg>",
                       to: dir + "/logo.svg")
        Fixtures.write("id: t\ndate: 2024-01-01\nlayout: report\norganizations:\n  - short: O\n    name: The Organisation\n    logo: logo.svg\n"
                       + "editions:\n  en: { title: T, content: en.md }\n", to: dir + "/report.yaml")
        Fixtures.write("# Body\n\nText.\n", to: dir + "/en.md")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", dir + "/out"])
        try #require(r.status == 0, "\(r.err)")
        let walk = try Self.walk(dir + "/out/t_EN.pdf")
        #expect(walk.counts["Figure"] == 1)
        #expect(walk.problems == [])
        #expect(try PDFTool.pdfinfo.run(["-struct", dir + "/out/t_EN.pdf"]).out.contains("Figure"))
    }

    /// The same input gives the same bytes, structure and all.
    @Test func taggedOutputIsDeterministic() throws {
        let dir = Fixtures.temporaryFolder("again")
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--layout", "report", "--edition", "ko", "--output", dir])
        try #require(r.status == 0, "\(r.err)")
        let again = try Data(contentsOf: URL(fileURLWithPath: dir + "/dprk-upr4-joint-submission_KO.pdf"))
        let first = try Data(contentsOf: URL(fileURLWithPath: try Self.pdf("report", "ko")))
        #expect(again == first)
    }
}

/// What the Markdown holds, counted the way the structure tree tags it.
struct MarkdownCounts {
    var headings: [(level: Int, text: String)] = []
    var paragraphs = 0, listItems = 0, cells = 0, headerCells = 0, footnotes = 0, quotes = 0

    init(file: String) throws {
        var reader = MarkdownReader(file: file)
        let document = try reader.read(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        headings = document.headings.map { ($0.level, $0.text) }
        footnotes = document.footnotes.count
        count(document.blocks)
    }

    private mutating func count(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .paragraph: paragraphs += 1
            case .list(let list):
                listItems += list.items.count
                for item in list.items { count(item) }
            case .quote(let inner, _):
                quotes += 1
                count(inner)
            case .table(let table):
                headerCells += table.header.count
                cells += table.header.count + table.rows.reduce(0) { $0 + $1.count }
            default: continue
            }
        }
    }
}
