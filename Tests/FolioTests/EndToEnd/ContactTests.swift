import Testing

/// The organisations' web sites and contact lines from report.yaml are printed: in the title block, or under each
/// organisation's name on the cover.
@Suite("organisation contacts")
struct ContactTests {
    @Test(arguments: ["upr-submission", "report"])
    func websitesAndContactsAreOnTheFirstPage(layout: String) throws {
        let dir = Fixtures.temporaryFolder("contacts")
        Fixtures.write("# Body\n\nText.\n", to: dir + "/content/en.md")
        Fixtures.write("""
            id: contacts
            date: 2024-01-01
            organizations:
              - { short: A, name: Org A, url: "https://a.example.org", contact: "info@a.example.org, Seoul" }
              - { short: B, name: Org B }
            editions:
              en: { title: T, content: content/en.md }
            """, to: dir + "/report.yaml")
        let out = Fixtures.temporaryFolder("contacts-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--layout", layout, "--output", out])
        #expect(r.status == 0, "\(r.err)")
        let first = try PDFTool.pdftotext.run(["-f", "1", "-l", "1", out + "/contacts_EN.pdf", "-"]).out
        #expect(first.contains("https://a.example.org"), "\(layout): \(first)")
        #expect(first.contains("info@a.example.org, Seoul"), "\(layout): \(first)")
    }
}
