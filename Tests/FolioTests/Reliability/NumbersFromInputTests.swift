import Foundation
import Testing
@testable import FolioImages
import FolioModel

/// Sizes and counts that input gives: checked before any arithmetic, refused with a located error.
@Suite("numbers from input")
struct NumbersFromInputTests {
    static func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    /// A PNG whose header says `width` × `height`, with correct checksums and no pixel data.
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        let ihdr = Array("IHDR".utf8) + be(width) + be(height) + [8, 6, 0, 0, 0]
        let iend = Array("IEND".utf8)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(CRC32.of(ihdr)) + be(0) + iend + be(CRC32.of(iend))
    }

    func probe(_ bytes: [UInt8], name: String = "logo.png") -> ImageError? {
        let path = Fixtures.temporaryFolder("img") + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return #expect(throws: ImageError.self) { try ImageInfo.probe(path: path, maxPixels: 40_000_000) }
    }

    @Test(arguments: [(UInt32.max, UInt32.max), (0x8000_0000, 0x8000_0000), (UInt32.max, 1), (1, UInt32.max), (40_000_001, 1)] as [(UInt32, UInt32)])
    func pngSizesPastThePixelLimitAreRefused(width: UInt32, height: UInt32) {
        #expect(probe(Self.png(width: width, height: height))?.message.contains("over the limit") == true)
    }

    @Test func theTestersLogoIsALocatedErrorNotATrap() {
        let bad = BadInputTests()
        let dir = bad.logoReport("logo.png", bytes: Self.png(width: UInt32.max, height: UInt32.max))
        let out = Fixtures.temporaryFolder("png-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status != 0 && r.status != 132, "exit \(r.status)")
        #expect(r.err.contains("report.yaml:6:") && r.err.contains("over the limit"), "\(r.err)")
    }

    @Test(arguments: ["width='1e300' height='1e300'", "width='1e200' height='1'", "viewBox='0 0 1e300 1e300'",
                      "width='0.000001' height='10'"])
    func svgSizesThatNoPageHoldsAreRefused(size: String) {
        let svg = "<svg xmlns='http://www.w3.org/2000/svg' \(size)><rect width='1' height='1'/></svg>"
        let e = probe(Array(svg.utf8), name: "logo.svg")
        #expect(e != nil)
    }

    /// A layout file in its own folder, loaded by name.
    func layoutError(_ yaml: String) -> FolioError? {
        let dir = Fixtures.temporaryFolder("bounds")
        Fixtures.write(yaml, to: dir + "/mine.yaml")
        var loader = Fixtures.engine.layouts
        loader.folders.insert(dir, at: 0)
        return #expect(throws: FolioError.self) { try loader.load("mine", language: "en") }
    }

    @Test(arguments: [("page:\n  width: 1e400\n", "page.width"), ("page:\n  height: inf\n", "page.height"),
                      ("page:\n  width: 10000mm\n", "page.width"), ("body:\n  font: { size: .nan }\n", "body.font.size"),
                      ("body:\n  leading: 1e300\n", "body.leading"), ("body:\n  orphans: 4000000000\n", "body.orphans"),
                      ("limits:\n  max-pages: 0\n", "limits.max-pages"), ("limits:\n  max-nesting: -3\n", "limits.max-nesting"),
                      ("ko:\n  body:\n    paragraph-spacing: -1e309\n", "ko.body.paragraph-spacing")] as [(String, String)])
    func layoutNumbersOutOfRangeAreLocated(yaml: String, key: String) {
        let e = layoutError(yaml)
        #expect(e?.message.contains("'\(key)'") == true, "\(String(describing: e))")
        #expect(e?.location?.file.hasSuffix("mine.yaml") == true && (e?.location?.line ?? 0) >= 2)
    }
}
