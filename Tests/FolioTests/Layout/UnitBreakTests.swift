import Testing
@testable import FolioLayout
import FolioModel

/// What stays on one line unless nothing else fits: a spaced dash and its word, document symbols, numbers and
/// what they count; table columns that fit their content (issue 20).
@Suite("units that stay whole")
struct UnitBreakTests {
    let font = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    func items(_ s: String, language: String = "en") throws -> [ParagraphItems.Item] {
        let (_, selector) = Fixtures.inline(language: language)
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        return try ParagraphBuilder(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration())
            .build(text, maxWidth: 300).items
    }

    /// The costs of the penalties just before each glue (nil: the glue is an ordinary break).
    func glueGuards(_ items: [ParagraphItems.Item]) -> [Double?] {
        items.indices.compactMap { k in
            guard case .glue = items[k] else { return nil }
            if k > 0, case .penalty(let p) = items[k - 1] { return .some(p.cost) }
            return .some(nil)
        }
    }

    @Test func aSpacedDashBindsToTheWordBeforeIt() throws {
        // "detained — those": the space before the dash never breaks, the one after it does.
        #expect(glueGuards(try items("detained — those")) == [.infinity, nil])
        #expect(glueGuards(try items("pages 3 – 5 here")).contains(.infinity))
    }

    @Test func numbersKeepWhatTheyCount() throws {
        // "109 group" and "2023년 10월" break only when nothing else fits; a year before a word is no unit.
        #expect(glueGuards(try items("the 109 group")) == [nil, ParagraphBuilder.unitCost])
        #expect(glueGuards(try items("in 2019 the")) == [nil, nil])
        #expect(glueGuards(try items("2023년 10월", language: "ko")) == [ParagraphBuilder.unitCost])
    }

    @Test func koreanNumbersKeepTheirCounters() throws {
        // klreq: "100여 개국", "세 개의", "한 차례", "여러 번" stay together unless nothing else fits; a numeral before
        // a noun that is no counter ("세 법률의"), a year before a word and a counter-like syllable that begins
        // another word ("한 대한") do not.
        for bound in ["100여 개국의", "세 개의", "한 차례", "여러 번", "3,000 명이", "2만여 건을"] {
            #expect(glueGuards(try items(bound, language: "ko")) == [ParagraphBuilder.unitCost], "\(bound)")
        }
        for free in ["세 법률의", "2019년 이후", "한 대한", "그 개의"] {
            #expect(glueGuards(try items(free, language: "ko")) == [nil], "\(free)")
        }
    }

    @Test func noSpaceIsSetNarrowerThanTheFloor() throws {
        // Korean spaces (0.31 em) may give up half their width in the ko layouts; a Latin word's space inside Korean
        // text stops at the same floor, not at half its own narrower width.
        let (_, selector) = Fixtures.inline(language: "ko")
        let layout = try Fixtures.engine.layouts.load("upr-submission", language: "ko")
        var text = StyledText()
        text.append("조선민주주의인민공화국 형법(Criminal Procedure Law of the DPRK)은 여러 차례 개정되었다.", SpanStyle(font: font))
        let built = try ParagraphBuilder(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
            .build(text, maxWidth: 300)
        var glues = 0
        for case .glue(let g) in built.items {
            let size = built.runs[g.run].size
            #expect(g.width - g.shrink >= size * ParagraphBuilder.narrowestSpace - 1e-9, "a space shrinks to \(g.width - g.shrink)")
            glues += 1
        }
        #expect(glues >= 8)
    }

    @Test func aLineEndingBeforeAGlossDoesNotEndAPage() throws {
        // "조선민주주의인민공화국 | (DPRK)은": the line before the gloss parts one unit, as a hyphenated line does, and
        // the paginator keeps it off a page's end (ComposeLines reads `partsWord`).
        let (_, selector) = Fixtures.inline(language: "ko")
        let layout = try Fixtures.engine.layouts.load("upr-submission", language: "ko")
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
        var text = StyledText()
        text.append("이 보고서는 조선민주주의인민공화국(DPRK, 이하 ‘북한’)에 대한 공동 보고서이다.", SpanStyle(font: font))
        var found = false
        for width in stride(from: 150.0, through: 260, by: 10) {
            let lines = try inline.layout(text, ParagraphSpec(width: width, align: .justify, lineHeight: 15, baseStyle: SpanStyle(font: font))).lines
            for line in lines.dropLast() {
                let ends = lineText(line).hasSuffix("공화국")
                #expect(line.partsWord == ends, "\(width): \(lineText(line))")
                found = found || ends
            }
        }
        #expect(found, "no width broke the word from its gloss")
    }

    @Test func documentSymbolsBreakOnlyWhenNothingElseFits() throws {
        let penalties = try items("see A/HRC/25/63 now").compactMap { item -> Double? in
            if case .penalty(let p) = item, !p.forced { return p.cost } else { return nil }
        }
        #expect(!penalties.isEmpty && penalties.allSatisfy { $0 >= ParagraphBuilder.bindCost })
        // Set in a column narrower than the sentence, the symbol moves whole to the next line.
        let (inline, _) = Fixtures.inline(language: "en")
        var text = StyledText()
        text.append("The report of the Commission, A/HRC/25/63, of 2014.", SpanStyle(font: font))
        let lines = try inline.layout(text, ParagraphSpec(width: 150, align: .left, lineHeight: 14, baseStyle: SpanStyle(font: font))).lines
        #expect(lines.contains { lineText($0).contains("A/HRC/25/63") }, "\(lines.map(lineText))")
        // Justified, the symbol stays whole though the line before it stretches (the sample's note 41 broke
        // "A/HRC/ | 25/63": the first pass took the costly break for a line that fits).
        let note = "Report of the Commission of Inquiry on Human Rights in the Democratic People’s Republic of Korea, A/HRC/25/63 (2014), paras. 41–44 and 76."
        let small = TextStyle(family: .serif, size: 8.5, bold: false, italic: false, color: .black)
        for width in stride(from: 380.0, through: 450, by: 5) {
            let set = try Fixtures.composed(note, width: width, font: small).lines.map(lineText)
            #expect(!set.contains { $0.hasSuffix("/") }, "\(width): \(set)")
        }
    }

    @Test func aWideHeadingOverShortCellsWrapsRatherThanSqueezeTheText() throws {
        // The sample's annex: "Recommending State" over country names took its one-line width, and the Theme column
        // wrapped "Cooperation with the Special / Rapporteur". A heading counts for its column's minimum only.
        let themes = ["Cooperation with the Special Rapporteur", "Access for OHCHR and country visits",
                      "Human rights training for judges"]
        var md = "| Rec. no. | Recommending State | Theme | DPRK response | Implementation status |\n|---|---|---|---|---|\n"
        for (i, theme) in themes.enumerated() { md += "| 126.\(i) | Chile | \(theme) | Noted | Not implemented; no information |\n" }
        let (doc, _) = try layOut(md)
        let all = doc.pages.flatMap(runs)
        let heading = try #require(all.first { $0.text.hasPrefix("Recommending") })
        #expect(!heading.text.contains("State"), "the heading stays on one line: \(heading.text)")
        for theme in themes { #expect(all.contains { $0.text == theme }, "\(theme) is wrapped") }
    }

    @Test func shortColumnsGetTheirWholeContentWidth() {
        // A date column (min 30, max 50) beside a long text column (min 60, max 400) in 200 pt: the date fits on
        // one line, the text takes the rest (sharing by what each wants more gave the date 32.6 pt).
        let widths = TableLayout.columnWidths(min: [30, 60], max: [50, 400], available: 200)
        #expect(abs(widths[0] - 50) < 1e-9 && abs(widths[1] - 150) < 1e-9)
        #expect(abs(widths.reduce(0, +) - 200) < 1e-9)
    }

    @Test func linesHoldingAURLAreRaggedRatherThanLoose() throws {
        // Notes of long links: a line with a piece of URL never stretches its spaces past their stretch (1.4 times
        // their width in the base layout); it is set short instead.
        let limit = 1 + (try Fixtures.engine.layouts.load("base", language: "en").body.composer.spaceStretch)
        let note = "Human Rights Committee, status of reporting for the DPRK, https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/Countries.aspx?CountryCode=PRK&Lang=EN and see also https://www.ohchr.org/en/hr-bodies/hrc/co-idprk/reportofthe-commission-of-inquiry-dprk for the report."
        var checked = 0
        for width in stride(from: 200.0, through: 440, by: 20) {
            let lines = try Fixtures.composed(note, width: width, font: font).lines
            for line in lines.dropLast() where lineText(line).contains("/") {
                #expect(line.looseness <= limit + 1e-9, "\(width): \(lineText(line)) at \(line.looseness) \(line.justified) \(line.overstretched) \(line.contentWidth)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }
}
