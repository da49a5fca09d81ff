import Testing
@testable import FolioModel

/// How the Markdown names figures: a paragraph holding only an image, its caption from the title or the line under
/// it, hints in the link's fragment.
@Suite("figures in Markdown")
struct FigureMarkdownTests {
    func read(_ markdown: String) throws -> (Document, [Warning]) {
        var reader = MarkdownReader(file: "t.md")
        let doc = try reader.read(Array(markdown.utf8))
        return (doc, reader.warnings)
    }

    @Test func anImageAloneIsAFigureCaptionedByItsTitle() throws {
        let (doc, warnings) = try read("Text.\n\n![A map of the camps](maps/camps.png \"Known camps, 2023\")\n")
        guard case .figure(let f) = doc.blocks[1] else { Issue.record("not a figure: \(doc.blocks[1])"); return }
        #expect(f.image.path == "maps/camps.png" && f.image.alt == "A map of the camps")
        #expect(f.caption.plainText == "Known camps, 2023")
        #expect(f.number == 1 && f.anchor == "figure-1")
        #expect(f.image.location.line == 3 && f.image.location.column == 1)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func theLineUnderTheImageIsTheCaption() throws {
        let (doc, _) = try read("![Chart](c.svg \"ignored title\")\nArrests by year, **2019–2023**.\n\n![Photo](p.jpg)\n")
        guard case .figure(let f) = doc.blocks[0], case .figure(let g) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
        #expect(f.caption.plainText == "Arrests by year, 2019–2023.")
        #expect(g.caption.isEmpty && g.number == 2 && g.anchor == "figure-2")
    }

    @Test func hintsInTheFragmentSizeAndNameAFigure() throws {
        let (doc, warnings) = try read("![Map](map.png#width=60%&id=detention-map)\n\n![Map](map%20two.png#width=70)\n\n# Figure 2\n")
        guard case .figure(let f) = doc.blocks[0], case .figure(let g) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
        #expect(f.image.width == 0.6 && f.anchor == "detention-map" && f.image.path == "map.png")
        #expect(g.image.width == 0.7 && g.image.path == "map two.png")
        #expect(warnings.isEmpty, "\(warnings)")
        // A heading's anchor never takes a figure's.
        #expect(doc.headings[0].anchor == "figure-2-1")
    }

    @Test func hintsThatAreNotUnderstoodAreReported() throws {
        let (doc, warnings) = try read("![Map](map.png#width=huge&float=left)\n")
        guard case .figure(let f) = doc.blocks[0] else { Issue.record("\(doc.blocks)"); return }
        #expect(f.image.width == nil)
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.kind == .imageAlt }, "\(warnings)")
    }

    @Test func anImageWithoutAlternativeTextIsReportedInEnglishAndKorean() throws {
        for markdown in ["![](map.png)\n", "지도:\n\n![ ](지도.png \"수용소 위치\")\n"] {
            let (_, warnings) = try read(markdown)
            #expect(warnings.map(\.kind) == [.imageAlt], "\(markdown): \(warnings)")
            #expect(warnings.first?.message.contains("no alternative text") == true)
        }
    }

    @Test func imagesInLinesAndCellsArePlacedAndInHeadingsAreText() throws {
        let (doc, warnings) = try read("# Map ![flag](h.png)\n\nSee ![the flag](flag.png) here.\n\n| a | b |\n|---|---|\n| ![Icon](i.png) | x ![y](j.png) |\n")
        guard case .paragraph(let inlines, _) = doc.blocks[1] else { Issue.record("\(doc.blocks)"); return }
        #expect(inlines.plainText == "See the flag here.")
        #expect(inlines.contains { if case .image(let i) = $0 { i.path == "flag.png" } else { false } })
        // Only the heading's image is warned about and set as text; its file is not read.
        #expect(warnings.map(\.kind) == [.inlineImage], "\(warnings)")
        #expect(doc.headings[0].text == "Map flag")
        #expect(doc.images.map(\.path) == ["flag.png", "i.png", "j.png"])
    }
}
