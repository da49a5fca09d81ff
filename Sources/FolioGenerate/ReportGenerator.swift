import Foundation

/// Writes large synthetic reports for benchmarks: varied paragraphs (sentences drawn from a source text),
/// headings, footnotes, lists, quotes and tables, deterministic for a seed.
public struct ReportGenerator: Sendable {
    public var language: String
    public var seed: UInt64 = 2024
    /// How many figures to spread through the report (PNG, JPEG and SVG files in turn, written beside it).
    public var figures = 0

    public init(language: String) { self.language = language }

    /// Writes `<folder>/report.yaml` and `<folder>/content/<language>.md` with roughly `pages` A4 pages,
    /// drawing sentences from `source` (a Markdown file such as the sample's).
    public func write(folder: String, pages: Int, source: String?) throws {
        guard let sentences = source.map(Self.sentences(of:)) ?? GeneratorTexts.sentences(for: language) else {
            throw GeneratorError("there are no built-in sentences for '\(language)': give a source text with --source")
        }
        guard sentences.count > 10 else { throw GeneratorError("the source text has too few sentences to draw from") }
        var rng = SplitMix64(seed: seed)
        func pick() -> String { sentences[Int(rng.next() % UInt64(sentences.count))] }
        var (md, notes, note, figure) = ("", "", 0, 0)
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content + (figures > 0 ? "/figures" : ""), withIntermediateDirectories: true)
        var figureRNG = SplitMix64(seed: seed ^ 0xF16)
        // About 430 words fill an A4 page of the default layout; aim for that many per page.
        // Chinese and Japanese sentences follow each other without a space.
        let gap = ["ja", "zh"].contains(String(language.prefix(2))) ? "" : " "
        let paragraphsPerPage = ["ko", "ja", "zh"].contains(String(language.prefix(2))) ? 4 : 5
        for p in 0..<pages {
            if p % 6 == 0 { md += "# \(Self.part(p / 6 + 1, language: language)) \(pick().prefix(40))\n\n" }
            if p % 2 == 0 { md += "## \(pick().prefix(50))\n\n" }
            for k in 0..<paragraphsPerPage {
                var paragraph = (0..<(3 + Int(rng.next() % 4))).map { _ in pick() }.joined(separator: gap)
                if rng.next() % 3 == 0 {
                    note += 1
                    paragraph += "[^n\(note)]"
                    notes += "[^n\(note)]: \(pick()) https://www.example.org/reports/\(p)/\(k)/document-\(note).pdf\n"
                }
                md += try withFigure(paragraph, index: p * paragraphsPerPage + k + 1, of: pages * paragraphsPerPage,
                                     figure: &figure, content: content, rng: &figureRNG)
            }
            switch p % 7 {
            case 3: md += (0..<4).map { _ in "- \(pick())" }.joined(separator: "\n") + "\n\n"
            case 5: md += "> \(pick())\(gap)\(pick())\n>\n> — \(pick().prefix(30))\n\n"
            case 6:
                md += "| No. | Item | Status |\n|---|---|---|\n"
                for r in 0..<8 { md += "| \(p).\(r) | \(pick().prefix(40)) | \(pick().prefix(25)) |\n" }
                md += "\n"
            default: break
            }
        }
        md += "\n" + notes
        try md.write(toFile: folder + "/content/\(language).md", atomically: true, encoding: .utf8)
        let yaml = """
        id: generated-\(language)-\(pages)
        layout: upr-submission
        date: 2024-04-08
        organizations:
          - short: GEN
            name: { en: "Generated Organisation", ko: "생성된 단체", ar: "منظمة مولدة" }
        editions:
          \(language):
            title: "Generated report of \(pages) pages"
            content: content/\(language).md

        """
        try yaml.write(toFile: folder + "/report.yaml", atomically: true, encoding: .utf8)
    }

    /// "Part n" in the edition's language.
    static func part(_ n: Int, language: String) -> String {
        switch String(language.split(separator: "-").first ?? "") {
        case "ko": "제\(n)부"
        case "ar": "الجزء \(n)"
        case "ja": "第\(n)部"
        case "zh": "第\(n)部分"
        case "fr": "Partie \(n)"
        case "es": "Parte \(n)"
        case "ru": "Часть \(n)"
        default: "Part \(n)"
        }
    }

    /// A paragraph, then the next figure when it is due: figures are spread evenly over the `total` paragraphs, each
    /// after the paragraph that refers to it.
    private func withFigure(_ paragraph: String, index: Int, of total: Int, figure: inout Int, content: String,
                            rng: inout SplitMix64) throws -> String {
        guard figures > 0, figure < figures, index * figures >= (figure + 1) * total else { return paragraph + "\n\n" }
        figure += 1
        let made = try FigureGenerator(language: language).make(figure, into: content, rng: &rng)
        return paragraph + " " + made.reference + "\n\n" + made.markdown
    }

    /// The sentences of a Markdown text: prose lines split after . ! ?, the Arabic question mark and the full-width
    /// 。！？ (footnote marks and markup removed).
    static func sentences(of markdown: String) -> [String] {
        var out: [String] = []
        for line in markdown.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("|") || t.hasPrefix("[^") || t.hasPrefix("<") || t.hasPrefix("-") { continue }
            let clean = t.replacingOccurrences(of: "\\[\\^[0-9]+\\]", with: "", options: .regularExpression)
                .replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "> ", with: "")
            var current = ""
            for ch in clean {
                current.append(ch)
                if ".!?؟。！？".contains(ch), current.count > 30 { out.append(current.trimmingCharacters(in: .whitespaces)); current = "" }
            }
        }
        return out
    }
}

/// Why a report could not be generated.
public struct GeneratorError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: " + message }
}
