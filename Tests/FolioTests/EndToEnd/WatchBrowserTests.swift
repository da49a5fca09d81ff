import Foundation
import Testing

/// The preview page of `folio watch --serve`, in a real browser: headless Chromium driven through chromedriver's
/// WebDriver API by scripts/preview-browser-check.py. It shows every page and, after a save, the new text, without
/// being reloaded by hand. Without Chromium the test fails and says what to install.
@Suite("folio watch --serve in Chromium", .serialized)
struct WatchBrowserTests {
    @Test func thePageShowsThePagesAndTheNewTextAfterASave() async throws {
        let long = (1...3).map { "## Part \($0)\n\n" + String(repeating: "A sentence of the part. ", count: 150) + "\n\n" }.joined()
        let dir = Reports.make(id: "served", editions: ["en": long + "Last words: porcupine.\n", "ko": "# 하나\n\n글.\n"])
        let out = Fixtures.temporaryFolder("watch-serve")
        let watch = try WatchProcess([dir, "--output", out, "--dpi", "30", "--serve", "--port", "0"])
        defer { watch.stop() }
        let address = try #require(await watch.address(), "\(watch.output)\(watch.errors)")
        #expect(await watch.wait { watch.renders.count == 1 })
        let pages = try #require(watch.renders.first?.firstMatch(of: #/ en (\d+) pages? /#).flatMap { Int($0.1) }, "\(watch.renders)")
        #expect(pages > 1, "\(watch.renders)")
        let next = out + "/next.md"
        Fixtures.write(long + "Last words: hedgehog.\n", to: next)

        let r = Fixtures.run("python3", [Fixtures.root + "/scripts/preview-browser-check.py", address, "\(pages)", "porcupine",
                                         dir + "/content/en.md", next, "hedgehog"])
        #expect(r.status != 2, "\(r.err)")
        #expect(r.status == 0, "\(r.out)\(r.err)\n\(watch.output)\(watch.errors)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)\(r.err)")
        #expect(seen["shown"] as? Int == pages && seen["editions"] as? Int == 2, "\(seen)")
    }
}
