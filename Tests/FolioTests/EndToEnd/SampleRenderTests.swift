import Foundation
import Testing
import FolioChecksum
import FolioEngine

/// Renders the bundled sample through the CLI once and checks the PDFs with independent tools.
@Suite("the sample report, end to end", .serialized)
struct SampleRenderTests {
    /// One render of the sample for all the checks below.
    static let output: String = {
        let dir = Fixtures.temporaryFolder("sample")
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--output", dir])
        precondition(r.status == 0, "folio render failed: \(r.err)")
        return dir
    }()
    static let en = output + "/dprk-upr4-joint-submission_EN.pdf"
    static let ko = output + "/dprk-upr4-joint-submission_KO.pdf"

    /// Text as pdftotext extracts it, with line ends joined the way a reader's copy-paste would.
    func text(_ pdf: String) -> String {
        let r = Fixtures.run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
        return r.out.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
    }

    @Test func koreanAndEnglishSentencesComeBackIntact() {
        let ko = text(Self.ko), en = text(Self.en)
        #expect(ko.contains("국가보위성이 다룬 사건의 경우 가족들은 몇 주 또는 몇 달이 지나서야 구금 사실을 알게 되었고"))
        #expect(ko.contains("북한인권정보센터"))
        #expect(en.contains("The Database Center for North Korean Human Rights (NKDB, 북한인권정보센터) and the International"))
        #expect(en.contains("official"), "ligatures must extract as their letters")
    }

    @Test func everyFontIsEmbeddedSubsetAndMapped() throws {
        for pdf in [Self.en, Self.ko] {
            let rows = Fixtures.run("pdffonts", [pdf]).out.split(separator: "\n").dropFirst(2)
            #expect(!rows.isEmpty)
            for row in rows {
                let cols = row.split(separator: " ", omittingEmptySubsequences: true)
                // columns from the right: emb sub uni object-id generation
                #expect(cols[cols.count - 5] == "yes", "not embedded: \(row)")
                #expect(cols[cols.count - 4] == "yes", "not subset: \(row)")
                #expect(cols[cols.count - 3] == "yes", "no ToUnicode: \(row)")
            }
        }
    }

    @Test func qpdfFindsNoDamage() {
        for pdf in [Self.en, Self.ko] {
            let r = Fixtures.run("qpdf", ["--check", pdf])
            #expect(r.status == 0, "\(r.out)\(r.err)")
        }
    }

    @Test func metadataTitleAndPages() {
        let info = Fixtures.run("pdfinfo", [Self.ko]).out
        #expect(info.contains("Title:           조선민주주의인민공화국(DPRK): 제4차 보편적 정례인권검토(UPR) 공동 보고서"))
        #expect(info.contains("Author:          북한인권정보센터; 국제인권연맹"))
        #expect(info.contains("Creator:         Folio "))
        #expect(info.contains("A4"))
        let raw = Fixtures.run("qpdf", ["--qdf", "--object-streams=disable", Self.ko, "-"]).out
        #expect(raw.contains("/Lang (ko)"))
        #expect(raw.contains("/CreationDate (D:20240408000000Z)"))
    }

    @Test func manifestListsBothEditions() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.output + "/manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["report"] as? String == "dprk-upr4-joint-submission")
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["edition"] as? String } == ["en", "ko"])
        let pdf = try #require(FileManager.default.contents(atPath: Self.ko))
        #expect(files[1]["bytes"] as? Int == pdf.count)
        #expect(files[1]["sha256"] as? String == sha256Hex([UInt8](pdf)))
        #expect((files[1]["pages"] as? Int ?? 0) > 3)
        #expect(files[1]["layout"] as? String == "upr-submission")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let again = Fixtures.temporaryFolder("again")
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--output", again])
        #expect(r.status == 0)
        for name in ["dprk-upr4-joint-submission_EN.pdf", "dprk-upr4-joint-submission_KO.pdf", "manifest.json"] {
            let a = FileManager.default.contents(atPath: Self.output + "/" + name)
            let b = FileManager.default.contents(atPath: again + "/" + name)
            #expect(a != nil && a == b, "\(name) differs between runs")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: again).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// pdfaudit (../shared/tools) measures what readers see; skipped where it or pikepdf is absent.
    @Test func pdfauditReadsClean() throws {
        let tool = Fixtures.root + "/../shared/tools/pdfaudit.py"
        guard FileManager.default.fileExists(atPath: tool),
              Fixtures.run("python3", ["-c", "import pikepdf"]).status == 0 else { return }
        for (pdf, source) in [(Self.en, "en"), (Self.ko, "ko")] {
            let r = Fixtures.run("python3", [tool, pdf, "--source", Fixtures.sample + "/content/\(source).md", "--json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            #expect(json["overfull_lines"] as? Int == 0, "\(source)")
            #expect(json["qpdf_ok"] as? Bool == true)
            #expect(json["lang"] as? String == source)
            #expect((json["text_recall"] as? Double ?? 0) >= 0.98, "\(source)")
            #expect((json["midword_hangul_breaks"] as? Int ?? 1) == 0, "\(source)")
            #expect((json["outline_entries"] as? Int ?? 0) >= 22)
            if source == "ko" { #expect((json["text_recall_hangul"] as? Double ?? 0) >= 0.98) }
        }
    }
}

@Suite("command line errors")
struct CommandLineTests {
    @Test func unknownEditionIsAClearError() {
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--edition", "fr", "--output", Fixtures.temporaryFolder()])
        #expect(r.status != 0)
        #expect(r.err.contains("has no edition 'fr'"))
        #expect(r.err.contains("report.yaml"))
    }

    @Test func oneBadEditionDoesNotStopTheOthers() throws {
        let dir = Fixtures.temporaryFolder("mixed")
        Fixtures.write("# Good\n\nGood text.\n", to: dir + "/content/en.md")
        Fixtures.write("id: mixed\ndate: 2024-01-01\norganizations: []\neditions:\n  en: { title: Good, content: content/en.md }\n  ko: { title: 나쁨, content: content/missing.md }\n", to: dir + "/report.yaml")
        let out = Fixtures.temporaryFolder("mixed-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status != 0)
        #expect(r.err.contains("ko: "))
        #expect(FileManager.default.fileExists(atPath: out + "/mixed_EN.pdf"))
        #expect(!FileManager.default.fileExists(atPath: out + "/mixed_KO.pdf"))
    }

    @Test func unknownLayoutSuggestsTheNearest() {
        let r = Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--layout", "upr-submision", "--output", Fixtures.temporaryFolder()])
        #expect(r.status != 0)
        #expect(r.err.contains("unknown layout 'upr-submision'"))
        #expect(r.err.contains("did you mean 'upr-submission'"))
    }
}
