import Foundation
import Testing
@testable import FolioEngine
import FolioModel

/// report.yaml values that used to crash a run or pass unnoticed: impossible dates, colliding names, lengths no
/// file system takes; and the plain words of the messages about them.
@Suite("report.yaml: dates, names and messages")
struct ReportInputTests {
    static let organizations = "organizations:\n  - short: O\n    name: Org\n"

    func report(date: String = "2024-01-01", id: String = "t", editions: String = "  en: { title: T, content: en.md }\n") -> String {
        "id: \(id)\ndate: \(date)\n" + Self.organizations + "editions:\n" + editions
    }

    func error(_ yaml: String) -> FolioError? {
        #expect(throws: FolioError.self) { try Report.parse(text: yaml, directory: "/r", file: "/r/report.yaml") }
    }

    @Test(arguments: ["2024-13-01", "2024-00-10", "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-01-00", "2024-01-32"])
    func impossibleDatesAreRefusedAtTheDate(date: String) {
        let e = error(report(date: date))
        #expect(e?.message.contains("'\(date)'") == true && e?.message.contains("calendar") == true, "\(String(describing: e))")
        #expect(e?.location?.line == 2 && e?.location?.column == 7)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-01-31"])
    func realDatesAreAccepted(date: String) throws {
        #expect(try Report.parse(text: report(date: date), directory: "/r", file: "/r/report.yaml").date == date)
    }

    @Test func displayDateTakesNoIndexFromItsInput() {
        #expect(Engine.displayDate("2024-13-01", language: "en") == "2024-13-01")
        #expect(Engine.displayDate("2024-00-01", language: "fr") == "2024-00-01")
        #expect(Engine.displayDate("2024-03-05", language: "en") == "5 March 2024")
    }

    /// The tester's case: month 13 trapped check, render and batch.
    @Test(arguments: ["check", "render", "batch"])
    func anImpossibleDateIsALocatedErrorInEveryCommand(command: String) {
        let dir = BadInputTests().folder(report(date: "2024-13-01"), files: ["en.md": "Text.\n"])
        let out = Fixtures.temporaryFolder("date-out")
        let r = Fixtures.run(Fixtures.folio, [command, dir] + (command == "check" ? [] : ["--output", out]))
        #expect(r.status != 0 && r.status != 132, "exit \(r.status)")
        let said = r.out + r.err   // check reports on standard output
        #expect(said.contains("report.yaml:2:7") && said.contains("calendar"), "\(said)")
    }

    @Test func editionsWhoseFilesCollideAreRefused() {
        let upper = error(report(editions: "  en: { title: T, content: en.md }\n  EN: { title: T, content: en2.md }\n"))
        #expect(upper?.message.contains("'en' and 'EN'") == true, "\(String(describing: upper))")
        #expect(upper?.location?.line == 8)
        let same = error(report(editions: "  en: { title: T, content: en.md, filename: a.pdf }\n  ko: { title: T, content: ko.md, filename: A.pdf }\n"))
        #expect(same?.message.contains("'A.pdf'") == true && same?.message.contains("'en'") == true, "\(String(describing: same))")
        #expect(same?.location?.line == 8 && same?.location?.column == 45)
        let byDefault = error(report(editions: "  en: { title: T, content: en.md }\n  ko: { title: T, content: ko.md, filename: t_en.pdf }\n"))
        #expect(byDefault?.message.contains("t_EN.pdf") == true || byDefault?.message.contains("t_en.pdf") == true)
    }

    @Test func reportsWhoseIdsDifferOnlyInCaseShareNoBatchFolder() {
        let upper = BadInputTests().folder(report(id: "T"), files: ["en.md": "Text.\n"])
        let lower = BadInputTests().folder(report(id: "t"), files: ["en.md": "Text.\n"])
        let r = Fixtures.run(Fixtures.folio, ["batch", upper, lower, "--output", Fixtures.temporaryFolder("ids-out")])
        #expect(r.status != 0 && r.err.contains("report.yaml:1:5") && r.err.contains("also used by"), "\(r.err)")
    }

    @Test func longIdsCodesAndFileNamesAreRefusedAtLoadTime() {
        let id = String(repeating: "a", count: 300)
        let long = error(report(id: id))
        #expect(long?.location?.line == 1 && long?.message.contains("characters") == true, "\(String(describing: long))")
        let code = "en-" + String(repeating: "x", count: 60)
        #expect(error(report(editions: "  \(code): { title: T, content: en.md }\n"))?.location?.line == 7)
        let name = String(repeating: "b", count: 190) + ".pdf"
        #expect(error(report(editions: "  en: { title: T, content: en.md, filename: \(name) }\n"))?.location?.line == 7)
    }

    @Test func aWrongTypeIsExplainedInPlainWords() {
        let e = error(report(editions: "  en: { title: [1, 2], content: en.md }\n"))
        #expect(e?.hint?.contains("Expected to decode") == false, "\(String(describing: e?.hint))")
        #expect(e?.hint?.contains("'editions.en.title'") == true && e?.hint?.contains("a list") == true, "\(String(describing: e?.hint))")
        let org = error("id: t\ndate: 2024-01-01\norganizations: nope\neditions:\n  en: { title: T, content: en.md }\n")
        #expect(org?.hint?.contains("Expected to decode") == false && org?.hint?.contains("a list") == true, "\(String(describing: org?.hint))")
    }

    @Test func anUnclosedQuoteIsReportedOnItsOwnLine() {
        let e = error("id: t\ndate: \"2024-01-01\n" + Self.organizations + "editions:\n  en: { title: T, content: en.md }\n")
        #expect(e?.location?.line == 2 && e?.location?.column == 7, "\(String(describing: e))")
    }

    @Test func settingsFilesPastAMegabyteAreNotRead() {
        let padding = "# " + String(repeating: "x", count: 1_000_000) + "\n"
        BadInputTests().expectFailure(BadInputTests().folder(report() + padding, files: ["en.md": "Text.\n"]),
                                      ["report.yaml", "over the limit of 1000000"])
        let layout = "id: t\ndate: 2024-01-01\nlayout: mine.yaml\n" + Self.organizations + "editions:\n  en: { title: T, content: en.md }\n"
        BadInputTests().expectFailure(BadInputTests().folder(layout, files: ["en.md": "Text.\n", "mine.yaml": padding]),
                                      ["mine.yaml", "over the limit of 1000000"])
    }

    @Test func aFolderOrAPipeGivenAsAFileIsCalledWhatItIs() throws {
        let yaml = report()
        let folder = BadInputTests().folder(yaml)
        try FileManager.default.createDirectory(atPath: folder + "/en.md", withIntermediateDirectories: true)
        BadInputTests().expectFailure(folder, ["en.md", "is a folder"])
        let pipe = BadInputTests().folder(yaml)
        #expect(mkfifo(pipe + "/en.md", 0o600) == 0)
        BadInputTests().expectFailure(pipe, ["en.md", "named pipe"])
        let home = BadInputTests().folder("")
        try FileManager.default.removeItem(atPath: home + "/report.yaml")
        try FileManager.default.createDirectory(atPath: home + "/report.yaml", withIntermediateDirectories: true)
        BadInputTests().expectFailure(home, ["report.yaml", "is a folder"])
        let logo = BadInputTests().logoReport("logo.png")
        try FileManager.default.createDirectory(atPath: logo + "/logo.png", withIntermediateDirectories: true)
        BadInputTests().expectFailure(logo, ["report.yaml:6:", "is a folder"])
    }
}
