import Testing
@testable import FolioModel

@Suite("Markdown to the document model")
struct MarkdownTests {
    func read(_ text: String) throws -> (Document, [Warning]) {
        var reader = MarkdownReader(file: "test.md")
        let doc = try reader.read(Array(text.utf8))
        return (doc, reader.warnings)
    }

    @Test func blocksAndInlines() throws {
        let (doc, _) = try read("# Title\n\nSome *em* and **strong** and ~~gone~~ [link](https://x.org).\n\n- a\n- b\n\n1. one\n2. two\n\n> quote\n")
        #expect(doc.blocks.count == 5)
        guard case .heading(let h) = doc.blocks[0] else { Issue.record("no heading"); return }
        #expect(h.level == 1 && h.anchor == "title" && h.location.line == 1)
        guard case .paragraph(let inl, _) = doc.blocks[1] else { Issue.record("no paragraph"); return }
        #expect(inl.plainText == "Some em and strong and gone link.")
        guard case .list(let ul) = doc.blocks[2], case .list(let ol) = doc.blocks[3] else { Issue.record("no lists"); return }
        #expect(!ul.ordered && ul.items.count == 2)
        #expect(ol.ordered && ol.start == 1)
        guard case .quote = doc.blocks[4] else { Issue.record("no quote"); return }
    }

    @Test func footnotesAreNumberedByFirstReference() throws {
        let (doc, _) = try read("B[^b] then A[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n[^unused]: Never cited.\n")
        #expect(doc.footnotes.map { $0.blocks.count } == [1, 1])
        guard case .paragraph(let first, _) = doc.footnotes[0].blocks[0] else { return }
        #expect(first.plainText == "Note B.")
        #expect(doc.footnotes.map(\.number) == [1, 2])
        guard case .paragraph(let inl, _) = doc.blocks[0] else { return }
        let refs = inl.compactMap { if case .footnoteReference(let n) = $0 { return n } else { return nil } }
        #expect(refs == [1, 2])
    }

    @Test func tablesWithAlignment() throws {
        let (doc, _) = try read("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n")
        guard case .table(let t) = doc.blocks[0] else { Issue.record("no table"); return }
        #expect(t.alignments == [.left, .right])
        #expect(t.header.map(\.plainText) == ["a", "b"])
        #expect(t.rows.count == 2)
    }

    @Test func smartPunctuationAndAutolinks() throws {
        let (doc, _) = try read("People's \"report\" -- see https://nkdb.org\n")
        guard case .paragraph(let inl, _) = doc.blocks[0] else { return }
        #expect(inl.plainText == "People’s “report” – see https://nkdb.org")
        #expect(inl.contains { if case .link(let url, _) = $0 { return url == "https://nkdb.org" } else { return false } })
    }

    @Test func rawHTMLIsIgnoredWithAWarningButCommentsSilently() throws {
        let (doc, warnings) = try read("<!-- note -->\n\n<div>x</div>\n\ntext\n")
        #expect(doc.blocks.count == 1)
        #expect(warnings.count == 1 && warnings[0].location?.line == 3)
    }

    @Test func uniqueAnchors() throws {
        let (doc, _) = try read("# A\n\n# A\n\n# 북한 인권\n")
        #expect(doc.headings.map(\.anchor) == ["a", "a-1", "북한-인권"])
    }

    @Test func refusesBOMAndInvalidUTF8() {
        var reader = MarkdownReader(file: "x.md")
        #expect(throws: FolioError.self) { try reader.read([0xEF, 0xBB, 0xBF] + Array("hi".utf8)) }
        let error = #expect(throws: FolioError.self) { try reader.read(Array("ok\nbad \u{00}".utf8).dropLast() + [0xFF]) }
        #expect(error?.location?.line == 2)
    }

    @Test func nestingLimit() {
        var reader = MarkdownReader(file: "deep.md")
        reader.maxDepth = 5
        let deep = String(repeating: ">", count: 10) + " deep\n"
        #expect(throws: FolioError.self) { try reader.read(Array(deep.utf8)) }
    }

    func paragraph(_ doc: Document, _ i: Int = 0) -> [Inline] {
        if case .paragraph(let inl, _) = doc.blocks[i] { return inl }
        Issue.record("block \(i) is no paragraph")
        return []
    }

    func struck(_ inlines: [Inline]) -> [String] {
        inlines.compactMap { if case .strikethrough(let c) = $0 { return c.plainText } else { return nil } }
    }

    @Test func singleTildesAreTextAndDoubleTildesStrike() throws {
        let (ko, _) = try read("2021~2023년, 500~600명, 3~6개월 동안 ~~삭제~~.\n")
        #expect(paragraph(ko).plainText == "2021~2023년, 500~600명, 3~6개월 동안 삭제.")
        #expect(struck(paragraph(ko)) == ["삭제"])
        let (en, _) = try read("From 2021~2023, 500~600 people, ~~struck~~.\n")
        #expect(paragraph(en).plainText == "From 2021~2023, 500~600 people, struck.")
        #expect(struck(paragraph(en)) == ["struck"])
    }

    @Test func undefinedAndUnusedFootnotesAreReported() throws {
        let (doc, warnings) = try read("Cited[^a], missing[^missing], `[^code]`.\n\n[^a]: Note A.\n[^unused]: Never cited.\n[^a]: Again.\n\n```\n[^fenced]\n```\n")
        #expect(paragraph(doc).plainText == "Cited, missing[^missing], [^code].")
        #expect(doc.footnotes.count == 1)
        let found = warnings.map { "\($0.kind.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(found == ["undefined-footnote 1:19", "unused-footnote 4:1", "unused-footnote 5:1"])
        #expect(warnings.allSatisfy { $0.location?.file == "test.md" })
    }

    @Test func undefinedAndUnusedFootnotesAreReportedInKorean() throws {
        let (doc, warnings) = try read("인용[^가]과 누락[^없음].\n\n> [^가]: 주석.\n\n[^안씀]: 쓰지 않은 주석.\n")
        #expect(paragraph(doc).plainText == "인용과 누락[^없음].")
        #expect(warnings.map(\.kind) == [.undefinedFootnote, .unusedFootnote])
        #expect(warnings.map { $0.location?.line } == [1, 5])
        #expect(warnings.map { $0.message.contains("[^없음]") || $0.message.contains("[^안씀]") } == [true, true])
    }

    @Test func mathsIsReportedAndSetAsTyped() throws {
        let (doc, warnings) = try read("Area $x^2$ and a\\,b; prices $5 and $10; `$y$` in code.\n\n면적 $$\\frac{1}{2}$$ 입니다.\n")
        #expect(paragraph(doc).plainText == "Area $x^2$ and a,b; prices $5 and $10; $y$ in code.")
        #expect(warnings.map(\.kind) == [.unsupportedMath, .unsupportedMath, .unsupportedMath])
        #expect(warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["1:6", "1:17", "3:4"])
    }

    @Test func charactersAPDFCannotCarryAreReplacedOrRemoved() throws {
        // Swift's literals refuse noncharacters: they are made from their values.
        let (fffe, fdd0) = (String(Unicode.Scalar(0xFFFE)!), String(Unicode.Scalar(0xFDD0)!))
        let (doc, warnings) = try read("a\(fffe)b \u{202E}c\u{0}d\n\n# 제목\(fdd0)\u{1}\n")
        #expect(paragraph(doc).plainText == "a\u{FFFD}b c\u{FFFD}d")
        #expect(doc.headings.first?.text == "제목\u{FFFD}")
        #expect(warnings.map(\.kind) == Array(repeating: .invalidCharacter, count: 5))
        #expect(warnings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["1:2", "1:5", "1:7", "3:5", "3:6"])
        #expect(warnings.dropFirst().first?.message.contains("U+202E") == true)
    }

    @Test func cleanTextIsUntouched() {
        let text = Array("“Quotes” — and 한국어, ｶﾀｶﾅ, 😀\n".utf8)
        #expect(!TextSanitizer.mayNeedCleaning(text))
        #expect(TextSanitizer.clean(utf8: text, file: "x").1.isEmpty)
        for bad: UInt32 in [0x7F, 0x85, 0x2066, 0xFDEF, 0xFFFF, 0x10FFFE, 0x1FFFF, 0x1B] {
            #expect(TextSanitizer.mayNeedCleaning(Array(("x" + String(Unicode.Scalar(bad)!)).utf8)), "\(bad)")
        }
    }

    /// Long lines of lone dollars, unclosed backticks of many lengths and unpaired asterisks read in linear time
    /// (each would take minutes if every opener looked to the end of the line).
    @Test func pathologicalLinesStayLinear() throws {
        let dollars = String(repeating: "$a ", count: 20_000)
        let ticks = (1...150).map { String(repeating: "`", count: $0) + "x" }.joined()
        let stars = String(repeating: "가*)", count: 20_000)
        let (_, warnings) = try read(dollars + "\n\n" + ticks + "\n\n" + stars + "\n")
        #expect(warnings.isEmpty)
    }
}
