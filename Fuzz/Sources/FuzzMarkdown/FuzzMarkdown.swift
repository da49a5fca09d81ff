import FuzzSupport
import FolioModel

/// Markdown to the document model: any bytes give a Document or a located FolioError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var reader = MarkdownReader(file: "fuzz.md")
    do {
        let doc = try reader.read(Array(UnsafeBufferPointer(start: data, count: size)))
        for (i, note) in doc.footnotes.enumerated() { precondition(note.number == i + 1) }
        _ = doc.wordCount(includeFootnotes: true)
        _ = doc.links
    } catch let error as FolioError {
        precondition(error.location != nil)
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// The entry point SwiftPM gives this executable; libFuzzer takes over from there.
@_cdecl("FuzzMarkdown_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzMarkdown(data, size) }
}
