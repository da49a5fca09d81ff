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

/// SwiftPM links an executable's entry point as `FuzzMarkdown_main`: hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzMarkdown_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzMarkdown(data, size) }
}
