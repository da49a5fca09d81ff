import Testing
import FolioDisplay
import FolioLayout

/// Where pages may break, checked over many fillings of small pages: each rule must hold wherever the break falls.
@Suite("page break rules")
struct PageBreakRulesTests {
    static let smallPage = GoldenTraceTests.smallPage

    /// The structure elements whose content is on each page, counted by `.begin`, for elements of `role`.
    static func lines(_ doc: DisplayDocument, where wanted: (StructureRole) -> Bool) -> [[StructureID: Int]] {
        doc.pages.map { page in
            var count: [StructureID: Int] = [:]
            for case .begin(.element(let id)) in page.items where wanted(doc.structure[id].role) { count[id, default: 0] += 1 }
            return count
        }
    }

    static func filler(_ n: Int) -> String {
        (0..<n).map { "Filler paragraph \($0) with a few words." }.joined(separator: "\n\n") + "\n\n"
    }

    @Test func noWordIsBrokenAcrossPages() throws {
        let word = "internationalisation responsibilities accountability extraordinary"
        let text = (0..<40).map { "Paragraph \($0) speaks of \(word) and \(word) again." }.joined(separator: "\n\n")
        let (doc, _) = try layOut(text, yaml: Self.smallPage)
        var hyphenatedEnds = 0
        for page in doc.pages.dropLast() {
            // The page's last line of body text (the foot is an artifact, outside any element).
            var inParagraph = false, last: String?
            for item in page.items {
                switch item {
                case .begin(.element(let id)): inParagraph = doc.structure[id].role == .paragraph
                case .end: inParagraph = false
                case .glyphs(let run) where inParagraph: last = run.text
                default: break
                }
            }
            if last?.hasSuffix("-") == true { hyphenatedEnds += 1 }
        }
        #expect(hyphenatedEnds == 0)
        #expect(doc.pages.count > 5)
    }

    @Test func widowsAndOrphansHoldWithFootnotes() throws {
        // Long notes referred to near a paragraph's end: where a note does not fit whole, its reference's line
        // may end the page only if the lines after it may start the next.
        let note = String(repeating: "A report with a long title and many pages of testimony. ", count: 6)
        for n in 0..<16 {
            var md = Self.filler(n)
            for p in 0..<6 {
                md += "Paragraph \(p) runs over several lines of the small page, so that it breaks across pages somewhere, "
                md += "and cites a source[^n\(p)] near its end, whose note is long.\n\n"
            }
            for p in 0..<6 { md += "[^n\(p)]: Source \(p). \(note)\n" }
            let (doc, _) = try layOut(md, yaml: Self.smallPage)
            let pages = Self.lines(doc) { $0 == .paragraph }
            var seen: [StructureID: [Int]] = [:]
            for page in pages { for (id, count) in page { seen[id, default: []].append(count) } }
            for (id, parts) in seen where parts.count > 1 {
                #expect(parts.first! >= 2 && parts.last! >= 2, "filler \(n): paragraph \(id) split \(parts)")
            }
        }
    }

    @Test func aParagraphEndingWithAColonKeepsWithWhatFollows() throws {
        for n in 0..<14 {
            let md = Self.filler(n) + "The witness said:\n\n> We were taken at night and held for three weeks without a word.\n"
            let (doc, _) = try layOut(md, yaml: Self.smallPage)
            let colon = doc.pages.firstIndex { page in page.items.contains { if case .glyphs(let r) = $0 { r.text.hasSuffix("said:") } else { false } } }
            let quote = doc.pages.firstIndex { page in page.items.contains { if case .glyphs(let r) = $0 { r.text.hasPrefix("We were") } else { false } } }
            #expect(colon != nil && colon == quote, "filler \(n): colon on page \(colon ?? -1), quote on \(quote ?? -1)")
        }
    }

    @Test func aNestedListKeepsTwoItemsOnEachSideOfABreak() throws {
        // Issue 20: a nested list split with its last item alone on the next page.
        let keys = ["nested a", "nested b", "nested c", "nested d"]
        let list = "- Outer item one\n" + keys.map { "  - \($0)\n" }.joined() + "- Outer item two\n- Outer item three\n"
        var splits = 0
        for n in 0..<14 {
            let (doc, _) = try layOut(Self.filler(n) + list, yaml: Self.smallPage)
            let perPage = doc.pages.map { page in keys.filter { key in runs(page).contains { $0.text.contains(key) } }.count }.filter { $0 > 0 }
            if perPage.count > 1 { splits += 1 }
            #expect(perPage.allSatisfy { $0 >= 2 }, "filler \(n): nested items per page \(perPage)")
        }
        // The list still breaks, between its second and third items.
        #expect(splits > 0)
    }

    @Test func aColonsKeepGivesWayRatherThanLeaveMoreThanThreeLinesEmpty() throws {
        // A three-line paragraph ending with a colon and a three-line quote: neither may break (two lines on each
        // side), so keeping them together moves six lines. Where that would leave more than three lines empty, the
        // quote goes on alone; no page ends more than three and a half lines short (kept whole, one ended four).
        let intro = "The witness, who had been held for three weeks at a border post and then for a month in a detention centre, " +
            "described what happened in these words, which NKDB recorded:"
        let quote = "> At the detention centre they made us squat and stand up again and again, naked, to see if we had " +
            "hidden money. The guards called us traitors all the time."
        let line = 10.5 * 1.45, bottom = 250.0 - 30
        var givenWay = 0
        for n in 0..<14 {
            let (doc, _) = try layOut(Self.filler(n) + intro + "\n\n" + quote + "\n\nAfter the quote.\n", yaml: Self.smallPage)
            var introLines = 0, quoteLines = 0
            for page in doc.pages {
                let body = runs(page).filter { $0.origin.y > 30 && $0.origin.y < bottom + 1 }
                introLines += Set(body.filter { $0.text.contains("recorded:") }.map(\.origin.y)).count
                quoteLines += Set(body.filter { $0.text.hasPrefix("At the detention") }.map(\.origin.y)).count
            }
            #expect(introLines == 1 && quoteLines == 1)
            let colon = doc.pages.firstIndex { runs($0).contains { $0.text.contains("recorded:") } }
            let quoted = doc.pages.firstIndex { runs($0).contains { $0.text.hasPrefix("At the detention") } }
            if colon != quoted { givenWay += 1 }
            for page in doc.pages.dropLast() {
                let last = runs(page).map(\.origin.y).filter { $0 < bottom + 1 }.max() ?? 0
                #expect(bottom - last < 3.5 * line, "filler \(n): a page ends \((bottom - last) / line) lines short")
            }
        }
        #expect(givenWay > 0)
    }

    @Test func aTableBreaksAfterThreeBodyRowsAtTheEarliest() throws {
        var table = "| Year | Case |\n|---|---|\n"
        for i in 1...10 { table += "| \(2000 + i) | Case \(i) |\n" }
        for n in 0..<14 {
            let (doc, _) = try layOut(Self.filler(n) + table, yaml: Self.smallPage)
            let cells = Self.lines(doc) { $0 == .cell }
            let bodyRowsPerPage = cells.map { $0.count / 2 }.filter { $0 > 0 }
            #expect(bodyRowsPerPage.first.map { $0 >= 3 } ?? false, "filler \(n): rows per page \(bodyRowsPerPage)")
        }
    }

    @Test func aTableLeavesTwoBodyRowsAtLeastAfterABreak() throws {
        // Five body rows: three before a break and two after, or the whole table on the next page.
        var table = "| Year | Case |\n|---|---|\n"
        for i in 1...5 { table += "| \(2000 + i) | Case \(i) |\n" }
        for n in 0..<14 {
            let (doc, _) = try layOut(Self.filler(n) + table, yaml: Self.smallPage)
            let bodyRowsPerPage = Self.lines(doc) { $0 == .cell }.map { $0.count / 2 }.filter { $0 > 0 }
            #expect(bodyRowsPerPage.last.map { $0 >= 2 } ?? false, "filler \(n): rows per page \(bodyRowsPerPage)")
        }
    }
}
