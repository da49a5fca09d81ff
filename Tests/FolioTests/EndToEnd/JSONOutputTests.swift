import Foundation
import Testing
@testable import FolioEngine
import FolioModel

/// manifest.json and `folio check --format json` come from JSONEncoder: they decode back to what was written,
/// keys sorted, and equal runs give equal bytes.
@Suite("JSON output", .serialized)
struct JSONOutputTests {
    func edition(_ code: String, report: String = "r", title: String, thumbnail: String? = nil) -> RenderedEdition {
        var e = RenderedEdition(edition: code, language: code, path: "r_\(code.uppercased()).pdf", sha256: String(repeating: "ab", count: 32),
                                bytes: 1234, pages: 3, title: title, layout: "upr-submission", warnings: [], seconds: 0)
        e.report = report
        e.thumbnail = thumbnail
        return e
    }

    @Test func aManifestRoundTripsThroughJSONDecoder() throws {
        let manifest = Manifest(report: "r", files: [
            edition("en", title: "A \"quoted\" title\\ with a slash / a tab\t, a newline\n and \u{1}", thumbnail: "r_EN_thumb.png"),
            edition("ko", title: "조선민주주의인민공화국(DPRK): 보고서"),
        ])
        let bytes = try manifest.json()
        let decoded = try JSONDecoder().decode(Manifest.Contents.self, from: Data(bytes))
        #expect(decoded == manifest.contents)
        #expect(decoded.files.map(\.thumbnail) == ["r_EN_thumb.png", nil])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("title\\\\ with a slash / a tab"), "slashes are not escaped: \(text)")
        #expect(text.contains("\"thumbnail\" : null"), "every file has every key")
        #expect(text.contains("조선민주주의인민공화국"), "text outside ASCII stays as it is")
        #expect(try manifest.json() == bytes)
        // Keys in sorted order, at every level.
        let keys = text.split(separator: "\n").compactMap { line in line.split(separator: "\"").dropFirst().first.map(String.init) }
        #expect(keys.prefix(12) == ["files", "bytes", "edition", "folio", "language", "layout", "pages", "path", "sha256",
                                    "thumbnail", "title", "bytes"])
        #expect(keys.suffix(2) == ["folio", "report"])
    }

    @Test func aBatchManifestNamesEachFilesReportAndPrefixesItsPaths() throws {
        var manifest = Manifest(report: nil, files: [edition("en", report: "one", title: "One", thumbnail: "one_EN_thumb.png"),
                                                     edition("en", report: "two", title: "Two")])
        manifest.prefixReports = true
        let decoded = try JSONDecoder().decode(Manifest.Contents.self, from: Data(try manifest.json()))
        #expect(decoded.report == nil)
        #expect(decoded.files.map(\.report) == ["one", "two"])
        #expect(decoded.files.map(\.path) == ["one/r_EN.pdf", "two/r_EN.pdf"])
        #expect(decoded.files.map(\.thumbnail) == ["one/one_EN_thumb.png", nil])
        let top = try #require(try JSONSerialization.jsonObject(with: Data(try manifest.json())) as? [String: Any])
        #expect(top["report"] == nil, "a batch's manifest has no report of its own")
    }

    @Test func twoRendersWriteByteIdenticalManifests() throws {
        let dir = Reports.make(id: "twice", editions: ["en": "# A\n\nText with a [link](https://example.org/a/b).\n", "ko": "# 가\n\n글.\n"])
        var manifests: [Data] = []
        for _ in 0..<2 {
            let out = Fixtures.temporaryFolder("twice-out")
            let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out, "--thumbnails"])
            #expect(r.status == 0, "\(r.err)")
            manifests.append(try #require(FileManager.default.contents(atPath: out + "/manifest.json")))
        }
        #expect(manifests[0] == manifests[1])
        let decoded = try JSONDecoder().decode(Manifest.Contents.self, from: manifests[0])
        #expect(decoded.report == "twice" && decoded.files.map(\.edition) == ["en", "ko"])
        #expect(decoded.files.map(\.thumbnail) == ["twice_EN_thumb.png", "twice_KO_thumb.png"])
        #expect(try JSONOutput.encode(decoded, pretty: true) == [UInt8](manifests[0]), "decoding and encoding again gives the same bytes")
    }

    /// What `folio check --format json` prints, read with the kinds as the enum: an unknown code fails to decode.
    struct CheckOutput: Decodable {
        struct Finding: Decodable { var code: DiagnosticKind; var severity: String; var message: String; var line: Int? }
        var diagnostics: [Finding]
    }

    @Test func checkPrintsWarningKindsAsTheirCodes() throws {
        let md = "# A ![image](x.png)\n\n<div>raw</div>\n\nA private-use character \u{F8FF} and a [link](#nowhere).\n"
        let dir = Reports.make(id: "kinds", editions: ["en": md])
        let r = Fixtures.run(Fixtures.folio, ["check", dir, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.out.hasPrefix("{\"diagnostics\":[{\"code\":"), "keys sorted, one line: \(r.out)")
        let output = try JSONDecoder().decode(CheckOutput.self, from: Data(r.out.utf8))
        let kinds = Set(output.diagnostics.map(\.code))
        #expect(kinds.isSuperset(of: [.rawHTML, .missingCharacter, .inlineImage, .brokenLink]), "\(kinds)")
        for code in ["\"raw-html\"", "\"missing-character\"", "\"inline-image\"", "\"broken-link\""] {
            #expect(r.out.contains("\"code\":\(code)"))
        }
        #expect(output.diagnostics.first { $0.code == .rawHTML }?.line == 3)
    }
}
