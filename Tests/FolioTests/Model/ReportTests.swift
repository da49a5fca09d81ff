import Testing
import FolioModel

@Suite("report.yaml: good and bad input")
struct ReportTests {
    /// A report folder with the given report.yaml.
    func folder(_ yaml: String) -> String {
        let dir = Fixtures.temporaryFolder("report")
        Fixtures.write(yaml, to: dir + "/report.yaml")
        return dir
    }

    @Test func loadsTheSample() throws {
        let report = try Report.load(directory: Fixtures.sample)
        #expect(report.id == "dprk-upr4-joint-submission")
        #expect(report.editions.map(\.code) == ["en", "ko"])
        #expect(report.organizations.map(\.short) == ["NKDB", "FIDH"])
        #expect(report.authors(in: "ko") == "북한인권정보센터; 국제인권연맹")
        #expect(report.fileName(of: report.editions[1]) == "dprk-upr4-joint-submission_KO.pdf")
    }

    @Test func missingFieldNamesLineAndField() {
        let dir = folder("id: x\ndate: 2024-01-01\norganizations: []\neditions:\n  en:\n    content: en.md\n")
        let error = #expect(throws: FolioError.self) { try Report.load(directory: dir) }
        #expect(error?.message.contains("'editions.en.title'") == true)
        #expect(error?.location?.line == 6)
        #expect(error?.location?.file.hasSuffix("report.yaml") == true)
    }

    @Test func wrongTypeNamesTheField() {
        let dir = folder("id: x\ndate: 2024-01-01\norganizations: nope\neditions:\n  en: { title: T, content: en.md }\n")
        let error = #expect(throws: FolioError.self) { try Report.load(directory: dir) }
        #expect(error?.message.contains("organizations") == true)
        #expect(error?.location?.line == 3)
    }

    @Test func unknownKeyGetsASuggestion() {
        let dir = folder("id: x\ndate: 2024-01-01\norganisations: []\neditions:\n  en: { title: T, content: en.md }\n")
        let error = #expect(throws: FolioError.self) { try Report.load(directory: dir) }
        #expect(error?.message == "unknown key 'organisations' in report.yaml")
        #expect(error?.hint?.contains("did you mean 'organizations'") == true)
        #expect(error?.location?.line == 3)
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        let dir = folder("id: x\ndate: [2024\neditions: {}\n")
        let error = #expect(throws: FolioError.self) { try Report.load(directory: dir) }
        #expect(error?.message.contains("YAML") == true)
        #expect((error?.location?.line ?? 0) >= 2)
    }

    @Test func badDateAndId() {
        let bad = folder("id: x\ndate: April 2024\norganizations: []\neditions:\n  en: { title: T, content: en.md }\n")
        #expect((#expect(throws: FolioError.self) { try Report.load(directory: bad) })?.location?.line == 2)
        let unsafe = folder("id: ../x\ndate: 2024-01-01\norganizations: []\neditions:\n  en: { title: T, content: en.md }\n")
        #expect((#expect(throws: FolioError.self) { try Report.load(directory: unsafe) })?.message.contains("id") == true)
    }

    @Test func fileNamesMustBeSafeForWebServers() {
        let dir = folder("id: x\ndate: 2024-01-01\norganizations: []\neditions:\n  en:\n    title: T\n    content: en.md\n    filename: \"my report (final).pdf\"\n")
        let error = #expect(throws: FolioError.self) { try Report.load(directory: dir) }
        #expect(error?.location?.line == 8)
        #expect(error?.hint?.contains("letters, digits") == true)
    }

    @Test func missingReportFile() {
        let error = #expect(throws: FolioError.self) { try Report.load(directory: "/nonexistent-folio-report") }
        #expect(error?.message.contains("does not exist") == true)
    }

    @Test func contentOutsideTheFolderIsRefused() throws {
        let dir = Fixtures.temporaryFolder("inside")
        #expect(throws: FolioError.self) {
            try FileSystem.local.resolveInside(dir, "../etc/passwd", field: "content", at: nil)
        }
        #expect(throws: FolioError.self) {
            try FileSystem.local.resolveInside(dir, "https://example.org/logo.png", field: "logo", at: nil)
        }
        #expect(try FileSystem.local.resolveInside(dir, "content/en.md", field: "content", at: nil).hasSuffix("content/en.md"))
    }
}
