import Foundation
import Testing
import FolioEngine
import FolioLayout
import FolioModel

/// The line breaker's fuzz seeds (Fuzz/corpus/linebreaker: the starting inputs and the findings kept as
/// regression seeds) pass the fuzz target's own checks in the ordinary test run, without libFuzzer.
@Suite("line breaker fuzz seeds")
struct FuzzSeedTests {
    static let corpus = Fixtures.root + "/Fuzz/corpus/linebreaker"

    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    }

    @Test func theCorpusHoldsTheRegressionSeeds() {
        #expect(Self.seeds.contains("regression-long-words-and-url"))
        #expect(Self.seeds.filter { $0.hasPrefix("regression-") }.count >= 5)
    }

    /// FuzzLineBreaker's reading of an input: byte 0 the width, byte 1 the language and Korean break mode, the
    /// rest the text; set justified and ragged, no line may pass the measure by more than a hanging mark.
    @Test(arguments: seeds) func aSeedSetsWithinItsMeasure(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.corpus + "/" + name))
        let bytes = [UInt8](data)
        try #require(bytes.count > 2)
        let width = 20 + Double(bytes[0]) * 2
        let language = ["en", "ko", "fr", "ar"][Int(bytes[1]) % 4]
        let mode: KoreanBreaks = bytes[1] & 0x80 == 0 ? .word : .syllable
        let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
        let layout = try Fixtures.engine.layouts.load("base", language: "en")
        let selector = FontSelector(manifest: Fixtures.engine.manifest, library: Fixtures.engine.fonts, language: language)
        var modeLayout = layout
        modeLayout.body.koreanBreaks = mode
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(modeLayout))
        var styled = StyledText()
        styled.append(text, SpanStyle(font: layout.body.font))
        for align in [Alignment.justify, .left] {
            let spec = ParagraphSpec(width: width, align: align, lineHeight: 14, baseStyle: SpanStyle(font: layout.body.font))
            let result = try inline.layout(styled, spec)
            for line in result.lines {
                let glyphs = line.items.reduce(0) { n, item in if case .glyphs(let r) = item { n + r.glyphs.count } else { n } }
                #expect(!(line.contentWidth > width + 12 && glyphs > 1 && width > 60),
                        "\(name) \(align): a line of \(line.contentWidth) pt in \(width) pt")
            }
        }
    }
}
