import Foundation
import Testing

/// A batch over reports that fail in every way the catalogue knows: each yields its error line, the good ones are
/// written, and the process ends with an exit code of the table (never a trap).
@Suite("batch isolation", .serialized)
struct BatchIsolationTests {
    /// A PNG whose header says 0xFFFFFFFF × 0xFFFFFFFF (the pixel count overflows Int).
    static let hugePNG: [UInt8] = {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr: [UInt8] = Array("IHDR".utf8) + be(0xFFFF_FFFF) + be(0xFFFF_FFFF) + [8, 2, 0, 0, 0]
        var crc: UInt32 = 0xFFFF_FFFF
        for b in ihdr { crc ^= UInt32(b); for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(~crc) + be(0) + Array("IEND".utf8) + be(0xAE42_6082)
    }()

    @Test func everyFailingReportSaysWhyAndTheOthersAreWritten() throws {
        let good = Reports.make(id: "good", editions: ["en": "# A\n\nText.\n"])
        let month = Reports.make(id: "month", editions: ["en": "# A\n\nText.\n"])
        let yaml = try String(contentsOfFile: month + "/report.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "2024-05-01", with: "2024-13-01").write(toFile: month + "/report.yaml", atomically: true, encoding: .utf8)
        let outside = Reports.make(id: "outside", editions: ["en": "# A\n\nText.\n"], layout: "../../../etc/passwd")
        let logo = Reports.make(id: "logo", editions: ["en": "# A\n\nText.\n"], layout: "report")
        let logoYAML = try String(contentsOfFile: logo + "/report.yaml", encoding: .utf8)
        try logoYAML.replacingOccurrences(of: "    name: {", with: "    logo: huge.png\n    name: {").write(toFile: logo + "/report.yaml", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: logo + "/huge.png", contents: Data(Self.hugePNG))
        let empty = Reports.make(id: "empty", editions: ["en": "   \n"])
        let syntax = Fixtures.temporaryFolder("syntax")
        Fixtures.write("id: syntax\ndate: \"2024-05-01\neditions: [\n", to: syntax + "/report.yaml")
        let out = Fixtures.temporaryFolder("isolation-out")
        let r = Fixtures.run(Fixtures.folio, ["batch", good, month, outside, logo, empty, syntax, "--output", out, "--jobs", "2"])
        #expect(r.status == 1, "input errors, not a trap: \(r.status)\n\(r.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/good/good_EN.pdf"), "\(r.out)\n\(r.err)")
        for (name, words) in [("month", "2024-13-01"), ("outside", "leads outside the report folder"), ("logo", "over the limit"),
                              ("empty", "is empty"), ("syntax", "report.yaml:")] {
            #expect(r.err.contains(words) || r.out.contains(words), "\(name): no line saying '\(words)'\n\(r.out)\n\(r.err)")
        }
        #expect(r.out.contains("FAILED"), "the summary lists the failed editions: \(r.out)")
    }
}
