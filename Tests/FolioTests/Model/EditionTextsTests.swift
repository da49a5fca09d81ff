import Testing
import FolioEngine
import FolioModel

/// The texts Folio sets from report.yaml: smart punctuation per language, characters a PDF cannot carry.
@Suite("texts from report.yaml")
struct EditionTextsTests {
    @Test func quotesAndDashesPerLanguage() {
        let apply = SmartPunctuation.apply
        #expect(apply("Democratic People's Republic: \"fair\" trials -- and 'more'...", "en")
                == "Democratic People’s Republic: “fair” trials – and ‘more’…")
        #expect(apply("\"북한\" 인권 보고서 --- 2024년", "ko") == "“북한” 인권 보고서 — 2024년")
        #expect(apply("Le rapport \"Droits de l'homme\" (\" texte \")", "fr")
                == "Le rapport «\u{202F}Droits de l’homme\u{202F}» («\u{202F}texte\u{202F}»)")
        #expect(apply("a-b, 2021-2023", "en") == "a-b, 2021-2023")
        #expect(apply("Plain text", "en") == "Plain text")
    }

    func report(_ yaml: String) throws -> Report {
        let dir = Fixtures.temporaryFolder("texts")
        Fixtures.write(yaml, to: dir + "/report.yaml")
        Fixtures.write("text\n", to: dir + "/en.md")
        Fixtures.write("text\n", to: dir + "/fr.md")
        return try Report.load(directory: dir)
    }

    @Test func titlesNamesAndRunningHeadFieldsGetSmartPunctuation() throws {
        let r = try report("""
        id: t
        date: 2024-05-01
        organizations:
          - short: "People's Org"
            name: { en: "The People's \\"Centre\\"", fr: "Le \\"Centre\\" du peuple" }
        editions:
          en: { title: "Democratic People's Republic", subtitle: "A 'short' note -- 2024", content: en.md }
          fr: { title: "La République \\"populaire\\"", content: fr.md }
        """)
        let en = EditionTexts(report: r, edition: r.editions[0])
        #expect(en.title == "Democratic People’s Republic")
        #expect(en.subtitle == "A ‘short’ note – 2024")
        #expect(en.organizations == ["The People’s “Centre”"] && en.organizationsShort == ["People’s Org"])
        #expect(en.authors == "The People’s “Centre”" && en.subject == "A ‘short’ note – 2024")
        let fr = EditionTexts(report: r, edition: r.editions[1])
        #expect(fr.title == "La République «\u{202F}populaire\u{202F}»")
        #expect(fr.organizations == ["Le «\u{202F}Centre\u{202F}» du peuple"])
        #expect(en.warnings.isEmpty && fr.warnings.isEmpty)
    }

    @Test func charactersAPDFCannotCarryAreCleanedWithTheFieldsPlace() throws {
        let r = try report("""
        id: t
        date: 2024-05-01
        organizations:
          - short: "ORG\\u202E"
            name: "Name\\uFDD0"
        editions:
          en: { title: "Title\\uFFFE", content: en.md }
        """)
        let en = EditionTexts(report: r, edition: r.editions[0])
        #expect(en.title == "Title\u{FFFD}" && en.organizations == ["Name\u{FFFD}"] && en.organizationsShort == ["ORG"])
        #expect(en.warnings.map(\.kind) == [.invalidCharacter, .invalidCharacter, .invalidCharacter])
        #expect(en.warnings.map { $0.location?.line ?? 0 } == [7, 5, 4])
        #expect(en.warnings.allSatisfy { $0.location?.file.hasSuffix("report.yaml") == true })
    }
}
