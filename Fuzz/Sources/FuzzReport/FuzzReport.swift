import FuzzSupport
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

/// The entry point SwiftPM gives this executable; libFuzzer takes over from there.
@_cdecl("FuzzReport_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzReport(data, size) }
}
