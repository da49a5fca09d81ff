import Foundation
import Testing
import FolioDisplay
import FolioEngine
import FolioImages
import FolioLayout
import FolioModel

/// Lays out Markdown with a layout (a name, or YAML text that extends `base`), as edition `language`.
func layOut(_ markdown: String, layout: String = "upr-submission", yaml: String? = nil, language: String = "en",
            logos: [ImageInfo] = []) throws -> (DisplayDocument, LayoutReport) {
    var reader = MarkdownReader(file: "t.md")
    let doc = try reader.read(Array(markdown.utf8))
    let engine = Fixtures.engine
    var name = layout
    if let yaml {
        let dir = Fixtures.temporaryFolder("layout")
        Fixtures.write(yaml, to: dir + "/custom.yaml")
        name = dir + "/custom.yaml"
    }
    let l = try engine.layouts.load(name, language: language)
    let info = DocumentInfo(title: "T", author: "A", subject: "", keywords: "", creator: "test", language: language, date: "2024-01-01T00:00:00Z")
    var input = EditionInput(document: doc, layout: l, title: "A Report: On Things", subtitle: "Subtitle", organizations: ["Org One", "Org Two"],
                             date: "1 January 2024", language: language, info: info)
    input.logos = logos.enumerated().map { Logo(image: $1, alt: "Org \($0 + 1)") }
    return try DocumentLayout(fonts: engine.fonts, manifest: engine.manifest, cache: engine.cache).layout(input)
}

func texts(_ page: Page) -> [String] {
    page.items.compactMap { if case .glyphs(let r) = $0 { return r.text } else { return nil } }
}

func runs(_ page: Page) -> [GlyphRun] {
    page.items.compactMap { if case .glyphs(let r) = $0 { return r } else { return nil } }
}

@Suite("document structure")
struct StructureTests {
    static let longBody: String = {
        var md = ""
        for s in 1...6 {
            md += "# Section \(s)\n\n"
            for p in 1...5 { md += "Paragraph \(s).\(p) has enough words to run over several lines of the text block, so that the sections fill pages and the contents have page numbers to show.\n\n" }
        }
        return md
    }()

    @Test func contentsShowThePageEachLinkLandsOn() throws {
        let (doc, report) = try layOut(Self.longBody, layout: "report")
        #expect(report.passes >= 2)
        for (anchor, page) in report.landings.headingPages where anchor.hasPrefix("section") {
            // Front matter is numbered apart: the body's first page is 1.
            let bodyStart = doc.pageLabels.last?.start ?? 0
            #expect(report.contentsLabels[anchor] == String(page - bodyStart + 1), "\(anchor)")
        }
        let contentsPage = doc.pages[1]
        let links = contentsPage.items.compactMap { if case .link(_, .destination(let d)) = $0 { return d } else { return nil } }
        #expect(Set(links).isSuperset(of: ["section-1", "section-6"]))
        #expect(texts(contentsPage).contains { $0.hasPrefix("...") })
    }

    @Test func pageLabelsNumberTheFrontMatterInRoman() throws {
        let (doc, report) = try layOut(Self.longBody, layout: "report")
        #expect(doc.pageLabels == [PageLabelRange(start: 0, style: .lowerRoman, firstNumber: 1),
                                   PageLabelRange(start: 2, style: .decimal, firstNumber: 1)])
        #expect(report.pageMap[1].label == "ii" && report.pageMap[2].label == "1")
        #expect(texts(doc.pages[1]).contains("ii"))          // the contents' foot
        #expect(texts(doc.pages[0]).allSatisfy { $0 != "i" })  // the cover has no foot
    }

    @Test func coverCarriesTitleOrganisationsAndLogos() throws {
        let svg = Fixtures.temporaryFolder("logo") + "/logo.svg"
        Fixtures.write("<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'><rect width='120' height='40' fill='#0b3d6e'/></svg>", to: svg)
        let logo = try ImageInfo.probe(path: svg)
        #expect(logo.format == .svg && abs(logo.width - 90) < 0.01)
        let (doc, _) = try layOut("# Body\n\ntext\n", layout: "report", logos: [logo])
        let cover = doc.pages[0]
        #expect(cover.items.contains { if case .image(let ref, _) = $0 { return ref.path == svg } else { return false } })
        let t = texts(cover).joined(separator: "|")
        #expect(t.contains("Org One") && t.contains("Org Two") && t.contains("1 January 2024"))
    }

    @Test func endnotesInsteadOfFootnotes() throws {
        let (doc, report) = try layOut("Claim.[^a]\n\nMore.[^b]\n\n[^a]: Source A.\n[^b]: Source B.\n", layout: "briefing")
        let last = doc.pages.last!
        #expect(texts(last).contains { $0.contains("Notes") })
        #expect(report.landings.notePages[1] == doc.pages.count - 1)
    }

    @Test func numberedParagraphsInTheMargin() throws {
        let (doc, _) = try layOut("# A\n\nFirst.\n\nSecond.\n\n- a list item\n\n> a quote\n\nThird.\n")
        let numbers = runs(doc.pages[0]).filter { $0.text.hasSuffix(".") && Int($0.text.dropLast()) != nil }
        #expect(numbers.map(\.text) == ["1.", "2.", "3."])
        #expect(numbers.allSatisfy { $0.origin.x < 70.8 }, "numbers sit in the left margin")
    }

    @Test func koreanListNumbering() throws {
        let (doc, _) = try layOut("1. 하나\n   1. 가나다\n   2. 라마바\n2. 둘\n", language: "ko")
        let t = texts(doc.pages[0])
        #expect(t.contains("가.") && t.contains("나."))
        #expect(NumberingStyle.hangulJamo.label(3) == "ㄷ." && NumberingStyle.decimalParen.label(2) == "2)")
        #expect(NumberingStyle.lowerRoman.label(4) == "iv.")
    }

    @Test func explicitPageBreaks() throws {
        let (doc, _) = try layOut("Before.\n\n<!-- pagebreak -->\n\nAfter.\n")
        #expect(doc.pages.count == 2)
        #expect(texts(doc.pages[1]).contains { $0.contains("After.") })
    }

    @Test func noWidowsOrOrphans() throws {
        let (doc, _) = try layOut(Self.longBody + Self.longBody)
        // Every page's first and last body line belongs to a paragraph that has at least two lines there.
        for page in doc.pages {
            let body = runs(page).filter { $0.size == 10.5 && $0.origin.y > 80 && $0.origin.y < 770 }
            let ys = Array(Set(body.map(\.origin.y))).sorted()
            #expect(ys.count != 1)
        }
    }

    @Test func wideTablesShrinkThenWrapAndNeverOverflow() throws {
        var md = "| " + (1...14).map { "Column heading \($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 14) + "\n"
        md += "| " + (1...14).map { "Cell\($0)withaverylongunbreakableword" }.joined(separator: " | ") + " |\n"
        let (doc, report) = try layOut(md)
        #expect(report.warnings.contains { $0.message.contains("too wide") })
        for page in doc.pages {
            for r in runs(page) { #expect(r.origin.x + r.width <= page.width - 70.8 + 0.5, "\(r.text)") }
        }
    }

    @Test func aRowTallerThanAPageIsSplit() throws {
        let cell = String(repeating: "A very long cell of testimony text that goes on and on. ", count: 120)
        let (doc, _) = try layOut("| Who | What |\n|---|---|\n| Witness | \(cell) |\n")
        #expect(doc.pages.count >= 2)
        for page in doc.pages {
            for r in runs(page) where !r.text.contains(" / ") { #expect(r.origin.y < page.height - 70.8, "text below the text block") }
            #expect(texts(page).contains("Who"), "the header repeats")
        }
    }

    @Test func internalLinksPointAtHeadings() throws {
        let (doc, _) = try layOut("# Methodology\n\nSee [the method](#methodology).\n")
        let page = doc.pages[0]
        #expect(page.items.contains { if case .link(_, .destination("methodology")) = $0 { return true } else { return false } })
        #expect(page.items.contains { if case .destination("methodology", _) = $0 { return true } else { return false } })
    }
}

@Suite("structure of the display list")
struct DisplayStructureTests {
    /// The roles of the elements whose content is on the pages, in page order.
    func roles(_ doc: DisplayDocument) -> [StructureRole] {
        doc.pages.flatMap(\.items).compactMap { if case .begin(.element(let id)) = $0 { doc.structure[id].role } else { nil } }
    }

    @Test func wordsInAnotherScriptAreSpansInTheirLanguage() throws {
        let (ko, _) = try layOut("국제인권연맹(International Federation for Human Rights)은 보고서를 냈다.\n", language: "ko")
        #expect(roles(ko).contains(.span(language: "en")))
        #expect(!roles(ko).contains(.span(language: "ko")))
        let (en, _) = try layOut("The Database Center for North Korean Human Rights (북한인권정보센터) reported.\n", language: "en")
        #expect(roles(en).contains(.span(language: "ko")))
        #expect(!roles(en).contains(.span(language: "en")))
    }

    @Test func runningHeadsAreArtifactsWithoutElements() throws {
        let (doc, _) = try layOut(StructureTests.longBody, language: "ko")
        for page in doc.pages {
            var artifact = 0
            for item in page.items {
                switch item {
                case .begin(.artifact): artifact += 1
                case .begin(.inline): Issue.record("an inline tag was left unresolved")
                case .begin(.element): #expect(artifact == 0, "an element inside an artifact")
                case .end: if artifact > 0 { artifact -= 1 }
                default: break
                }
            }
        }
    }

    @Test func everyLinkAnnotationIsInsideALinkElement() throws {
        let (doc, _) = try layOut(StructureTests.longBody + "See [the report](https://example.org) and note.[^1]\n\n[^1]: A note.\n", layout: "report")
        for page in doc.pages {
            var open: [StructureRole?] = []
            for item in page.items {
                switch item {
                case .begin(.element(let id)): open.append(doc.structure[id].role)
                case .begin: open.append(nil)
                case .end: _ = open.popLast()
                case .link:
                    guard case .link? = open.last ?? nil else { Issue.record("a link annotation outside a Link element"); continue }
                default: break
                }
            }
        }
    }
}
