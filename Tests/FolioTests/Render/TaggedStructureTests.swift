import Testing
import FolioDisplay
@testable import FolioRender

/// How the display list's tags become marked content and structure elements, and how cairo's marked content is
/// renamed in a content stream.
@Suite("tagged structure and marked content")
struct TaggedStructureTests {
    func run(_ text: String, x: Double = 60) -> DisplayItem {
        var run = GlyphRun(font: FontRef(path: "f", index: 0), size: 10, color: .black, origin: Point(x: x, y: 20),
                           glyphs: [PlacedGlyph(id: 1, x: 0, y: 0)], text: text, clusters: [])
        run.width = 5 * Double(text.count)
        return .glyphs(run)
    }

    @Test func anInlineTagSplitsItsLineAndBecomesAChild() {
        var tree = StructureTree()
        let p = tree.add(.paragraph, under: tree.root)
        let page = Page(width: 100, height: 100, items: [
            .begin(.element(p)), run("see ", x: 0),
            .begin(.inline(.link(.uri("https://example.org")))), run("here", x: 10),
            .link(Rect(x: 5, y: 10, width: 40, height: 12), .uri("https://example.org")), .end,
            run(" now"), .end,
            .begin(.artifact(.footer)), run("1"), .end,
        ])
        let tagged = TaggedStructure(DisplayDocument(pages: [page], outline: [], info: Self.info, structure: tree))
        let link = tagged.elements.count - 1
        #expect(tagged.pages[0].sequences == [.content(element: 1, mcid: 0), .content(element: link, mcid: 1),
                                              .content(element: 1, mcid: 2), .artifact(.footer)])
        #expect(tagged.pages[0].owners == [1, link, 1])
        #expect(tagged.elements[1].kids == [.content(page: 0, mcid: 0), .element(link), .content(page: 0, mcid: 2)])
        #expect(tagged.elements[link].kids == [.content(page: 0, mcid: 1), .annotation(page: 0, index: 0)])
        #expect(tagged.pages[0].annotations == [TaggedStructure.Annotation(element: link, contents: "here")])
    }

    /// A contents entry: its title, its page number, the leader (an artifact), then the row's link. No sequence
    /// is opened for the link after the leader, since nothing is drawn there.
    @Test func noSequenceIsEmpty() {
        var tree = StructureTree()
        let entry = tree.add(.contentsEntry, under: tree.root)
        let page = Page(width: 100, height: 100, items: [
            .begin(.element(entry)), run("Section 1", x: 0), run("1", x: 90),
            .begin(.artifact(.leader)), run("....", x: 40), .end,
            .link(Rect(x: 0, y: 10, width: 95, height: 12), .destination("section-1")), .end,
        ])
        let tagged = TaggedStructure(DisplayDocument(pages: [page], outline: [], info: Self.info, structure: tree))
        #expect(tagged.pages[0].sequences == [.content(element: 1, mcid: 0), .artifact(.leader)])
        #expect(tagged.pages[0].annotations[0].contents == "Section 1 1", "the leader is not the link's text")
        var stack = MarkedContentStack()
        #expect(stack.begin(.element(entry)) == [] && stack.content() == [.open(.element(entry))] && stack.content() == [])
        #expect(stack.begin(.artifact(.leader)) == [.close] && stack.end() == [] && stack.end() == [] && stack.finish() == [])
    }

    /// A note reference the layout made an element of sits in its paragraph's kids where its line has it.
    @Test func anElementBegunInsideItsParentKeepsItsPlace() {
        var tree = StructureTree()
        let p = tree.add(.paragraph, under: tree.root)
        let reference = tree.add(.noteReference(number: 1), under: p)
        let page = Page(width: 100, height: 100, items: [
            .begin(.element(p)), run("text", x: 0), .begin(.element(reference)), run("1", x: 20), .end, run(" more", x: 25), .end,
        ])
        let tagged = TaggedStructure(DisplayDocument(pages: [page], outline: [], info: Self.info, structure: tree))
        #expect(tagged.elements[1].kids == [.content(page: 0, mcid: 0), .element(2), .content(page: 0, mcid: 2)])
        #expect(tagged.elements[2].kids == [.content(page: 0, mcid: 1)])
    }

    @Test func aLinkOutsideALinkElementGetsItsOwn() {
        var tree = StructureTree()
        let note = tree.add(.note(number: 1), under: tree.root, name: "fn-1")
        let page = Page(width: 100, height: 100, items: [
            .begin(.element(note)), run("Source"), .link(Rect(x: 0, y: 0, width: 1, height: 1), .destination("fnref-1")), .end,
        ])
        let tagged = TaggedStructure(DisplayDocument(pages: [page], outline: [], info: Self.info, structure: tree))
        #expect(tagged.elements.count == 3)
        #expect(tagged.elements[2].role == .link(.destination("fnref-1")) && tagged.elements[2].parent == 1)
        #expect(tagged.elements[1].kids == [.content(page: 0, mcid: 0), .element(2)])
        #expect(tagged.pages[0].annotations[0].contents == "fnref-1", "no text in the link's area: where it leads")
    }

    @Test func cairosMarkedContentIsRenamedAndItsEmptyLinkSequencesDropped() throws {
        let content = """
            q
            /Document << /MCID 0 >> BDC
            BT (a /Span << /MCID 9 >> BDC \\) EMC) Tj
            /Span << /ActualText <feff0066> >> BDC <0001> Tj EMC
            ET
            EMC
            /Link << /MCID 1 >> BDC
            EMC
            /Document << /MCID 2 >> BDC
            0 0 1 1 re f
            EMC
            Q
            """
        let out = try ContentMarks.rewrite(Array(content.utf8), markers: ["/P <</MCID 0>> BDC", "/Artifact <</Type /Layout>> BDC"])
        #expect(String(decoding: out, as: UTF8.self) == """
            q
            /P <</MCID 0>> BDC
            BT (a /Span << /MCID 9 >> BDC \\) EMC) Tj
            /Span << /ActualText <feff0066> >> BDC <0001> Tj EMC
            ET
            EMC


            /Artifact <</Type /Layout>> BDC
            0 0 1 1 re f
            EMC
            Q
            """)
        #expect(throws: ContentMarks.Mismatch.self) { try ContentMarks.rewrite(Array(content.utf8), markers: ["/P <</MCID 0>> BDC"]) }
    }

    static let info = DocumentInfo(title: "T", author: "", subject: "", keywords: "", creator: "", language: "en", date: "2024-01-01T00:00:00Z")
}
