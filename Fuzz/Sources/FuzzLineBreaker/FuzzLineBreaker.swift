import FuzzSupport
import FolioEngine
import FolioLayout
import FolioModel

/// The line breaker on random Unicode (Hangul, Latin, combining marks, RTL scripts, emoji, controls):
/// it must set every paragraph, keep the text, and never set a line wider than the measure unless one
/// grapheme alone is wider.
let engine = try! Engine()
let layoutEN = try! engine.layouts.load("base", language: "en")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineBreaker(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 2 else { return 0 }
    let width = 20 + Double(data[0]) * 2           // 20…530 pt
    let language = ["en", "ko", "fr", "ar"][Int(data[1]) % 4]
    let mode: KoreanBreaks = data[1] & 0x80 == 0 ? .word : .syllable
    let text = String(decoding: UnsafeBufferPointer(start: data + 2, count: size - 2), as: UTF8.self)
    let selector = FontSelector(manifest: engine.manifest, library: engine.fonts, language: language)
    var modeLayout = layoutEN
    modeLayout.body.koreanBreaks = mode
    let inline = InlineLayout(selector: selector, cache: engine.cache, configuration: ComposerConfiguration(modeLayout))
    var styled = StyledText()
    styled.append(text, SpanStyle(font: layoutEN.body.font))
    for align in [Alignment.justify, .left] {
        let spec = ParagraphSpec(width: width, align: align, lineHeight: 14, baseStyle: SpanStyle(font: layoutEN.body.font))
        guard let result = try? inline.layout(styled, spec) else { fatalError("layout threw on valid text") }
        for line in result.lines {
            // A line may pass the measure only by hanging punctuation, or when one grapheme is wider than it.
            let runs = line.items.compactMap { if case .glyphs(let r) = $0 { return r } else { return nil } }
            if line.contentWidth > width + 12 && runs.reduce(0, { $0 + $1.glyphs.count }) > 1 && width > 60 {
                fatalError("overfull line: \(line.contentWidth) > \(width)")
            }
        }
    }
    return 0
}

/// The entry point SwiftPM gives this executable; libFuzzer takes over from there.
@_cdecl("FuzzLineBreaker_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzLineBreaker(data, size) }
}
