import Foundation
import Testing
import FolioEngine
import FolioModel
import FolioRender

/// Set paragraphs kept by content (`folio watch`): a layout again after an edit sets only the changed paragraph,
/// and gives the very display list a fresh engine gives.
@Suite("paragraph cache")
struct ParagraphCacheTests {
    static let paragraphs = (1...8).map { "Paragraph \($0) has a few sentences of text. " + String(repeating: "More words follow here. ", count: 12) }

    @Test func anEditSetsOnlyTheChangedParagraphAndChangesNothingElse() throws {
        let dir = Reports.make(id: "cached", editions: ["en": "# Title\n\n" + Self.paragraphs.joined(separator: "\n\n") + "\n"])
        let warm = try Engine(home: Fixtures.root, keepParagraphs: true)
        let report = try Report.load(directory: dir)
        _ = try warm.layOut(report: report, edition: report.editions[0])
        let first = try #require(warm.paragraphs?.statistics)

        var edited = Self.paragraphs
        edited[4] = "Paragraph 5 now says something else entirely, and at another length."
        Fixtures.write("# Title\n\n" + edited.joined(separator: "\n\n") + "\n", to: dir + "/content/en.md")
        let again = try Report.load(directory: dir)
        let laid = try warm.layOut(report: again, edition: again.editions[0])
        let second = try #require(warm.paragraphs?.statistics)
        #expect(second.misses - first.misses == 1, "only the edited paragraph is set: \(first) → \(second)")
        #expect(second.hits - first.hits >= Self.paragraphs.count - 1)

        let fresh = try Engine(home: Fixtures.root).layOut(report: again, edition: again.editions[0])
        #expect(TextTrace().render(laid.document) == TextTrace().render(fresh.document), "the same display list as a fresh engine's")
    }
}
