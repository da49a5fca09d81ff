import Foundation
import Testing
import FolioEngine
import FolioModel

/// The command line's contract: one table of exit codes, suggestions for misspellings, plain messages, and the
/// JSON of --format json (docs/cli.md).
@Suite("folio command line", .serialized)
struct CLITests {
    func folio(_ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, out: String, err: String) {
        Fixtures.run(Fixtures.folio, arguments, environment: environment)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func theExitCodesAreInTheHelp() {
        let r = folio(["--help"])
        #expect(r.status == 0)
        for line in ["0  success", "1  input error", "2  usage error", "3  output error", "4  internal error", "FOLIO_HOME"] {
            #expect(r.out.contains(line), "\(line)")
        }
    }

    @Test func aMisspelledCommandGetsASuggestion() {
        let r = folio(["rendr", "x"])
        #expect(r.status == 2)
        #expect(r.err.contains("Did you mean 'render'?"), "\(r.err)")
        let nested = folio(["manifest", "merg", "x"])
        #expect(nested.status == 2 && nested.err.contains("Did you mean 'merge'?"), "\(nested.err)")
    }

    @Test func aMisspelledOptionGetsASuggestionAndTheUsageCode() {
        let r = folio(["render", Fixtures.sample, "--outptu", "x"])
        #expect(r.status == 2)
        #expect(r.err.contains("Did you mean '--output'?"), "\(r.err)")
    }

    /// Comparable faults get the same code: a bad report.yaml, a bad layout and a failing edition are input
    /// errors (1); a page or an edition the command line names that does not exist is a usage error (2).
    @Test func comparableFaultsShareAnExitCode() {
        let badYAML = Reports.make(id: "bad-yaml", editions: ["en": "x\n"], extra: "colour: blue\n")
        #expect(folio(["render", badYAML, "--output", Fixtures.temporaryFolder()]).status == 1)
        let layouts = Fixtures.temporaryFolder("bad-layout")
        Fixtures.write("extends: upr-submission\npage: { widht: 10mm }\n", to: layouts + "/bad.yaml")
        let good = Reports.make(id: "good-cli", editions: ["en": "# A\n\nText.\n", "ko": "# 가\n\n글.\n"])
        let badLayout = folio(["render", good, "--layout", layouts + "/bad.yaml", "--output", Fixtures.temporaryFolder()])
        #expect(badLayout.status == 1)
        #expect(badLayout.err.components(separatedBy: "bad.yaml").count - 1 == 1, "one layout error, printed once: \(badLayout.err)")
        #expect(folio(["render", good, "--edition", "fr", "--output", Fixtures.temporaryFolder()]).status == 2)
        #expect(folio(["check", good, "--edition", "fr"]).status == 2, "an edition the report lacks is not a clean check")
        let pages = folio(["preview", good, "--edition", "en", "--pages", "99", "--output", Fixtures.temporaryFolder()])
        #expect(pages.status == 2 && pages.err.contains("page 99 does not exist"), "\(pages.err)")
    }

    @Test func anOutputThatIsAFileIsSaidPlainly() {
        let file = Fixtures.temporaryFolder("file-out") + "/afile"
        Fixtures.write("x", to: file)
        let r = folio(["render", Fixtures.sample, "--edition", "en", "--output", file])
        #expect(r.status == 3)
        #expect(r.err.contains("is a file, not a folder"), "\(r.err)")
        #expect(!r.err.contains("NSCocoaErrorDomain"))
    }

    @Test func aMissingInstallationIsAnInternalError() throws {
        // A copy of the program far from the repository, run from a folder without Layouts/: no home to find.
        let lonely = Fixtures.temporaryFolder("lonely")
        try FileManager.default.copyItem(atPath: Fixtures.folio, toPath: lonely + "/folio")
        let r = CLIRun.run(lonely + "/folio", ["layouts"], in: lonely, environment: ["FOLIO_HOME": "/nonexistent"])
        #expect(r.status == 4 && r.err.contains("FOLIO_HOME"), "\(r.err)")
    }

    @Test func renderBatchLayoutsPrintJSON() throws {
        let dir = Reports.make(id: "json-cli", editions: ["en": "# A\n\n<div>raw</div>\n\nText.\n", "ko": "# 가\n\n글.\n"])
        let out = Fixtures.temporaryFolder("json-out")
        let render = folio(["render", dir, "--output", out, "--format", "json"])
        #expect(render.status == 0, "\(render.err)")
        let r = try json(render.out)
        #expect(r["exit"] as? Int == 0 && r["report"] as? String == "json-cli")
        #expect((r["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["json-cli_EN.pdf", "json-cli_KO.pdf"])
        let raw = try #require((r["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "raw-html" })
        #expect(Set(raw.keys) == ["file", "line", "column", "severity", "code", "message", "hint", "edition"])
        #expect(raw["line"] as? Int == 3 && raw["edition"] as? String == "en" && raw["severity"] as? String == "warning")

        let batch = folio(["batch", dir, "--output", Fixtures.temporaryFolder("json-batch"), "--format", "json", "--jobs", "1"])
        #expect(batch.status == 0, "\(batch.err)")
        let b = try json(batch.out)
        #expect((b["summary"] as? [String: Int]) == ["written": 2, "unchanged": 0, "failed": 0])
        #expect((b["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["json-cli/json-cli_EN.pdf", "json-cli/json-cli_KO.pdf"])

        let layouts = try json(folio(["layouts", "--format", "json"]).out)
        #expect((layouts["layouts"] as? [[String: Any]])?.contains { $0["name"] as? String == "briefing" } == true)

        let broken = folio(["render", Fixtures.temporaryFolder("nothing"), "--format", "json"])
        #expect(broken.status == 1)
        let e = try json(broken.out)
        #expect(e["exit"] as? Int == 1 && (e["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "model")
    }
}

/// Runs a program in a given folder.
enum CLIRun {
    static func run(_ program: String, _ arguments: [String], in folder: String,
                    environment: [String: String] = [:], unset: [String] = []) -> (status: Int32, out: String, err: String) {
        Fixtures.run(program, arguments, environment: environment, in: folder, unset: unset)
    }
}
