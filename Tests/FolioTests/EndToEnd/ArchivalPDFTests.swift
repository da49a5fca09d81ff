import Foundation
import Testing

/// PDF/A-2a for the layouts that ask for it (`pdf.standard: ua-1+a-2a`), PDF/A-3a with the source attached
/// (`render --embed-source`), the pdfua checker on every layout, and reading order as poppler extracts it.
@Suite("archival PDF (PDF/A) and PDF/UA checks", .serialized)
struct ArchivalPDFTests {
    struct Facts: Decodable {
        struct Intent: Decodable { let S: String; let N: Int?; let profile_bytes: Int }
        struct File: Decodable { let name: String; let relationship: String; let subtype: String; let bytes: Int }
        let pdfaid_part: String?, pdfaid_conformance: String?, pdfuaid_part: String?
        let xmp_title: String?, info_title: String, metadata_filter: String?
        let has_id: Bool
        let output_intents: [Intent]
        let pages_with_group: Int, annotations_without_print_flag: Int
        let associated_files: [File]
        let embedded_file_names: [String]
    }

    /// What Tests/Tools/pdfa_facts.py (pikepdf) reads from the file; a missing pikepdf fails the test.
    static func facts(_ pdf: String) throws -> Facts {
        let r = Fixtures.run("python3", [Fixtures.root + "/Tests/Tools/pdfa_facts.py", pdf])
        if r.status == 3 || r.status == 127 {
            throw TaggedPDFTests.Missing(description: "PDF/A facts need python3 and pikepdf (apt-get install python3-pikepdf): \(r.err)")
        }
        try #require(r.status == 0, "pdfa_facts.py failed: \(r.err)")
        return try JSONDecoder().decode(Facts.self, from: Data(r.out.utf8))
    }

    static let archivalLayouts: Set<String> = ["upr-submission", "report"]

    /// ISO 19005-2: 6.6.2.1 (XMP, uncompressed), 6.6.4 (pdfaid), 6.2.3 (output intent with an RGB profile),
    /// 6.2.10 (no page transparency groups), 6.3.2 (annotations printed), 6.1.3 (/ID), 6.6.2.3.1 (Info and XMP agree).
    @Test func theSubmissionAndReportLayoutsArePDFA2a() throws {
        for (layout, edition, pdf) in try TaggedPDFTests.all() {
            let facts = try Self.facts(pdf)
            let what = "\(layout) \(edition)"
            #expect(facts.pdfuaid_part == "1", "\(what)")
            #expect(facts.has_id, "\(what)")
            #expect(facts.xmp_title == facts.info_title, "\(what)")
            #expect(facts.metadata_filter == "", "\(what): XMP must not be compressed")
            if Self.archivalLayouts.contains(layout) {
                #expect(facts.pdfaid_part == "2" && facts.pdfaid_conformance == "A", "\(what)")
                #expect(facts.output_intents.count == 1 && facts.output_intents.first?.S == "/GTS_PDFA1", "\(what)")
                #expect(facts.output_intents.first?.N == 3 && (facts.output_intents.first?.profile_bytes ?? 0) > 1000, "\(what)")
                #expect(facts.pages_with_group == 0, "\(what)")
                #expect(facts.annotations_without_print_flag == 0, "\(what)")
                #expect(facts.associated_files.isEmpty, "\(what)")
            } else {
                #expect(facts.pdfaid_part == nil && facts.output_intents.isEmpty, "\(what): briefing is PDF/UA-1 only")
            }
            // 6.2.11.4 (fonts embedded) and 6.2.11.7 (ToUnicode): pdffonts' emb and uni columns.
            let fonts = try PDFStructure.fonts(pdf)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.embedded && $0.toUnicode }, "\(what): \(fonts.map(\.row))")
        }
    }

    /// `--embed-source`: the Markdown and report.yaml as associated files (ISO 19005-3 6.8), listed by pdfdetach.
    @Test func embedSourceAttachesTheMarkdownAndReportYAML() throws {
        let dir = Fixtures.temporaryFolder("embed")
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--edition", "ko", "--embed-source", "--output", dir])
        try #require(r.status == 0, "\(r.err)")
        let pdf = dir + "/dprk-upr4-joint-submission_KO.pdf"
        let facts = try Self.facts(pdf)
        #expect(facts.pdfaid_part == "3" && facts.pdfaid_conformance == "A")
        let markdown = try Data(contentsOf: URL(fileURLWithPath: Fixtures.sample + "/content/ko.md")).count
        let yaml = try Data(contentsOf: URL(fileURLWithPath: Fixtures.sample + "/report.yaml")).count
        #expect(facts.associated_files.map(\.name) == ["ko.md", "report.yaml"])
        #expect(facts.associated_files.map(\.relationship) == ["/Source", "/Source"])
        #expect(facts.associated_files.map(\.subtype) == ["/text/markdown", "/application/yaml"])
        #expect(facts.associated_files.map(\.bytes) == [markdown, yaml])
        #expect(facts.embedded_file_names == ["ko.md", "report.yaml"])
        let list = Fixtures.run("pdfdetach", ["-list", pdf])
        try #require(list.status != 127, "pdfdetach is not installed: apt-get install poppler-utils")
        #expect(list.out.contains("2 embedded files") && list.out.contains("ko.md") && list.out.contains("report.yaml"), "\(list.out)")
        let again = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--edition", "ko", "--embed-source", "--output", dir + "/again"])
        try #require(again.status == 0, "\(again.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == Data(contentsOf: URL(fileURLWithPath: dir + "/again/dprk-upr4-joint-submission_KO.pdf")))
    }

    /// The PyPI checker `pdfua` (pip install pdfua) finds no error and no warning in any layout and edition.
    @Test func pdfuaFindsNothingInAnyLayout() throws {
        for (layout, edition, pdf) in try TaggedPDFTests.all() {
            let r = Fixtures.run("pdfua", ["check", "--format", "json", pdf])
            if r.status == 127 { throw TaggedPDFTests.Missing(description: "pdfua is not installed: pip install pdfua (make deps installs it)") }
            let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
            let summary = try #require(json?["summary"] as? [String: Any], "\(layout) \(edition): \(r.out) \(r.err)")
            #expect(summary["errors"] as? Int == 0 && summary["warnings"] as? Int == 0, "\(layout) \(edition): \(r.out)")
            #expect((summary["rules_run"] as? Int ?? 0) >= 10, "\(layout) \(edition): \(summary)")
        }
    }

    /// pdftotext reads the page as drawn, running head first; the structure tree (the reading order a screen
    /// reader follows, as `pdfinfo -struct-text` prints it) never holds the running head, which is an artifact.
    @Test func theRunningHeadIsOnlyAnArtifact() throws {
        let pdf = try TaggedPDFTests.pdf("report", "ko")
        let head = "조선민주주의인민공화국(DPRK)"
        let pages = try PDFTool.pdftotext.run(["-enc", "UTF-8", pdf, "-"]).out
        // A line of its own (the title, "…(DPRK): …", goes on).
        #expect(pages.components(separatedBy: head + "\n").count - 1 >= 5, "the running head on the body's pages")
        let tagged = try PDFTool.pdfinfo.run(["-struct-text", pdf]).out
        #expect(!tagged.contains("\"\(head)\""), "the running head in the structure tree")
        let firstText = tagged.split(separator: "\n").first { $0.contains("\"") }
        #expect(firstText?.contains("조선민주주의인민공화국(") == true, "the title is read first: \(firstText ?? "")")
    }

    /// A generated report (headings, notes, lists, quotes and tables drawn from the sample) is tagged too.
    @Test func aGeneratedReportIsTagged() throws {
        let dir = Fixtures.temporaryFolder("generated")
        for language in ["en", "ko"] {
            let g = Fixtures.run(Fixtures.folio, ["generate", dir + "/" + language, "--pages", "12", "--language", language,
                                                  "--source", Fixtures.sample + "/content/\(language).md"])
            try #require(g.status == 0, "\(g.err)")
            let r = Fixtures.run(Fixtures.folio, ["render", dir + "/" + language, "--output", dir + "/out-" + language])
            try #require(r.status == 0, "\(r.err)")
            let pdfs = try FileManager.default.contentsOfDirectory(atPath: dir + "/out-" + language).filter { $0.hasSuffix(".pdf") }
            try #require(pdfs.count == 1)
            let pdf = dir + "/out-\(language)/" + pdfs[0]
            #expect(try PDFTool.pdfinfo.run([pdf]).out.contains("Tagged:          yes"), "\(language)")
            #expect(try TaggedPDFTests.walk(pdf).problems == [], "\(language)")
        }
    }
}
