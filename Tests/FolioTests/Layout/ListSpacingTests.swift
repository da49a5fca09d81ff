import Testing
import FolioDisplay
@testable import FolioLayout

/// A nested list has as much space before it as after it (issue 20: extra space before, none after).
@Suite("list spacing")
struct ListSpacingTests {
    @Test func aNestedListHasEqualSpaceBeforeAndAfter() throws {
        let md = "Intro paragraph.\n\n- First item\n  - nested one\n  - nested two\n- Second item\n"
        let (doc, _) = try layOut(md)
        var baseline: [String: Double] = [:]
        for page in doc.pages {
            for case .glyphs(let run) in page.items {
                for key in ["First item", "nested one", "nested two", "Second item"] where run.text.hasPrefix(key) {
                    baseline[key] = run.origin.y
                }
            }
        }
        let first = try #require(baseline["First item"]), one = try #require(baseline["nested one"])
        let two = try #require(baseline["nested two"]), second = try #require(baseline["Second item"])
        #expect(abs((one - first) - (second - two)) < 0.01, "before \(one - first), after \(second - two)")
    }
}
