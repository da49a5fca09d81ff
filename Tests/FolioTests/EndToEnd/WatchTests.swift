import Foundation
import Testing

/// `folio watch`: an edit renders again (PDF and pictures), a broken save keeps the last good output.
@Suite("folio watch", .serialized)
struct WatchTests {
    static let first = "# Findings\n\nThe first paragraph stays as it is.\n\nThe second paragraph says porcupine.\n"

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func anEditedParagraphChangesThePDFAndThePreview() async throws {
        let dir = Reports.make(id: "watched", editions: ["en": Self.first])
        let out = Fixtures.temporaryFolder("watch-out")
        let watch = try WatchProcess([dir, "--output", out, "--dpi", "30"])
        defer { watch.stop() }
        #expect(await watch.wait { watch.renders.count == 1 }, "first render: \(watch.output)\(watch.errors)")
        let pdf = out + "/watched_EN.pdf", png = out + "/preview/watched_EN-1.png"
        let (pdfBefore, pngBefore) = (try #require(bytes(pdf)), try #require(bytes(png)))
        #expect(try PDFTool.pdftotext.run([pdf, "-"]).out.contains("porcupine"))

        Fixtures.write(Self.first.replacingOccurrences(of: "porcupine", with: "hedgehog"), to: dir + "/content/en.md")
        #expect(await watch.wait { watch.renders.count == 2 }, "a render after the save: \(watch.output)\(watch.errors)")
        #expect(bytes(pdf) != pdfBefore && bytes(png) != pngBefore)
        let text = try PDFTool.pdftotext.run([pdf, "-"]).out
        #expect(text.contains("hedgehog") && !text.contains("porcupine"), "\(text)")
        #expect(watch.renders.last!.contains("en 1 page (1 redrawn), 0 warnings"), "\(watch.renders)")
    }

    /// watch takes the output folder's lock for each render, as render and batch do: a render held by another
    /// writer waits and says so.
    @Test func aRenderWaitsForAnotherWriterOfTheFolder() async throws {
        let dir = Reports.make(id: "locked", editions: ["en": Self.first])
        let out = Fixtures.temporaryFolder("watch-locked")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let fd = open(out + "/.folio.lock", O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let watch = try WatchProcess([dir, "--output", out, "--dpi", "30"])
        defer { watch.stop() }
        #expect(await watch.wait { watch.errors.contains("waiting for another folio") }, "\(watch.output)\(watch.errors)")
        #expect(watch.renders.isEmpty, "no render while the folder is held")
        close(fd)
        #expect(await watch.wait { watch.renders.count == 1 }, "the render once the lock is free: \(watch.output)\(watch.errors)")
    }

    @Test func aBrokenSaveShowsItsErrorAndKeepsTheLastGoodOutput() async throws {
        let dir = Reports.make(id: "broken", editions: ["en": Self.first])
        let out = Fixtures.temporaryFolder("watch-broken")
        let watch = try WatchProcess([dir, "--output", out, "--dpi", "30"])
        defer { watch.stop() }
        #expect(await watch.wait { watch.renders.count == 1 }, "first render: \(watch.output)\(watch.errors)")
        let pdf = out + "/broken_EN.pdf", png = out + "/preview/broken_EN-1.png"
        let (pdfBefore, pngBefore) = (try #require(bytes(pdf)), try #require(bytes(png)))

        let yaml = try String(contentsOfFile: dir + "/report.yaml", encoding: .utf8)
        Fixtures.write(yaml.replacingOccurrences(of: "date: 2024-05-01", with: "date: [2024-05-01"), to: dir + "/report.yaml")
        #expect(await watch.wait { watch.renders.count == 2 }, "\(watch.output)\(watch.errors)")
        #expect(watch.renders.last!.contains("not rendered: the last good output is kept"))
        #expect(watch.errors.contains("report.yaml:"), "a located error: \(watch.errors)")
        #expect(bytes(pdf) == pdfBefore && bytes(png) == pngBefore)
        #expect(watch.process.isRunning, "still watching")

        Fixtures.write(yaml, to: dir + "/report.yaml")   // mended: renders again
        #expect(await watch.wait { watch.renders.count == 3 }, "\(watch.output)\(watch.errors)")
        #expect(watch.renders.last!.contains("en 1 page"), "\(watch.renders)")
    }

    @Test func aBurstOfSavesRendersOnce() async throws {
        let dir = Reports.make(id: "burst", editions: ["en": Self.first])
        let out = Fixtures.temporaryFolder("watch-burst")
        let watch = try WatchProcess([dir, "--output", out, "--dpi", "20"])
        defer { watch.stop() }
        #expect(await watch.wait { watch.renders.count == 1 }, "first render: \(watch.output)\(watch.errors)")
        for i in 1...5 { Fixtures.write(Self.first + "\nSave number \(i).\n", to: dir + "/content/en.md") }
        #expect(await watch.wait { watch.renders.count == 2 })
        try await Task.sleep(for: .seconds(2))
        #expect(watch.renders.count == 2, "one render for the burst: \(watch.renders)")
        #expect(try PDFTool.pdftotext.run([out + "/burst_EN.pdf", "-"]).out.contains("Save number 5."))
    }
}
