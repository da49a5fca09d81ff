import Foundation
import Testing
import FolioEngine
import FolioModel

/// Small reports written into a temporary folder.
enum Reports {
    /// A report folder with the given editions (code → Markdown) and extra report.yaml lines.
    static func make(id: String, editions: [String: String], extra: String = "", layout: String = "upr-submission") -> String {
        let dir = Fixtures.temporaryFolder(id)
        var yaml = "id: \(id)\nlayout: \(layout)\ndate: 2024-05-01\norganizations:\n  - short: ORG\n    name: { en: \"An Organisation\", ko: \"한 단체\" }\n\(extra)editions:\n"
        for (code, md) in editions.sorted(by: { $0.key < $1.key }) {
            yaml += "  \(code):\n    title: \"Report \(code)\"\n    content: content/\(code).md\n"
            Fixtures.write(md, to: "\(dir)/content/\(code).md")
        }
        Fixtures.write(yaml, to: dir + "/report.yaml")
        return dir
    }
}

@Suite("folio batch", .serialized)
struct BatchTests {
    /// The costliest jobs go first, so that no long job is left to run alone at the end.
    @Test func jobsAreHandedOutLongestFirst() throws {
        let long = String(repeating: "A paragraph of some length. ", count: 200)
        let dir = Reports.make(id: "order", editions: ["en": "Short.\n", "fr": long, "ko": "짧은 글.\n"])
        let report = try Report.load(directory: dir)
        let work = report.editions.map { BatchJob(report: report, edition: $0) }
        let order = BatchRunner.longestFirst(work).map { work[$0].edition.code }
        #expect(order == ["fr", "ko", "en"])   // the long one, then Korean (its PDF costs twice), then the short one
    }

    @Test func shardsCoverEveryEditionExactlyOnce() throws {
        var jobs: [BatchJob] = []
        for i in 0..<40 {
            let dir = Reports.make(id: "r\(i)", editions: ["en": "# A\n\ntext\n", "ko": "# 가\n\n글\n"])
            let report = try Report.load(directory: dir)
            jobs += report.editions.map { BatchJob(report: report, edition: $0) }
        }
        for n in [1, 2, 3, 7] {
            var seen: [String: Int] = [:]
            for i in 1...n { for job in BatchJob.shard(jobs, index: i, count: n) { seen[job.name, default: 0] += 1 } }
            #expect(seen.count == jobs.count && seen.values.allSatisfy { $0 == 1 }, "n = \(n)")
        }
        let half = BatchJob.shard(jobs, index: 1, count: 2).count
        #expect(half == 40, "shards are even: \(half) of 80")
        #expect(BatchJob.shard(jobs.reversed(), index: 2, count: 3).map(\.name).sorted() == BatchJob.shard(jobs, index: 2, count: 3).map(\.name).sorted(),
                "the jobs' order does not matter")
    }

    /// Shards are dealt by edition and expected cost: one report's four editions go one to each of four shards,
    /// and a long edition is not paired with another.
    @Test func shardsBalanceEditionsAndCost() throws {
        let four = Reports.make(id: "four", editions: ["en": "# A\n\ntext\n", "fr": "# A\n\ntexte\n", "ko": "# 가\n\n글\n", "de": "# A\n\nText\n"])
        let report = try Report.load(directory: four)
        let jobs = report.editions.map { BatchJob(report: report, edition: $0) }
        #expect((1...4).map { BatchJob.shard(jobs, index: $0, count: 4).count } == [1, 1, 1, 1])
        let long = String(repeating: "A paragraph of some length. ", count: 400)
        let mixed = Reports.make(id: "mixed", editions: ["en": long, "fr": "court\n", "de": "kurz\n", "es": "corto\n"])
        let m = try Report.load(directory: mixed)
        let mjobs = m.editions.map { BatchJob(report: m, edition: $0) }
        let shards = (1...2).map { BatchJob.shard(mjobs, index: $0, count: 2).map(\.edition.code) }
        #expect(shards.first { $0.contains("en") } == ["en"], "the long edition has a shard to itself: \(shards)")
    }

    @Test func aBadEditionDoesNotStopTheGoodOnesAndReRunsChangeNothing() throws {
        let good = Reports.make(id: "good", editions: ["en": "# Good\n\nGood text.\n", "ko": "# 좋음\n\n좋은 글.\n"])
        let bad = Reports.make(id: "bad", editions: ["en": "# Fine\n\nFine.\n", "ko": ""])
        let out = Fixtures.temporaryFolder("batch-out")
        let r = Fixtures.run(Fixtures.folio, ["batch", good, bad, "--output", out, "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.out.contains("3 written") && r.out.contains("1 failed"))
        #expect(r.out.contains("FAILED"))
        for f in ["good/good_EN.pdf", "good/good_KO.pdf", "bad/bad_EN.pdf", "good/good_EN_thumb.png", "manifest.json", "good/manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + f), "\(f)")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/bad/bad_KO.pdf"))
        let before = try FileManager.default.contentsOfDirectory(atPath: out + "/good").sorted()
        let pdf = FileManager.default.contents(atPath: out + "/good/good_KO.pdf")
        let again = Fixtures.run(Fixtures.folio, ["batch", good, "--output", out, "--jobs", "1"])
        #expect(again.status == 0)
        #expect(again.out.contains("0 written, 2 unchanged") && again.out.contains("nothing changed"))
        #expect(FileManager.default.contents(atPath: out + "/good/good_KO.pdf") == pdf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/good").sorted() == before, "no temporary files")
    }

    @Test func twoFoldersWithOneIdAreRefused() {
        let a = Reports.make(id: "same", editions: ["en": "a\n"])
        let b = Reports.make(id: "same", editions: ["en": "b\n"])
        let r = Fixtures.run(Fixtures.folio, ["batch", a, b, "--output", Fixtures.temporaryFolder()])
        #expect(r.status == 1 && r.err.contains("also used by"))
    }

    @Test func badShardIsRefused() {
        let r = Fixtures.run(Fixtures.folio, ["batch", Fixtures.sample, "--shard", "3/2", "--output", Fixtures.temporaryFolder()])
        #expect(r.status != 0 && r.err.contains("--shard"))
    }
}

@Suite("folio check finds planted faults")
struct CheckTests {
    func findings(_ dir: String) -> [Finding] {
        Checker(engine: Fixtures.engine).check(directory: dir).findings
    }

    @Test func brokenInternalLink() {
        let dir = Reports.make(id: "links", editions: ["en": "# Methodology\n\nSee [above](#methodolgy).\n"])
        let f = findings(dir).first { $0.kind == .brokenLink }
        #expect(f?.location?.line == 3)
        #expect(f?.message.contains("did you mean '#methodology'") == true)
    }

    @Test func charactersNoFontHas() {
        let dir = Reports.make(id: "chars", editions: ["en": "# A\n\nA private-use character \u{F8FF} here.\n"])
        let f = findings(dir).first { $0.kind == .missingCharacter }
        #expect(f?.message.contains("U+F8FF") == true)
        #expect(f?.location?.line == 3)
    }

    @Test func wordLimitOfTheLayout() {
        let long = String(repeating: "word ", count: 3000)
        let dir = Reports.make(id: "words", editions: ["en": "# A\n\n\(long)\n"])
        let f = findings(dir).first { $0.kind == .wordLimit }
        #expect(f?.severity == .error)
        #expect(f?.message.contains("3001 words, 186 over the limit of 2815 for an individual submission") == true, "\(f?.message ?? "")")
        // Located at the Markdown that has the words, not at the PDF not yet written.
        #expect(f?.location?.file == dir + "/content/en.md")
    }

    /// A logo the layout does not print is said, not dropped silently.
    @Test func aLogoWithoutACoverIsAWarning() {
        let dir = Reports.make(id: "logo", editions: ["en": "# A\n\nText.\n"], layout: "briefing")
        let yaml = try! String(contentsOfFile: dir + "/report.yaml", encoding: .utf8)
        Fixtures.write(yaml.replacingOccurrences(of: "  - short: ORG\n", with: "  - short: ORG\n    logo: logo.svg\n"), to: dir + "/report.yaml")
        Fixtures.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", to: dir + "/logo.svg")
        let f = findings(dir).first { $0.kind == .ignoredField }
        #expect(f?.message.contains("not printed") == true && f?.location?.line == 6, "\(findings(dir).map(\.text))")
        let withCover = Checker(engine: Fixtures.engine).check(directory: dir, layout: "report").findings
        #expect(!withCover.contains { $0.kind == .ignoredField })
    }

    @Test func noUNLanguage() {
        let dir = Reports.make(id: "lang", editions: ["ko": "# 가\n\n글.\n"])
        #expect(findings(dir).contains { $0.kind == .language && $0.severity == .error })
    }

    @Test func numberedParagraphsRequired() {
        let dir = Reports.make(id: "num", editions: ["en": "# A\n\nText.\n"], extra: "")
        // upr-submission numbers paragraphs; a layout that does not, with the UN rules on, is an error.
        let layouts = Fixtures.temporaryFolder("ly")
        Fixtures.write("extends: upr-submission\nnumbered-paragraphs: { enabled: false }\n", to: layouts + "/plain.yaml")
        let f = Checker(engine: Fixtures.engine).check(directory: dir, layout: layouts + "/plain.yaml").findings
        #expect(f.contains { $0.kind == .numberedParagraphs })
    }

    @Test func modelErrorsAreFindingsWithLocations() {
        let dir = Reports.make(id: "model", editions: ["en": "x\n"], extra: "colour: blue\n")
        let f = findings(dir)
        #expect(f.count == 1 && f[0].kind == .model && f[0].location?.line == 7)
    }

    @Test func theSampleHasNoErrors() {
        let f = findings(Fixtures.sample)
        #expect(!f.contains { $0.severity == .error }, "\(f.map(\.text))")
    }

    @Test func jsonFormat() throws {
        let dir = Reports.make(id: "json", editions: ["en": "See [x](#nowhere).\n"])
        let r = Fixtures.run(Fixtures.folio, ["check", dir, "--format", "json"])
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let f = try #require((json["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "broken-link" })
        #expect(f["line"] as? Int == 1)
        #expect((json["editions"] as? [[String: Any]])?.first?["words"] as? Int == 2)
    }
}

@Suite("folio fonts")
struct FontsCommandTests {
    @Test func reportsFacesAndCoverage() {
        let r = Fixtures.run(Fixtures.folio, ["fonts", Fixtures.sample, "--edition", "ko"])
        #expect(r.status == 0)
        #expect(r.out.contains("Noto Serif CJK KR"))
        #expect(r.out.contains(".ttc#"))
        #expect(r.out.contains("Hang"))
    }

    /// Without a report there is no text: no coverage figure, rather than "1 chars" for the sample string.
    @Test func withoutAReportNoCoverageIsClaimed() throws {
        let r = Fixtures.run(Fixtures.folio, ["fonts"])
        #expect(r.status == 0 && r.out.contains("Noto"))
        #expect(!r.out.contains(" chars"), "\(r.out)")
        let json = Fixtures.run(Fixtures.folio, ["fonts", Fixtures.sample, "--edition", "ko", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let rows = try #require(object["fonts"] as? [[String: Any]])
        #expect(rows.contains { $0["script"] as? String == "Hang" && ($0["covered"] as? Int ?? 0) > 100 })
    }
}
