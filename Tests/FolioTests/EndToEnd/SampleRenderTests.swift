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
    func text(_ pdf: String) throws -> String {
        let r = try PDFTool.pdftotext.run(["-enc", "UTF-8", pdf, "-"])
        return r.out.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
    }

    @Test func koreanAndEnglishSentencesComeBackIntact() throws {
        let ko = try text(Self.ko), en = try text(Self.en)
        #expect(ko.contains("국가보위성이 다룬 사건의 경우 가족들은 몇 주 또는 몇 달이 지나서야 구금 사실을 알게 되었고"))
        #expect(ko.contains("북한인권정보센터"))
        #expect(en.contains("The Database Center for North Korean Human Rights (NKDB, 북한인권정보센터) and the International"))
        #expect(en.contains("official"), "ligatures must extract as their letters")
    }

    @Test func everyFontIsEmbeddedSubsetAndMapped() throws {
        for pdf in [Self.en, Self.ko] {
            let fonts = try PDFStructure.fonts(pdf)
            #expect(!fonts.isEmpty)
            for font in fonts {
                #expect(font.embedded, "not embedded: \(font.row)")
                #expect(font.subset, "not subset: \(font.row)")
                #expect(font.toUnicode, "no ToUnicode: \(font.row)")
            }
        }
    }

    @Test func qpdfFindsNoDamage() throws {
        for pdf in [Self.en, Self.ko] {
            let damage = try PDFStructure.damage(pdf)
            #expect(damage == nil, "\(damage ?? "")")
        }
    }

    @Test func metadataTitleAndPages() throws {
        let info = try PDFTool.pdfinfo.run([Self.ko]).out
        #expect(info.contains("Title:           조선민주주의인민공화국(DPRK): 제4차 보편적 정례인권검토(UPR) 공동 보고서"))
        #expect(info.contains("Author:          북한인권정보센터; 국제인권연맹"))
        #expect(info.contains("Creator:         Folio "))
        #expect(info.contains("A4"))
        let raw = try PDFTool.qpdf.run(["--qdf", "--object-streams=disable", Self.ko, "-"]).out
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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: again).filter { $0.hasPrefix(".") && $0 != AtomicFile.lockName }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// The two editions; each one's source is content/<language>.md.
    static let editions = [(pdf: en, language: "en"), (pdf: ko, language: "ko")]
    static func source(_ language: String) throws -> SourceText {
        try SourceText(markdownFile: Fixtures.sample + "/content/\(language).md")
    }

    @Test func noLineRunsPastTheMargin() throws {
        for edition in Self.editions {
            let text = try PDFText(pdf: edition.pdf)
            #expect(text.bodyRightEdge != nil, "\(edition.language): no body lines found")
            let overfull = text.overfullLines()
            #expect(overfull.isEmpty, "\(edition.language): \(overfull)")
        }
    }

    @Test func everyWordOfTheSourceComesBack() throws {
        for edition in Self.editions {
            let recall = try PDFText(pdf: edition.pdf).recall(of: try Self.source(edition.language))
            #expect(recall.words >= 0.98, "\(edition.language) \(recall.words), missing: \(recall.missing.prefix(40))")
            if edition.language == "ko" {
                #expect((recall.hangul ?? 0) >= 0.98, "Hangul words \(recall.hangul ?? 0)")
            }
        }
    }

    @Test func koreanLinesBreakBetweenWords() throws {
        let text = try PDFText(pdf: Self.ko)
        let breaks = text.koreanBreaksInsideWords(source: try Self.source("ko"))
        #expect(breaks.isEmpty, "line ends inside a word: \(breaks)")
    }

    @Test func languageAndOutline() throws {
        for edition in Self.editions {
            #expect(try PDFStructure.language(edition.pdf) == edition.language)
            let markdown = try String(contentsOfFile: Fixtures.sample + "/content/\(edition.language).md", encoding: .utf8)
            let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("# ") || $0.hasPrefix("## ") || $0.hasPrefix("### ") }
            #expect(headings.count >= 22)
            #expect(try PDFStructure.outlineEntries(edition.pdf) == headings.count, "one entry per heading: \(edition.language)")
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
