import Testing
import FolioModel
@testable import FolioLayout

/// The composer configuration is resolved from a layout once, for justified and for ragged text.
@Suite("composer configuration")
struct ComposerConfigurationTests {
    @Test func resolvedFromTheLayout() throws {
        var layout = try Fixtures.engine.layouts.load("base", language: "ko")
        layout.body.koreanBreaks = .syllable
        layout.body.composer.tolerance = 300
        layout.body.composer.hyphenMaxConsecutive = 3
        layout.body.composer.hyphenMinLeft = 4
        let c = ComposerConfiguration(layout)
        #expect(c.koreanBreaks == .syllable)
        #expect(c.passes.map(\.name.rawValue) == ["optimal", "optimal (loose pass)", "optimal (emergency pass)"])
        #expect(c.passes.map(\.parameters.tolerance) == [300, 10000, 10000])
        #expect(c.passes.map(\.parameters.allowEmergency) == [false, false, true])
        #expect(c.passes.allSatisfy { $0.parameters.maxConsecutiveHyphens == 3 })
        #expect(c.hyphenation?.minLeft == 4 && c.hyphenation?.capitalized == false)
        #expect(c.hangingPunctuation && c.hangulLetterSpace == layout.body.composer.hangulLetterSpace)

        layout.body.composer.algorithm = .firstFit
        layout.body.composer.hyphenate = false
        let firstFit = ComposerConfiguration(layout)
        #expect(firstFit.passes.isEmpty && firstFit.hyphenation == nil)
    }

    @Test func raggedTextIsSetFirstFitWithoutAdjustments() throws {
        let c = ComposerConfiguration(try Fixtures.engine.layouts.load("base", language: "en"))
        let r = c.ragged
        #expect(r.passes.isEmpty && r.hyphenation == nil && !r.hangingPunctuation && r.hangulLetterSpace == 0)
        #expect(r.spaceStretch == c.spaceStretch && r.hangulLetterShrink == c.hangulLetterShrink)
        // A table cell's line is shorter than its column, never squeezed.
        #expect(c.cells.spaceShrink == 0 && c.cells.hangulLetterShrink == 0 && c.cells.passes.isEmpty)
        #expect(c.plain.hangulLatinSpace == 0 && c.plain.koreanBreaks == c.koreanBreaks)
    }
}
