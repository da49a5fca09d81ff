import Foundation
import Testing
import FolioEngine

/// The catalogue of bad input: each gets a clear message naming the file and line (or field), a non-zero
/// exit, and leaves no partial output behind.
@Suite("bad input catalogue")
struct BadInputTests {
    /// A report folder from report.yaml text and files.
    func folder(_ yaml: String, files: [String: String] = [:], bytes: [String: [UInt8]] = [:]) -> String {
        let dir = Fixtures.temporaryFolder("bad")
        Fixtures.write(yaml, to: dir + "/report.yaml")
        for (name, text) in files { Fixtures.write(text, to: dir + "/" + name) }
        for (name, data) in bytes {
            try? FileManager.default.createDirectory(atPath: (dir + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(data))
        }
        return dir
    }

    static let header = "id: t\ndate: 2024-01-01\norganizations:\n  - short: O\n    name: Org\n"

    /// Renders and checks: failed with the message parts, no PDF and no temporary files in the output.
    func expectFailure(_ dir: String, _ parts: [String], arguments: [String] = [], environment: [String: String]? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let out = Fixtures.temporaryFolder("bad-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out] + arguments, environment: environment)
        #expect(r.status != 0, "exit code", sourceLocation: sourceLocation)
        for part in parts { #expect(r.err.contains(part), "message lacks '\(part)': \(r.err)", sourceLocation: sourceLocation) }
        // The folder's lock file stays (it holds no output; see AtomicFile.lockFolder).
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0 != AtomicFile.lockName }
        #expect(!left.contains { $0.hasSuffix(".pdf") || $0.hasSuffix(".tmp") || $0.hasPrefix(".") }, "partial output: \(left)",
                sourceLocation: sourceLocation)
    }

    @Test func malformedYAML() {
        expectFailure(folder("id: t\ndate: 2024-01-01\neditions: {en: [\n"), ["report.yaml:", "YAML"])
    }

    @Test func missingAndWrongTypeFields() {
        expectFailure(folder("id: t\ndate: 2024-01-01\norganizations: []\neditions:\n  en: { content: en.md }\n"),
                      ["report.yaml:5:", "missing field 'editions.en.title'"])
        expectFailure(folder(Self.header + "editions:\n  en: { title: [1, 2], content: en.md }\n", files: ["en.md": "x\n"]),
                      ["report.yaml:7:", "'editions.en.title'", "wrong type"])
    }

    @Test func contentMissingEmptyNotUTF8OrWithBOM() {
        let yaml = Self.header + "editions:\n  en: { title: T, content: en.md }\n"
        expectFailure(folder(yaml), ["en.md", "does not exist"])
        expectFailure(folder(yaml, files: ["en.md": "  \n\n"]), ["en.md:1:1", "is empty"])
        expectFailure(folder(yaml, bytes: ["en.md": Array("fine\nbad \u{E9}".utf8).dropLast(2) + [0xE9, 0x0A]]), ["en.md:2:", "not valid UTF-8"])
        expectFailure(folder(yaml, bytes: ["en.md": [0xEF, 0xBB, 0xBF] + Array("# Title\n".utf8)]), ["en.md:1:1", "byte-order mark"])
    }

    @Test func unknownLayout() {
        expectFailure(folder(Self.header + "layout: fancy\neditions:\n  en: { title: T, content: en.md }\n", files: ["en.md": "x\n"]),
                      ["report.yaml:6:", "unknown layout 'fancy'", "available layouts"])
    }

    @Test func fontNotInstalled() throws {
        let home = Fixtures.temporaryFolder("home")
        try FileManager.default.createSymbolicLink(atPath: home + "/Layouts", withDestinationPath: Fixtures.root + "/Layouts")
        let fonts = try String(contentsOfFile: Fixtures.root + "/Fonts/fonts.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    Latn: Noto Serif\n", with: "    Latn: Imaginary Serif Pro\n")
        Fixtures.write(fonts, to: home + "/Fonts/fonts.yaml")
        let dir = folder(Self.header + "editions:\n  en: { title: T, content: en.md }\n", files: ["en.md": "Text.\n"])
        expectFailure(dir, ["fonts.yaml:", "'Imaginary Serif Pro'", "not installed", "apt-get install"], environment: ["FOLIO_HOME": home])
    }

    @Test func charactersNoFontHasAreWarningsAndThePDFIsMade() {
        let dir = folder(Self.header + "editions:\n  en: { title: T, content: en.md }\n", files: ["en.md": "A \u{F8FF} private character.\n"])
        let out = Fixtures.temporaryFolder("chars-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status == 0)
        #expect(r.err.contains("en.md:1:1") && r.err.contains("U+F8FF"))
        #expect(FileManager.default.fileExists(atPath: out + "/t_EN.pdf"))
    }

    func logoReport(_ logo: String, bytes: [UInt8]? = nil, name: String = "logo.png") -> String {
        let yaml = "id: t\ndate: 2024-01-01\norganizations:\n  - short: O\n    name: Org\n    logo: \(logo)\neditions:\n  en: { title: T, content: en.md }\n"
        return folder(yaml, files: ["en.md": "Text.\n"], bytes: bytes.map { [name: $0] } ?? [:])
    }

    @Test func badImages() {
        expectFailure(logoReport("missing.png"), ["report.yaml:6:", "does not exist"])
        expectFailure(logoReport("logo.png", bytes: Array("not an image at all".utf8)), ["report.yaml:6:", "not a PNG, JPEG or SVG"])
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 8, 6, 0, 0, 0]   // 65536 × 65536
        png += [0, 0, 0, 0]
        expectFailure(logoReport("logo.png", bytes: png), ["report.yaml:6:", "over the limit"])
        var damaged = png
        damaged[16] = 0; damaged[17] = 0; damaged[18] = 0; damaged[19] = 10   // small size, stale checksum
        expectFailure(logoReport("logo.png", bytes: damaged), ["report.yaml:6:", "damaged"])
        expectFailure(logoReport("logo.svg", bytes: Array("<svg xmlns='http://www.w3.org/2000/svg'><rect".utf8), name: "logo.svg"),
                      ["report.yaml:6:", "SVG"])
    }

    @Test func pathsOutsideTheReportAreRefused() throws {
        expectFailure(logoReport("../../etc/passwd"), ["report.yaml:6:", "outside the report folder"])
        expectFailure(logoReport("https://example.org/logo.png"), ["report.yaml:6:", "is a URL"])
        expectFailure(folder(Self.header + "editions:\n  en: { title: T, content: ../outside.md }\n"), ["outside the report folder"])
        // A symbolic link that leads out is refused too.
        let dir = folder(Self.header + "editions:\n  en: { title: T, content: link.md }\n")
        let outside = Fixtures.temporaryFolder("outside") + "/secret.md"
        Fixtures.write("secret\n", to: outside)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.md", withDestinationPath: outside)
        expectFailure(dir, ["outside the report folder"])
    }

    @Test func deepNestingHitsALimitNotTheStack() {
        let deep = String(repeating: "> ", count: 200) + "deep\n"
        expectFailure(folder(Self.header + "editions:\n  en: { title: T, content: en.md }\n", files: ["en.md": deep]),
                      ["en.md:", "nested more than 32 levels"])
        let lists = (0..<300).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n"
        expectFailure(folder(Self.header + "editions:\n  en: { title: T, content: en.md }\n", files: ["en.md": lists]),
                      ["en.md:", "nested more than"])
    }

    /// Large and odd documents that must render, not crash or overflow.
    @Test(arguments: ["word", "columns", "cell", "notes", "html"])
    func hardDocumentsRender(kind: String) throws {
        var md = "# Hard\n\n"
        switch kind {
        case "word": md += String(repeating: "가나다abc", count: 700) + "\n"
        case "columns":
            md += "|" + (1...40).map { " c\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: 40) + "\n"
            md += "|" + (1...40).map { " value\($0)withmore |" }.joined() + "\n"
        case "cell": md += "| a | b |\n|---|---|\n| x | " + String(repeating: "long cell text ", count: 1500) + "|\n"
        case "notes":
            md += (1...2000).map { "Claim \($0).[^n\($0)]" }.joined(separator: " ") + "\n\n"
            md += (1...2000).map { "[^n\($0)]: Source \($0)." }.joined(separator: "\n") + "\n"
        default: md += "<div onclick='x()'>raw</div>\n\nText with <b>inline</b> HTML.\n"
        }
        let dir = folder(Self.header + "editions:\n  en: { title: T, content: en.md }\n", files: ["en.md": md])
        let out = Fixtures.temporaryFolder("hard-out")
        let r = Fixtures.run(Fixtures.folio, ["render", dir, "--output", out])
        #expect(r.status == 0, "\(kind): \(r.err)")
        let pdf = out + "/t_EN.pdf"
        #expect(Fixtures.run("qpdf", ["--check", pdf]).status == 0)
        if kind == "html" { #expect(r.err.contains("raw HTML is ignored")) }
        if kind == "columns" { #expect(r.err.contains("too wide")) }
        // Nothing passes the right edge of the text block (A4, 25 mm margins), hanging punctuation aside.
        let bbox = Fixtures.run("pdftotext", ["-bbox", pdf, "-"]).out
        let xs = bbox.split(separator: "\n").compactMap { line -> Double? in
            guard let r = line.range(of: "xMax=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        #expect(xs.allSatisfy { $0 <= 595.28 - 70.87 + 3 }, "\(kind): overflow \(xs.max() ?? 0)")
    }

    @Test func anInterruptedRunLeavesThePreviousOutputs() throws {
        let out = Fixtures.temporaryFolder("interrupt")
        #expect(Fixtures.run(Fixtures.folio, ["render", Fixtures.sample, "--output", out]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let pdf = FileManager.default.contents(atPath: out + "/dprk-upr4-joint-submission_KO.pdf")
        for delay in [0.05, 0.15, 0.3] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Fixtures.folio)
            p.arguments = ["render", Fixtures.sample, "--output", out]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            p.interrupt()
            p.waitUntilExit()
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before, "after \(delay) s")
            #expect(FileManager.default.contents(atPath: out + "/dprk-upr4-joint-submission_KO.pdf") == pdf)
        }
    }
}
