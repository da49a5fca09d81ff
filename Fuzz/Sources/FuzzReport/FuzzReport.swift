import FolioModel

/// report.yaml loading: any bytes give a Report or a located FolioError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let report = try Report.parse(text: text, directory: "/nonexistent", file: "report.yaml")
        precondition(!report.editions.isEmpty, "a report without editions was accepted")
    } catch let error as FolioError {
        precondition(error.location != nil || !error.message.isEmpty)
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzReport_main`: hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzReport_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReport(data, size) }
}
