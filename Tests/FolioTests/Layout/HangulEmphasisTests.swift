import Foundation
import Testing
import FolioDisplay
@testable import FolioLayout

/// Korean faces have no italic: an emphasis span holding Hangul is set whole in the layout's `body.hangul-emphasis`
/// (issue 20: only the Latin letters of `*NKDB 통합인권DB*` were slanted), while a span of Latin letters only stays
/// italic.
@Suite("Hangul emphasis")
struct HangulEmphasisTests {
    static let markdown = "보고서는 *ABCD 통합인권DB*에 근거하며 정치범수용소(*kwanliso*) 폐지를 권고한다.\n"

    /// The font files of the runs whose text holds `piece`.
    func fonts(_ doc: DisplayDocument, holding piece: String) -> [String] {
        doc.pages.flatMap(runs).filter { $0.text.contains(piece) }.map { ($0.font.path as NSString).lastPathComponent }
    }

    @Test func theKoreanDefaultSetsTheWholeSpanInTheSansFace() throws {
        let (doc, _) = try layOut(Self.markdown, language: "ko")
        let hangul = fonts(doc, holding: "통합인권"), latin = fonts(doc, holding: "ABCD")
        #expect(!hangul.isEmpty && hangul.allSatisfy { $0.hasPrefix("NotoSansCJK") }, "\(hangul)")
        #expect(!latin.isEmpty && latin.allSatisfy { $0.contains("Sans") && !$0.contains("Italic") }, "\(latin)")
        // Text outside the span keeps the body's serif face; a span with no Hangul stays italic.
        #expect(fonts(doc, holding: "보고서는").allSatisfy { $0.hasPrefix("NotoSerifCJK") })
        let term = fonts(doc, holding: "kwanliso")
        #expect(!term.isEmpty && term.allSatisfy { $0.contains("Italic") }, "\(term)")
    }

    @Test func boldSetsTheWholeSpanBold() throws {
        let yaml = "extends: upr-submission\nbody:\n  hangul-emphasis: bold\n"
        let (doc, _) = try layOut(Self.markdown, yaml: yaml, language: "ko")
        let hangul = fonts(doc, holding: "통합인권"), latin = fonts(doc, holding: "ABCD")
        #expect(!hangul.isEmpty && hangul.allSatisfy { $0.hasPrefix("NotoSerifCJK-Bold") }, "\(hangul)")
        #expect(!latin.isEmpty && latin.allSatisfy { $0.contains("Serif-Bold") && !$0.contains("Italic") }, "\(latin)")
    }

    @Test func aSansBodyEmphasisesHangulInBold() throws {
        let yaml = "extends: upr-submission\nbody:\n  font: { family: sans }\n"
        let (doc, _) = try layOut(Self.markdown, yaml: yaml, language: "ko")
        let hangul = fonts(doc, holding: "통합인권")
        #expect(!hangul.isEmpty && hangul.allSatisfy { $0.hasPrefix("NotoSansCJK-Bold") }, "\(hangul)")
    }
}
