import FuzzSupport
import FolioDisplay
import FolioEngine
import FolioLayout
import FolioModel
import FolioRender

/// The whole pipeline on small random documents: Markdown → layout → cairo PDF → qpdf. Bad input may be
/// refused with a FolioError; anything else must produce a PDF that qpdf can read back.
let engine = try! Engine()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 1 else { return 0 }
    let layoutName = ["upr-submission", "report", "briefing"][Int(data[0]) % 3]
    let language = data[0] & 0x80 == 0 ? "en" : "ko"
    var reader = MarkdownReader(file: "fuzz.md")
    guard let document = try? reader.read(Array(UnsafeBufferPointer(start: data + 1, count: size - 1))) else { return 0 }
    do {
        let layout = try engine.layouts.load(layoutName, language: language)
        let info = DocumentInfo(title: "Fuzz", author: "Folio", subject: "", keywords: "", creator: "fuzz", language: language,
                                date: "2024-01-01T00:00:00Z")
        let input = EditionInput(document: document, layout: layout, title: "Fuzz: a title", subtitle: "sub", organizations: ["Org"],
                                 date: "1 January 2024", language: language, info: info)
        let (display, _) = try DocumentLayout(fonts: engine.fonts, manifest: engine.manifest, cache: engine.cache).layout(input)
        let raw = try CairoPDFWriter().render(display)
        let pdf = try PDFFinisher().finish(raw, info: info, producer: "fuzz")
        precondition(pdf.starts(with: Array("%PDF-".utf8)))
    } catch is FolioError {
        return 0
    } catch {
        fatalError("pipeline failed: \(error)")
    }
    return 0
}

/// The entry point SwiftPM gives this executable; libFuzzer takes over from there.
@_cdecl("FuzzPipeline_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzPipeline(data, size) }
}
