import Foundation
import Testing
import FolioModel

/// Only web, mail and in-document links become links in the PDF; anything else is set as text, with a warning.
@Suite("link targets")
struct LinkTargetTests {
    static let markdown = """
    Safe: [web](https://example.org/a), [plain](HTTP://example.org), [mail](mailto:a@example.org), [here](#intro).

    Unsafe: [run](javascript:alert(1)) and [disk](file:///etc/passwd)
    and [rel](other.pdf) and <vbscript:msgbox>.

    """

    func links(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .link(let url, let content): return [url] + links(content)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): return links(c)
            default: return []
            }
        }
    }

    @Test func onlyHttpMailtoAndAnchorsStayLinks() throws {
        var reader = MarkdownReader(file: "en.md")
        let document = try reader.read(Array(Self.markdown.utf8))
        let found = document.blocks.flatMap { block -> [String] in
            if case .paragraph(let inlines, _) = block { return links(inlines) } else { return [] }
        }
        #expect(found == ["https://example.org/a", "HTTP://example.org", "mailto:a@example.org", "#intro"])
        let refused = reader.warnings.filter { $0.kind.rawValue == "link-target" }
        #expect(refused.count == 4, "\(reader.warnings)")
        #expect(refused.first?.location == SourceLocation(file: "en.md", line: 3, column: 9), "\(refused)")
        #expect(refused.first?.message.contains("javascript:") == true)
        #expect(refused.map { $0.location?.line ?? 0 } == [3, 3, 4, 4])
    }

    /// Every line of a link carries its whole target in the PDF: a 1 MB URL over 10,000 lines made 10 GB.
    @Test func aTargetLongerThanALinkMayBeIsSetAsText() throws {
        let long = "https://example.org/" + String(repeating: "segment/", count: 300)
        var reader = MarkdownReader(file: "en.md")
        let document = try reader.read(Array("See <\(long)> and [short](https://example.org).\n".utf8))
        let found = document.blocks.flatMap { block -> [String] in
            if case .paragraph(let inlines, _) = block { return links(inlines) } else { return [] }
        }
        #expect(found == ["https://example.org"])
        let refused = reader.warnings.filter { $0.kind.rawValue == "link-target" }
        #expect(refused.count == 1 && refused[0].message.contains("\(long.utf8.count) bytes long, over the 2048"), "\(refused)")
        #expect(refused.first?.location == SourceLocation(file: "en.md", line: 1, column: 5), "\(refused)")
    }

    @Test func unsafeTargetsNeverReachThePDF() throws {
        let dir = BadInputTests().folder(BadInputTests.header + "editions:\n  en: { title: T, content: en.md }\n",
                                         files: ["en.md": Self.markdown])
        let out = Fixtures.temporaryFolder("links-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("en.md:3:9") && r.err.contains("javascript:"), "\(r.err)")
        let pdf = Fixtures.run("qpdf", ["--qdf", "--object-streams=disable", out + "/t_EN.pdf", "-"]).out
        let uris = pdf.split(separator: "\n").filter { $0.contains("/URI") }
        #expect(uris.contains { $0.contains("https://example.org/a") }, "\(uris)")
        for target in ["javascript", "file:", "other.pdf", "vbscript"] {
            #expect(!uris.contains { $0.contains(target) }, "\(target) is a link in the PDF")
        }
    }
}
