import Foundation
import Testing
import FolioUnicode
import FolioDisplay
import FolioLayout
import FolioModel

/// The Arabic sample (Examples/ar-sample) rendered through the CLI: glyphs, margins, extraction and the geometry of
/// right-to-left lines, read back from the PDF by pdftotext.
@Suite("an Arabic edition, right to left", .serialized)
struct RightToLeftTests {
    static let folder = Fixtures.root + "/Examples/ar-sample"
    static let render: (pdf: String, status: Int32, err: String) = {
        let dir = Fixtures.temporaryFolder("arabic")
        let r = Fixtures.run(Fixtures.folio, ["render", folder, "--output", dir])
        return (dir + "/ar-sample_AR.pdf", r.status, r.err)
    }()
    /// A4 with the upr-submission layout's margins: the text block's edges in points.
    static let page = (width: 595.276, left: 70.866, right: 524.41)

    @Test func rendersWithNoMissingGlyphAndNothingPastAMargin() throws {
        #expect(Self.render.status == 0, "\(Self.render.err)")
        #expect(!Self.render.err.contains("missing"), "\(Self.render.err)")
        #expect(!Self.render.err.contains("passes the"), "\(Self.render.err)")
        let text = try PDFText(pdf: Self.render.pdf)
        for line in text.lines {
            for word in line {
                #expect(word.xMin >= Self.page.left - 4, "past the left margin (end punctuation may hang): \(word.text) at \(word.xMin)")
                // Paragraph numbers hang into the right margin, as they hang into the left one in English.
                #expect(word.xMax <= Self.page.right + 30, "past the right margin: \(word.text) at \(word.xMax)")
            }
        }
    }

    @Test func extractsInLogicalOrder() throws {
        let out = try PDFTool.pdftotext.run(["-enc", "UTF-8", Self.render.pdf, "-"]).out
        let flat = Self.plain(out)
        #expect(flat.contains("يقدم هذا التقرير المشترك معلومات عن حالة حقوق الإنسان"), "\(flat.prefix(300))")
        #expect(flat.contains("في الوثيقة A/HRC/55/63 الصادرة عن مجلس حقوق الإنسان"))
        #expect(flat.contains("https://www.nkdb.org/ar/database"))
        let source = try String(contentsOfFile: Self.folder + "/content/ar.md", encoding: .utf8)
        let words = Self.words(source)
        let found = Set(Self.words(out))
        let recall = Double(words.filter(found.contains).count) / Double(words.count)
        #expect(words.count > 250)
        #expect(recall >= 0.98, "recall \(recall): missing \(words.filter { !found.contains($0) }.prefix(20))")
    }

    /// The date is written by ICU in Arabic.
    @Test func dateIsInArabic() throws {
        let out = try PDFTool.pdftotext.run(["-enc", "UTF-8", Self.render.pdf, "-"]).out
        #expect(out.contains("أكتوبر"))
    }

    /// pdftotext -bbox-layout gives each line's words left to right as drawn (an Arabic word's letters in visual
    /// order): read from the right, with Arabic words turned round, a line must follow the source.
    @Test func linesStartAtTheRightAndLatinReadsLeftToRight() throws {
        let text = try PDFText(pdf: Self.render.pdf)
        // The title block's lines come from report.yaml.
        let source = Self.plain(try String(contentsOfFile: Self.folder + "/content/ar.md", encoding: .utf8)
            + (try String(contentsOfFile: Self.folder + "/report.yaml", encoding: .utf8))
            .replacingOccurrences(of: "\\[\\^[0-9]+\\]:?", with: "", options: .regularExpression))
        var pairs = 0, rightEnds: [Double] = []
        for line in text.lines where line.count >= 3 && line.allSatisfy({ $0.yMin < 780 }) {
            let fromRight = line.sorted { $0.xMax > $1.xMax }
            guard Self.isArabic(fromRight[0].text) else { continue }
            rightEnds.append(fromRight[0].xMax)
            let logical = fromRight.map { Self.isArabic($0.text) ? String($0.text.reversed()) : $0.text }
            // The rightmost word begins the line: it and the next one to its left are consecutive in the source.
            for (a, b) in zip(logical, logical.dropFirst()) where Self.isArabicWord(a) && Self.isArabicWord(b) {
                #expect(source.contains(a + " " + b), "“\(a) \(b)” (right to left) is not in the source: line \(logical)")
                pairs += 1
            }
        }
        #expect(pairs >= 60)
        // The text block is right-aligned: most lines end at the right edge of the block.
        let atRight = rightEnds.filter { abs($0 - Self.page.right) < 1.5 }.count
        #expect(Double(atRight) >= 0.6 * Double(rightEnds.count), "right ends: \(rightEnds.map { Int($0) })")
        // Latin inside Arabic reads left to right: a document symbol comes out whole, and two Latin words in a row
        // go rightwards.
        let words = text.lines.flatMap { $0 }
        #expect(words.contains { $0.text.contains("A/HRC/55/63") })
        #expect(words.contains { $0.text.contains("https://www.nkdb.org/ar/database") })
        let found = text.lines.contains { line in
            guard let i = line.firstIndex(where: { $0.text == "OHCHR" }), i + 1 < line.count, line[i + 1].text == "Seoul" else { return false }
            return line[i].xMax < line[i + 1].xMin
        }
        #expect(found, "the table's “OHCHR Seoul” is missing or reversed")
    }

    @Test func tableColumnsRunFromTheRight() throws {
        let text = try PDFText(pdf: Self.render.pdf)
        let words = text.lines.flatMap { $0 }
        // Arabic words come out of -bbox-layout letters in visual order.
        guard let year = words.first(where: { String($0.text.reversed()) == "السنة" }),
              let source = words.first(where: { String($0.text.reversed()) == "المصدر" }) else {
            Issue.record("table header not found"); return
        }
        #expect(year.xMin > source.xMax, "the first column must be at the right")
    }

    @Test func generatesALargeArabicReport() throws {
        let dir = Fixtures.temporaryFolder("generate-ar")
        // The built-in Arabic text (no --source).
        let r = Fixtures.run(Fixtures.folio, ["generate", dir + "/big", "--pages", "6", "--language", "ar"])
        #expect(r.status == 0, "\(r.err)")
        let render = Fixtures.run(Fixtures.folio, ["render", dir + "/big", "--output", dir + "/out"])
        #expect(render.status == 0, "\(render.err)")
        #expect(!render.err.contains("missing"), "\(render.err)")
        let pdf = dir + "/out/generated-ar-6_AR.pdf"
        let pages = try PDFTool.pdfinfo.run([pdf]).out.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        #expect(pages.map { Int($0.split(separator: " ").last ?? "") ?? 0 } ?? 0 >= 4, "\(pages ?? "no pdf")")
        let noSource = Fixtures.run(Fixtures.folio, ["generate", dir + "/none", "--language", "xx"])
        #expect(noSource.status != 0 && noSource.err.contains("--source"), "\(noSource.err)")
    }

    @Test func bidiLevelsAndVisualOrder() throws {
        let scalars = Array("مرحبا ABC 123".unicodeScalars)
        let levels = try #require(try Bidi.levels(of: scalars, rightToLeft: true))
        #expect(levels[0] == 1 && levels[6] == 2 && levels[10] == 2)
        #expect(Bidi.visualOrder(levels: [1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0])
        #expect(try Bidi.levels(of: Array("plain".unicodeScalars), rightToLeft: false) == nil)
    }

    /// Arabic quoted in an English paragraph: the paragraph stays left to right, the Arabic words read right to
    /// left in their place, and nothing is reflected.
    @Test func arabicInsideAnEnglishLine() throws {
        let (inline, _) = Fixtures.inline(language: "en")
        let font = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)
        var text = StyledText()
        text.append("Report of مركز البيانات today", SpanStyle(font: font))
        let result = try inline.layout(text, ParagraphSpec(width: 400, align: .left, lineHeight: 14, baseStyle: SpanStyle(font: font)))
        #expect(result.missing.isEmpty)
        let runs = result.lines[0].items.compactMap { item -> GlyphRun? in if case .glyphs(let r) = item { r } else { nil } }
        func run(with text: String) -> GlyphRun? { runs.first { $0.text.contains(text) } }
        // The two Arabic words make one run, drawn (and so written) in visual order: the first word on the right.
        let arabic = try #require(run(with: String(String.UnicodeScalarView("مركز البيانات".unicodeScalars.reversed()))))
        let report = try #require(run(with: "Report")), today = try #require(run(with: "today"))
        #expect(report.origin.x + report.width <= arabic.origin.x + 0.01 && arabic.origin.x + arabic.width <= today.origin.x + 0.01)
        // Its glyphs are placed left to right, as they are drawn.
        #expect(zip(arabic.glyphs, arabic.glyphs.dropFirst()).allSatisfy { $0.x <= $1.x + 0.01 })
    }

    static func isArabic(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0x600 && $0.value <= 0x6FF } }
    /// Arabic letters and marks only (no digits, Latin or punctuation, whose order in extraction is the reader's).
    static func isArabicWord(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.value >= 0x621 && $0.value <= 0x652 }
    }

    /// Text on one line, with bidi controls (which pdftotext puts where it turns a run round) as spaces.
    static func plain(_ s: String) -> String {
        let spaced = String(String.UnicodeScalarView(s.unicodeScalars.map {
            (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0 == "\n" ? " " : $0 }))
        return spaced.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }

    /// The words of a text: runs of letters and digits, Arabic apart from the rest, with note marks removed.
    static func words(_ s: String) -> [String] {
        let clean = plain(s).replacingOccurrences(of: "\\[\\^[0-9]+\\]:?", with: " ", options: .regularExpression)
        var out: [String] = [], current = "", arabic = false
        for ch in clean {
            let keep = ch.isLetter || ch.isNumber || ch.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
            let isArabicChar = ch.unicodeScalars.first.map { $0.value >= 0x600 && $0.value <= 0x6FF } ?? false
            if !keep || (!current.isEmpty && isArabicChar != arabic) {
                if current.count > 1 { out.append(current) }
                current = ""
            }
            if keep { current.append(ch); arabic = isArabicChar }
        }
        if current.count > 1 { out.append(current) }
        return out
    }
}
