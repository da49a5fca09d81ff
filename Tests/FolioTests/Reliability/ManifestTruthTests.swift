import Foundation
import Testing
import FolioChecksum
import FolioEngine

/// A manifest always describes the files beside it: concurrent runs take turns (the folder's lock), an interrupt
/// comes between an edition's files and its manifest line or after both, and a failing edition keeps its earlier
/// file and entry. Interrupts leave none of Folio's temporaries.
@Suite("manifests that tell the truth", .serialized)
struct ManifestTruthTests {
    /// Every entry of the manifest at `path` names a file of its size and checksum; returns the entries.
    @discardableResult
    func expectTrue(_ path: String, _ context: String) throws -> [Manifest.File] {
        let data = try #require(FileManager.default.contents(atPath: path), "\(path): \(context)")
        let contents = try JSONDecoder().decode(Manifest.Contents.self, from: data)
        let folder = (path as NSString).deletingLastPathComponent
        for file in contents.files {
            let bytes = [UInt8](FileManager.default.contents(atPath: folder + "/" + file.path) ?? Data())
            #expect(bytes.count == file.bytes && sha256Hex(bytes) == file.sha256, "\(file.path) in \(path): \(context)")
        }
        return contents.files
    }

    /// Files of a folder (recursively) that are temporaries: Folio's own or Foundation's.
    func temporaries(in folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return all.filter { name in
            let last = (name as NSString).lastPathComponent
            return AtomicFile.isTemporary(last) || last.contains(".nosync") || last.hasSuffix(".tmp")
        }
    }

    /// Starts folio, returning the process (output and errors to files in `log`).
    func start(_ arguments: [String], log: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Fixtures.folio)
        p.arguments = arguments
        FileManager.default.createFile(atPath: log, contents: nil)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try p.run()
        return p
    }

    @Test func twoRendersIntoOneFolderTakeTurns() throws {
        // Two reports with one id and different text: each render writes PDFs the other's manifest must not claim.
        let a = Reports.make(id: "turns", editions: ["en": "# A\n\nFirst text.\n", "fr": "# A\n\nPremier.\n"])
        let b = Reports.make(id: "turns", editions: ["en": "# B\n\nSecond text, longer.\n", "fr": "# B\n\nSecond.\n"])
        let out = Fixtures.temporaryFolder("turns-out")
        for round in 1...20 {
            let p = try start(["render", a, "--output", out], log: out + "/../a.log")
            let q = try start(["render", b, "--output", out], log: out + "/../b.log")
            p.waitUntilExit(); q.waitUntilExit()
            #expect(p.terminationStatus == 0 && q.terminationStatus == 0, "round \(round)")
            #expect(try expectTrue(out + "/manifest.json", "round \(round)").count == 2)
        }
        #expect(temporaries(in: out).isEmpty)
    }

    @Test func aRenderWaitsForTheFoldersLockAndSaysSo() throws {
        let dir = Reports.make(id: "lockwait", editions: ["en": "# A\n\nText.\n"])
        let out = Fixtures.temporaryFolder("lockwait-out")
        let fd = open(out + "/" + AtomicFile.lockName, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let log = out + "/../lockwait.log"
        let p = try start(["render", dir, "--output", out], log: log)
        var said = ""
        for _ in 0..<200 where !said.contains("waiting for another folio") {
            Thread.sleep(forTimeInterval: 0.05)
            said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        #expect(said.contains("waiting for another folio that is writing into \(out)"), "\(said)")
        #expect(p.isRunning && !FileManager.default.fileExists(atPath: out + "/manifest.json"), "nothing written while it waits")
        close(fd)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        try expectTrue(out + "/manifest.json", "after the wait")
    }

    @Test func anInterruptedBatchListsOnlyWhatItWrote() throws {
        let editions = ["en", "fr", "de", "es", "it", "nl"]
        func report(_ word: String) -> String {
            let text = String(repeating: "\(word) sentence of a paragraph that goes on. ", count: 300)
            return Reports.make(id: "halt", editions: Dictionary(uniqueKeysWithValues: editions.map { ($0, "# \(word)\n\n\(text)\n") }))
        }
        let old = report("Old"), new = report("New")
        let out = Fixtures.temporaryFolder("halt-out")
        #expect(Fixtures.run(Fixtures.folio, ["batch", old, "--output", out, "--jobs", "1"]).status == 0)
        func pdfs() -> [Data?] { editions.map { FileManager.default.contents(atPath: "\(out)/halt/halt_\($0.uppercased()).pdf") } }
        let before = pdfs()
        let p = try start(["batch", new, "--output", out, "--jobs", "1"], log: out + "/../halt.log")
        // Interrupted as soon as one PDF has been replaced, while the others are still to come.
        while p.isRunning && pdfs() == before { Thread.sleep(forTimeInterval: 0.002) }
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationStatus == 143)
        let said = (try? String(contentsOfFile: out + "/../halt.log", encoding: .utf8)) ?? ""
        #expect(said.contains("interrupted: no temporary or partial file left"), "\(said)")
        let listed = try expectTrue(out + "/halt/manifest.json", "after SIGTERM")
        try expectTrue(out + "/manifest.json", "the run's, after SIGTERM")
        #expect(listed.count == editions.count, "every PDF is there, the new ones and the old ones")
        #expect(temporaries(in: out).isEmpty, "\(temporaries(in: out))")
    }

    @Test func anEditionThatFailsKeepsItsEarlierFileAndEntry() throws {
        let dir = Reports.make(id: "keepfail", editions: ["en": "# A\n\nText.\n", "fr": "# A\n\nTexte.\n"])
        let out = Fixtures.temporaryFolder("keepfail-out")
        #expect(Fixtures.run(Fixtures.folio, ["render", dir, "--output", out]).status == 0)
        Fixtures.write("# A\n\nOther text.\n", to: dir + "/content/en.md")
        Fixtures.write("  \n", to: dir + "/content/fr.md")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status != 0 && r.err.contains("fr"), "\(r.err)")
        let files = try expectTrue(out + "/manifest.json", "after fr failed")
        #expect(files.map(\.edition) == ["en", "fr"], "fr's earlier PDF is still there and listed")
    }

    @Test func sigtermDuringALargeRenderLeavesNoTemporary() throws {
        let big = Fixtures.temporaryFolder("sigterm-report")
        let g = Fixtures.run(Fixtures.folio, ["generate", big + "/r", "--pages", "40", "--source", Fixtures.sample + "/content/en.md"])
        #expect(g.status == 0, "\(g.err)")
        for round in 0..<3 {
            let out = Fixtures.temporaryFolder("sigterm-out")
            let log = out + "/../sigterm-\(round).log"
            let p = try start(["render", big + "/r", "--output", out, "--thumbnails"], log: log)
            // SIGTERM the moment a temporary appears (the window between writing and renaming), or, later rounds,
            // at once.
            while round == 0 && p.isRunning && temporaries(in: out).isEmpty { usleep(200) }
            if round == 1 { Thread.sleep(forTimeInterval: 0.3) }
            p.terminate()
            p.waitUntilExit()
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if p.terminationStatus == 0 { continue }   // finished before the signal: nothing to check
            #expect(p.terminationStatus == 143, "round \(round): \(said)")
            #expect(said.contains("interrupted: no temporary or partial file left"), "round \(round): \(said)")
            #expect(temporaries(in: out).isEmpty, "round \(round): \(temporaries(in: out))")
            if FileManager.default.fileExists(atPath: out + "/manifest.json") { try expectTrue(out + "/manifest.json", "round \(round)") }
        }
    }
}
