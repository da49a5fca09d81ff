import Foundation
import FuzzSupport
import FolioModel

/// A report folder to resolve the fuzzed paths in: a content file, and a symbolic link that leads out of it.
let folder: String = {
    let path = NSTemporaryDirectory() + "fuzz-report-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path + "/content", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: path + "/content/en.md", contents: Data("# A\n".utf8))
    try? FileManager.default.createSymbolicLink(atPath: path + "/out", withDestinationPath: "/")
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}()

/// report.yaml loading: any bytes give a Report or a located FolioError, never a crash; every content and logo
/// path either resolves inside the report folder or is refused.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let report = try Report.parse(text: text, directory: "/nonexistent", file: "report.yaml")
        precondition(!report.editions.isEmpty, "a report without editions was accepted")
        let paths = report.editions.map(\.content) + report.organizations.compactMap(\.logo)
        for path in paths {
            guard let full = try? FileSystem.local.resolveInside(folder, path, field: "path", at: nil) else { continue }
            precondition(full == folder || full.hasPrefix(folder + "/"), "'\(path)' resolved outside the folder: \(full)")
        }
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
