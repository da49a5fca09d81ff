import Testing
@testable import FolioLayout
import FolioModel
import FolioUnicode

@Suite("script pairing, Korean emphasis and synthetic bold")
struct ScriptPairingTests {
    let body = TextStyle(family: .serif, size: 10, bold: false, italic: false, color: .black)

    func selector(_ edit: (inout FontManifest) -> Void, language: String = "ko") -> FontSelector {
        var manifest = Fixtures.engine.manifest
        edit(&manifest)
        return FontSelector(manifest: manifest, library: Fixtures.engine.fonts, language: language)
    }

    @Test func pairingScalesAndShiftsAScript() throws {
        let s = selector { $0.pairing = ["ko": ["serif": ["Latn": ScriptAdjustment(scale: 1.1, baseline: 0.05)]]] }
        var text = StyledText()
        text.append("북한 DPRK", SpanStyle(font: body))
        let runs = try Itemizer(selector: s).itemize(text).runs
        let latin = try #require(runs.first { $0.script == .latin })
        let hangul = try #require(runs.first { $0.script == .hangul })
        #expect(abs(latin.size - 11) < 1e-9 && abs(latin.rise - 0.5) < 1e-9)
        #expect(hangul.size == 10 && hangul.rise == 0)
    }

    @Test func defaultsComeFromTheManifest() {
        let m = Fixtures.engine.manifest
        #expect(m.adjustment(language: "ko", role: "serif", script: "Latn").scale == 1.0)
        #expect(m.adjustment(language: "xx", role: "serif", script: "Latn") == ScriptAdjustment(scale: 1, baseline: 0))
    }

    @Test func italicHangulStaysUpright() throws {
        let s = selector { _ in }
        var text = StyledText()
        var italic = SpanStyle(font: body); italic.font.italic = true
        text.append("강조 emphasis", italic)
        let result = try Itemizer(selector: s).itemize(text)
        let hangulFace = result.faces[result.runs.first { $0.script == .hangul }!.face].face
        let latinFace = result.faces[result.runs.first { $0.script == .latin }!.face].face
        #expect(!hangulFace.isItalic)
        #expect(latinFace.isItalic)
    }

    @Test func boldHangulUsesTheRealBoldFace() throws {
        let s = selector { _ in }
        var text = StyledText()
        var bold = SpanStyle(font: body); bold.font.bold = true
        text.append("굵게", bold)
        let result = try Itemizer(selector: s).itemize(text)
        #expect(result.faces[0].face.isBold)
        #expect(!result.faces[0].ref.syntheticBold)
        #expect(s.warnings.isEmpty)
    }

    @Test func aMissingWeightIsSynthesizedWithOneWarning() throws {
        let s = selector({ $0.families["serif"] = ["Latn": "Noto Sans Math", "Hang": "Noto Serif CJK KR"] }, language: "en")
        var bold = SpanStyle(font: body); bold.font.bold = true
        for _ in 0..<3 {
            var text = StyledText()
            text.append("Bold", bold)
            let result = try Itemizer(selector: s).itemize(text)
            #expect(result.faces[0].ref.syntheticBold)
        }
        #expect(s.warnings.count == 1)
        #expect(s.warnings.first?.message.contains("Noto Sans Math") == true)
    }

    @Test func optionalSpaceBetweenHangulAndLatin() throws {
        var configuration = ComposerConfiguration()
        configuration.hangulLatinSpace = 0.1
        let b = ParagraphBuilder(selector: selector { _ in }, cache: Fixtures.engine.cache, configuration: configuration)
        var text = StyledText()
        text.append("통합인권DB", SpanStyle(font: body))
        let items = try b.build(text, maxWidth: 500).items
        let kerns = items.compactMap { if case .kern(let k) = $0 { return k } else { return nil } }
        #expect(kerns.contains { abs($0.width - 1.0) < 1e-9 })
        let off = ParagraphBuilder(selector: selector { _ in }, cache: Fixtures.engine.cache, configuration: ComposerConfiguration())
        #expect(!(try off.build(text, maxWidth: 500).items.contains { if case .kern(let k) = $0 { return k.width > 0 } else { return false } }))
    }

    @Test func letterSpaceIsOnlyBetweenHangulSyllables() throws {
        var configuration = ComposerConfiguration()
        configuration.hangulLetterSpace = 0.05
        let b = ParagraphBuilder(selector: selector { _ in }, cache: Fixtures.engine.cache, configuration: configuration)
        var text = StyledText()
        text.append("인권(DB), 가나.", SpanStyle(font: body))
        let items = try b.build(text, maxWidth: 500).items
        // 인|권 and 가|나: two places; never around brackets, commas or periods.
        #expect(items.filter { if case .kern(let k) = $0 { return k.stretch > 0 } else { return false } }.count == 2)
    }
}
