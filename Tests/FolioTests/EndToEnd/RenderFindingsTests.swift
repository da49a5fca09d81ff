import Foundation
import Testing
import FolioModel

/// `folio render` and `folio batch` say what `folio check` says, and text a PDF cannot carry is cleaned, not fatal.
@Suite("render reports what check finds", .serialized)
struct RenderFindingsTests {
    /// A report with a broken anchor, an undefined footnote, TeX maths and noncharacters in the Markdown and the title
    /// (YAML refuses them written as they are, not as escapes).
    static func faulty() -> String {
        let nonchar = String(Unicode.Scalar(0xFFFE)!)
        let dir = Reports.make(id: "faulty", editions: [
            "en": "# Intro\n\nSee [the end](#nowhere), a note[^missing], $x^2$ and a bad\(nonchar) character.\n",
            "ko": "# 서론\n\n2021~2023년, *원칙(non-refoulement)*을 지킨다\u{202E}.\n",
        ])
        let yaml = try! String(contentsOfFile: dir + "/report.yaml", encoding: .utf8)
        Fixtures.write(yaml.replacingOccurrences(of: "title: \"Report en\"", with: "title: \"People's Report\\uFFFE: Test\""),
                       to: dir + "/report.yaml")
        return dir
    }

    /// The findings' lines a run printed, without the indentation.
    static func lines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(": warning: ") || $0.contains(": error: ") })
    }

    @Test func renderPrintsWhatCheckFinds() throws {
        let dir = Self.faulty()
        let check = Fixtures.run(Fixtures.folio, ["check", dir])
        #expect(check.status == 1)   // the broken anchor is an error
        let expected = Self.lines(check.out)
        for needle in ["#nowhere", "[^missing]", "TeX maths", "U+FFFE", "U+202E", "report.yaml:"] {
            #expect(expected.contains { $0.contains(needle) }, "check: \(needle)\n\(check.out)")
        }
        let out = Fixtures.temporaryFolder("findings-out")
        let render = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(render.status == 0, "\(render.err)")
        #expect(Self.lines(render.err) == expected, "render:\n\(render.err)\ncheck:\n\(check.out)")
        #expect(FileManager.default.fileExists(atPath: out + "/faulty_EN.pdf"))

        let strict = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out, "--strict", "--edition", "ko"])
        #expect(strict.status == 1 && strict.err.contains("U+202E"))
        #expect(FileManager.default.fileExists(atPath: out + "/faulty_KO.pdf"))

        let batchOut = Fixtures.temporaryFolder("findings-batch")
        let batch = Fixtures.run(Fixtures.folio, ["batch", dir, "--output", batchOut, "--jobs", "1"])
        #expect(batch.status == 0)
        #expect(Self.lines(batch.err) == expected, "batch:\n\(batch.err)")
        #expect(Fixtures.run(Fixtures.folio, ["batch", dir, "--output", batchOut, "--strict"]).status == 1)
    }

    /// The title's straight apostrophe is set as the body sets it, in the title and the running heads.
    @Test func titleAndRunningHeadsGetSmartQuotes() throws {
        let dir = Reports.make(id: "quotes", editions: ["en": "# One\n\nThe People's text.\n\n<!-- pagebreak -->\n\nMore.\n"])
        let yaml = try String(contentsOfFile: dir + "/report.yaml", encoding: .utf8)
        Fixtures.write(yaml.replacingOccurrences(of: "title: \"Report en\"", with: "title: \"People's Report: A \\\"Test\\\"\""), to: dir + "/report.yaml")
        let out = Fixtures.temporaryFolder("quotes-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status == 0, "\(r.err)")
        let text = Fixtures.run("pdftotext", ["-enc", "UTF-8", out + "/quotes_EN.pdf", "-"]).out
        #expect(!text.contains("People's"), "\(text)")
        #expect(text.components(separatedBy: "People’s Report").count >= 3, "title and running heads: \(text)")
        #expect(text.contains("A “Test”"))
    }
}
