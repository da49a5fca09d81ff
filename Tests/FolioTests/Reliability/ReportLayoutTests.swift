import Foundation
import Testing
import FolioEngine
import FolioModel

/// A layout a report brings is read from inside its folder, its errors quote no values, and it cannot raise the
/// limits that protect the machine.
@Suite("layouts that reports bring")
struct ReportLayoutTests {
    let bad = BadInputTests()

    func report(layout: String, files: [String: String] = [:]) -> String {
        let yaml = "id: t\ndate: 2024-01-01\nlayout: \(layout)\n" + ReportInputTests.organizations
            + "editions:\n  en: { title: T, content: en.md }\n"
        return bad.folder(yaml, files: ["en.md": "Text.\n"].merging(files) { $1 })
    }

    /// `folio check`: its exit status and all it said (findings go to standard output).
    func check(_ dir: String) -> (status: Int32, err: String) {
        let r = Fixtures.run(Fixtures.folio, ["check", dir])
        return (r.status, r.out + r.err)
    }

    @Test func aLayoutPathLeadingOutOfTheReportIsRefusedAndItsContentIsNotQuoted() throws {
        let dir = report(layout: "../secret.yaml")
        Fixtures.write("page: topsecret\n", to: (dir as NSString).deletingLastPathComponent + "/secret.yaml")
        let r = check(dir)
        #expect(r.status != 0)
        #expect(r.err.contains("report.yaml:3:9") && r.err.contains("outside the report folder"), "\(r.err)")
        #expect(!r.err.contains("topsecret"))
        bad.expectFailure(report(layout: "/etc/passwd.yaml"), ["report.yaml:3:9", "outside the report folder"])
    }

    @Test func aLayoutPathIsReadFromTheReportFolderNotTheWorkingDirectory() {
        let dir = report(layout: "mine.yaml", files: ["mine.yaml": "extends: report\nbody:\n  leading: 1.6\n"])
        let out = Fixtures.temporaryFolder("own-layout")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/t_EN.pdf"))
    }

    @Test func errorsAboutAReportLayoutNameTheKeyNotTheValue() {
        let dir = report(layout: "mine.yaml", files: ["mine.yaml": "page: topsecret\nbody:\n  align: hunter2\n"])
        let r = check(dir)
        #expect(r.status != 0 && r.err.contains("mine.yaml:1:7") && r.err.contains("'page'"), "\(r.err)")
        #expect(!r.err.contains("topsecret"))
        let extends = report(layout: "mine.yaml", files: ["mine.yaml": "extends: hunter2\n"])
        let e = check(extends)
        #expect(e.status != 0 && e.err.contains("mine.yaml:1:10") && !e.err.contains("hunter2"), "\(e.err)")
        let control = check(report(layout: "mine.yaml", files: ["mine.yaml": "password: hunter2\u{01}x\n"]))
        #expect(control.status != 0 && control.err.contains("mine.yaml:1:18") && control.err.contains("U+0001"), "\(control.err)")
        #expect(!control.err.contains("hunter2"))
        bad.expectFailure(report(layout: "mine.yaml", files: ["mine.yaml": "extends: ../../base.yaml\n"]),
                          ["mine.yaml:1:10", "outside the report folder"])
    }

    @Test func aReportLayoutMayLowerLimitsButNotRaiseThem() throws {
        let raise = "limits:\n  max-nesting: 1000\n  max-pages: 100000\n  max-content-bytes: 900000000\n  max-image-pixels: 900000000\n"
        let dir = report(layout: "mine.yaml", files: ["mine.yaml": raise, "en.md": String(repeating: "> ", count: 100) + "deep\n"])
        bad.expectFailure(dir, ["en.md:", "nested more than 32 levels"])
        let loaded = try Report.load(directory: dir)
        let limits = try Fixtures.engine.layout(for: loaded, edition: loaded.editions[0]).limits
        #expect(limits.maxNesting == 32 && limits.maxPages == 5000 && limits.maxContentBytes == 20_000_000
                && limits.maxImagePixels == 40_000_000)
        // Named on the command line, the same file is the operator's choice: its limits hold.
        let chosen = try Fixtures.engine.layout(for: loaded, edition: loaded.editions[0], name: dir + "/mine.yaml").limits
        #expect(chosen.maxNesting == 1000 && chosen.maxPages == 100000)
        let lower = report(layout: "mine.yaml", files: ["mine.yaml": "limits:\n  max-nesting: 3\n",
                                                        "en.md": String(repeating: "> ", count: 5) + "deep\n"])
        bad.expectFailure(lower, ["en.md:", "nested more than 3 levels"])
    }

    @Test func aBuiltInLayoutIsStillFoundByName() throws {
        let dir = report(layout: "briefing")
        let loaded = try Report.load(directory: dir)
        #expect(try Fixtures.engine.layout(for: loaded, edition: loaded.editions[0]).name == "briefing")
    }
}
