import Foundation
import Testing
@testable import FolioRender

/// Links to headings whose anchors are not ASCII (Korean, French accents, Chinese) reach their destinations.
@Suite("named destinations")
struct NamedDestinationTests {
    @Test func asciiNamesStayAndOthersAreEscaped() {
        #expect(DestinationName.pdf("i-right-to-a-fair-trial") == "i-right-to-a-fair-trial")
        #expect(DestinationName.pdf("fn-3") == "fn-3")
        #expect(DestinationName.pdf("résumé") == "r%C3%A9sum%C3%A9")
        #expect(DestinationName.pdf("조사-방법") == "%EC%A1%B0%EC%82%AC-%EB%B0%A9%EB%B2%95")
        // `%` is escaped too, so that an ASCII name never equals another name's escaped form.
        #expect(DestinationName.pdf("r%C3%A9sum%C3%A9é") != DestinationName.pdf("résumé"))
        #expect(DestinationName.pdf("100%é") == "100%25%C3%A9")
    }

    /// A report with contents (the report layout) and links to headings in three scripts.
    static func render() throws -> String {
        let dir = Fixtures.temporaryFolder("anchors")
        Fixtures.write("""
            id: anchors
            layout: report
            date: 2024-04-08
            organizations:
              - short: ORG
                name: { en: "An Organisation" }
            editions:
              fr:
                title: "Rapport"
                content: content/fr.md
            """, to: dir + "/report.yaml")
        Fixtures.write("""
            # Résumé

            Voir [la méthode](#méthode-détaillée), [조사 방법](#조사-방법) et [中文标题](#中文标题).

            # Méthode détaillée

            Texte.

            # 조사 방법

            본문.

            # 中文标题

            正文。
            """, to: dir + "/content/fr.md")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", dir + "/out"])
        try #require(r.status == 0, "\(r.err)")
        return dir + "/out/anchors_FR.pdf"
    }

    /// poppler resolves every internal link (pdftohtml writes an empty href for one it cannot resolve).
    @Test func popplerResolvesEveryInternalLink() throws {
        let pdf = try Self.render()
        let xml = try PDFTool.pdftohtml.run(["-xml", "-i", "-stdout", pdf]).out
        let hrefs = xml.split(separator: "<a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.count >= 7, "4 contents entries and 3 links in the text")
        #expect(hrefs.filter(\.isEmpty).count == 0, "links that lead nowhere")
    }

    /// Every link's /Dest is a key of the name tree, byte for byte.
    @Test func everyLinkNamesADestinationOfTheNameTree() throws {
        let pdf = try Self.render()
        let r = try PDFTool.qpdf.run(["--json", "--json-key=qpdf", pdf])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let objects = (json?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        var names: Set<String> = [], dests: [String] = []
        for case let entry as [String: Any] in objects.values {
            guard let value = entry["value"] as? [String: Any] else { continue }
            if let list = value["/Names"] as? [Any] {
                for (i, name) in list.enumerated() where i % 2 == 0 { if let name = name as? String { names.insert(name) } }
            }
            if let dest = value["/Dest"] as? String { dests.append(dest) }
        }
        #expect(names.count == 4)
        #expect(dests.count >= 7)
        #expect(dests.filter { !names.contains($0) } == [])
        #expect(names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "names are ASCII: \(names)")
    }
}
