import Foundation
import Testing
import FolioEngine

/// manifest.json over several runs: render updates its editions' entries, shards write their own manifests,
/// `folio manifest merge` joins them, and `--shard auto` reads the scheduler's environment.
@Suite("manifests and shards", .serialized)
struct ManifestTests {
    func folio(_ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, out: String, err: String) {
        Fixtures.run(Fixtures.folio, arguments, environment: environment)
    }

    func manifest(_ path: String) throws -> Manifest.Contents {
        try JSONDecoder().decode(Manifest.Contents.self, from: try #require(FileManager.default.contents(atPath: path), "\(path)"))
    }

    func fourEditions(_ id: String) -> String {
        Reports.make(id: id, editions: ["en": "# A\n\nText.\n", "fr": "# A\n\nTexte.\n", "de": "# A\n\nText auf Deutsch.\n",
                                        "ko": "# 가\n\n글.\n"])
    }

    @Test func renderingOneEditionKeepsTheOthersEntries() throws {
        let dir = Reports.make(id: "keep", editions: ["en": "# A\n\nText.\n", "ko": "# 가\n\n글.\n"])
        let out = Fixtures.temporaryFolder("keep-out")
        #expect(folio(["render", dir, "--output", out]).status == 0)
        let ko = folio(["render", dir, "--edition", "ko", "--output", out])
        #expect(ko.status == 0, "\(ko.err)")
        #expect(try manifest(out + "/manifest.json").files.map(\.edition) == ["en", "ko"], "the English PDF is still listed")
        // An entry whose file is gone is dropped.
        try FileManager.default.removeItem(atPath: out + "/keep_EN.pdf")
        #expect(folio(["render", dir, "--edition", "ko", "--output", out]).status == 0)
        #expect(try manifest(out + "/manifest.json").files.map(\.edition) == ["ko"])
    }

    @Test func fourShardsIntoOneFolderMergeIntoOneManifest() throws {
        let a = fourEditions("shard-a"), b = fourEditions("shard-b")
        let out = Fixtures.temporaryFolder("shards")
        for i in 1...4 {
            let r = folio(["batch", a, b, "--output", out, "--jobs", "1", "--shard", "\(i)/4"])
            #expect(r.status == 0, "\(r.err)")
            #expect(try manifest(out + "/manifest-shard-\(i)-of-4.json").files.count == 2, "8 editions, 2 per shard")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"), "a shard does not write the run's manifest")
        #expect(try manifest(out + "/shard-a/manifest.json").files.map(\.edition) == ["de", "en", "fr", "ko"],
                "each report's manifest holds every shard's editions")
        let merged = folio(["manifest", "merge", out])
        #expect(merged.status == 0, "\(merged.err)")
        let m = try manifest(out + "/manifest.json")
        #expect(m.files.count == 8)
        #expect(m.files.allSatisfy { FileManager.default.fileExists(atPath: out + "/" + $0.path) })
        #expect(m.files.map(\.path).first == "shard-a/shard-a_DE.pdf")
    }

    @Test func shardAutoReadsTheEnvironmentAndMergeJoinsFolders() throws {
        let dir = fourEditions("auto")
        let root = Fixtures.temporaryFolder("auto-out")
        for i in 0..<2 {
            let r = folio(["batch", dir, "--output", "\(root)/shard-\(i)", "--jobs", "1", "--shard", "auto"],
                          environment: ["JOB_COMPLETION_INDEX": "\(i)", "JOB_COMPLETIONS": "2"])
            #expect(r.status == 0, "\(r.err)")
            #expect(try manifest("\(root)/shard-\(i)/manifest-shard-\(i + 1)-of-2.json").files.count == 2)
        }
        let folioEnv = folio(["batch", dir, "--output", "\(root)/other", "--jobs", "1", "--shard", "auto"],
                             environment: ["FOLIO_SHARD_INDEX": "2", "FOLIO_SHARD_COUNT": "2"])
        #expect(folioEnv.status == 0 && FileManager.default.fileExists(atPath: "\(root)/other/manifest-shard-2-of-2.json"))
        let merged = folio(["manifest", "merge", "\(root)/shard-0", "\(root)/shard-1", "--output", root, "--format", "json"])
        #expect(merged.status == 0, "\(merged.err)")
        let m = try manifest(root + "/manifest.json")
        #expect(m.files.map(\.edition) == ["de", "en", "fr", "ko"])
        #expect(m.files.allSatisfy { $0.path.hasPrefix("shard-") && FileManager.default.fileExists(atPath: root + "/" + $0.path) })
        // Shards of different counts would list an edition twice: refused.
        #expect(folio(["batch", dir, "--output", "\(root)/shard-0", "--jobs", "1", "--shard", "1/1"]).status == 0)
        #expect(folio(["manifest", "merge", "\(root)/shard-0"]).status == 1)
    }

    @Test func shardAutoWithoutTheEnvironmentIsAUsageError() throws {
        let env = ["JOB_COMPLETION_INDEX": "", "JOB_COMPLETIONS": "", "FOLIO_SHARD_INDEX": "", "FOLIO_SHARD_COUNT": ""]
        let r = folio(["batch", Fixtures.sample, "--shard", "auto", "--output", Fixtures.temporaryFolder()], environment: env)
        #expect(r.status == 2 && r.err.contains("JOB_COMPLETION_INDEX"), "\(r.err)")
        #expect(throws: ShardSpec.Invalid.self) { try ShardSpec.parse("auto", environment: ["JOB_COMPLETION_INDEX": "4", "JOB_COMPLETIONS": "4"]) }
        #expect(try ShardSpec.parse("auto", environment: ["JOB_COMPLETION_INDEX": "3", "JOB_COMPLETIONS": "4"]) == ShardSpec(index: 4, count: 4))
        #expect(try ShardSpec.parse("auto", environment: ["FOLIO_SHARD_INDEX": "1", "FOLIO_SHARD_COUNT": "3"]) == ShardSpec(index: 1, count: 3))
        #expect(try ShardSpec.parse("2/5", environment: [:]) == ShardSpec(index: 2, count: 5))
    }
}
