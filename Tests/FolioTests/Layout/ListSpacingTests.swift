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

    /// A list nested deeper than the page allows stops indenting at a third of the text width: its items stay set in
    /// words (before, level 24 onwards got a letter a line, and the cost of a level grew with its depth).
    @Test func aListNestedPastTheMeasureKeepsItsWords() throws {
        let depth = 30
        let md = (0..<depth).map { String(repeating: "  ", count: $0) + "- item \($0 + 1) here" }.joined(separator: "\n") + "\n"
        let (doc, _) = try layOut(md)
        var x: [Int: Double] = [:]
        for page in doc.pages {
            for case .glyphs(let run) in page.items {
                for k in 1...depth where run.text.hasPrefix("item \(k) here") { x[k] = run.origin.x }
            }
        }
        #expect(x.count == depth, "items set whole: \(x.keys.sorted())")
        let deepest = try #require(x[depth]), previous = try #require(x[depth - 1]), first = try #require(x[1])
        #expect(deepest == previous)
        #expect(deepest > first)
    }
}
