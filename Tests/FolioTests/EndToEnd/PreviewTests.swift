import Foundation
import Testing

/// `folio preview`: which editions, how the pictures are named, where --boxes goes, what an earlier run leaves.
@Suite("folio preview", .serialized)
struct PreviewTests {
    func folio(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        Fixtures.run(Fixtures.folio, arguments)
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test func withoutEditionEveryEditionIsPreviewed() {
        let dir = Reports.make(id: "every", editions: ["en": "# One\n\nText.\n", "ko": "# 하나\n\n글.\n"])
        let out = Fixtures.temporaryFolder("preview-every")
        let r = folio(["preview", dir, "--dpi", "20", "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(files(out).contains("every_EN-1.png") && files(out).contains("every_KO-1.png"), "\(files(out))")
        #expect(r.out.contains("en:") && r.out.contains("ko:"), "a page map per edition: \(r.out)")
    }

    @Test func picturesAreNamedAfterTheEditionsFilename() {
        let dir = Reports.make(id: "named", editions: ["en": "# One\n\nText.\n"])
        let yaml = try! String(contentsOfFile: dir + "/report.yaml", encoding: .utf8)
            .replacingOccurrences(of: "content/en.md\n", with: "content/en.md\n    filename: annual-report-2024.pdf\n")
        Fixtures.write(yaml, to: dir + "/report.yaml")
        let out = Fixtures.temporaryFolder("preview-named")
        let r = folio(["preview", dir, "--edition", "en", "--dpi", "20", "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(files(out) == ["annual-report-2024-1.png"], "\(files(out))")
    }

    @Test func boxesAreWrittenBesideThePlainPages() throws {
        let dir = Reports.make(id: "boxes", editions: ["en": "# One\n\nText.\n"])
        let plainOut = Fixtures.temporaryFolder("preview-plain"), out = Fixtures.temporaryFolder("preview-boxes")
        #expect(folio(["preview", dir, "--dpi", "30", "--output", plainOut]).status == 0)
        let r = folio(["preview", dir, "--dpi", "30", "--boxes", "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(files(out) == ["boxes_EN-1-boxes.png", "boxes_EN-1.png"], "\(files(out))")
        let plain = try Data(contentsOf: URL(fileURLWithPath: out + "/boxes_EN-1.png"))
        #expect(plain == (try Data(contentsOf: URL(fileURLWithPath: plainOut + "/boxes_EN-1.png"))), "the plain page has no boxes")
        #expect(plain != (try Data(contentsOf: URL(fileURLWithPath: out + "/boxes_EN-1-boxes.png"))))
    }

    @Test func pagesOfAnEarlierLongerRunAreRemoved() {
        let long = (1...6).map { "## Part \($0)\n\n" + String(repeating: "A sentence of the part. ", count: 120) + "\n\n" }.joined()
        let dir = Reports.make(id: "shrink", editions: ["en": long])
        let out = Fixtures.temporaryFolder("preview-shrink")
        #expect(folio(["preview", dir, "--dpi", "20", "--boxes", "--output", out]).status == 0)
        let before = files(out).count
        #expect(before > 6, "\(files(out))")
        Fixtures.write("# Short\n\nOne line.\n", to: dir + "/content/en.md")
        let r = folio(["preview", dir, "--dpi", "20", "--output", out])
        #expect(r.status == 0, "\(r.err)")
        #expect(files(out) == ["shrink_EN-1.png"], "\(files(out))")
    }
}
