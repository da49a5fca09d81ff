import Testing
import FolioDisplay
@testable import FolioLayout
import FolioModel

/// A note holding a URL is set ragged right whole when justifying it would stretch a line's spaces past their
/// stretch (issue 20: the line before a long URL piece was loose, or set ragged alone among justified lines).
@Suite("notes holding URLs")
struct URLNoteTests {
    static let note = "Report of the mission on arbitrary detention, 2019, " +
        "https://www.example.org/ReportOfTheMissionOnArbitraryDetention/annex-two."

    func set(_ s: String, width: Double, raggedWhenURLStretches: Bool) throws -> [LineBox] {
        let (_, selector) = Fixtures.inline(language: "en")
        let layout = try Fixtures.engine.layouts.load("base", language: "en")
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
        let font = layout.footnotes.font
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        var spec = ParagraphSpec(width: width, align: .justify, lineHeight: font.size * 1.35, baseStyle: SpanStyle(font: font))
        spec.raggedWhenURLStretches = raggedWhenURLStretches
        return try inline.layout(text, spec).lines
    }

    @Test func aNoteThatAURLStretchesIsSetRaggedWhole() throws {
        // Widths where the justified note has a line whose spaces pass their stretch.
        var cases = 0
        for width in stride(from: 150.0, through: 260, by: 10) {
            let justified = try set(Self.note, width: width, raggedWhenURLStretches: false)
            guard justified.contains(where: \.overstretched) else { continue }
            cases += 1
            let lines = try set(Self.note, width: width, raggedWhenURLStretches: true)
            #expect(lines.allSatisfy { !$0.justified }, "width \(width): \(lines.map(\.justified))")
            #expect(lines.allSatisfy { $0.contentWidth <= width + 0.01 })
        }
        #expect(cases > 0)
    }

    @Test func aNoteWhoseURLFitsStaysJustified() throws {
        let text = "Report of the mission on arbitrary detention in the northern provinces, published in 2019 with annexes, " +
            "at https://www.example.org/a and in print."
        for width in stride(from: 200.0, through: 260, by: 20) {
            let justified = try set(text, width: width, raggedWhenURLStretches: false)
            guard !justified.contains(where: \.overstretched) else { continue }
            let lines = try set(text, width: width, raggedWhenURLStretches: true)
            #expect(lines.map(\.justified) == justified.map(\.justified), "width \(width)")
        }
    }

    @Test func notesInADocumentAreSetSo() throws {
        // The note's lines, by baseline, and how far right each reaches, on a page narrow enough for the URL to
        // stretch a line: none but the last reaches the text block's right edge when the note is ragged.
        let md = "A claim with a source.[^1]\n\n[^1]: \(Self.note) \(Self.note)\n"
        let (doc, _) = try layOut(md, yaml: GoldenTraceTests.smallPage)
        var ends: [Double: Double] = [:]
        var depth = 0
        for item in doc.pages[0].items {
            switch item {
            case .begin(.element(let id)):
                if depth > 0 { depth += 1 } else if case .note = doc.structure[id].role { depth = 1 }
            case .begin: if depth > 0 { depth += 1 }
            case .end: if depth > 0 { depth -= 1 }
            case .glyphs(let run) where depth > 0:
                ends[run.origin.y] = max(ends[run.origin.y] ?? 0, run.origin.x + run.width)
            default: break
            }
        }
        let lines = ends.sorted { $0.key < $1.key }.map(\.value)
        #expect(lines.count >= 3, "\(lines)")
        let edge = 24.0 + (260 - 48)
        #expect(lines.dropLast().allSatisfy { $0 < edge - 0.5 }, "line ends \(lines), edge \(edge)")
    }
}
