import FuzzSupport
import FolioImages

/// Image headers: the first byte picks a head to put before the rest (none, a PNG signature and IHDR, an SVG
/// element, a JPEG start), so that the mutations reach each format's checks. Any bytes give an image of a finite
/// size within the pixel limit, or an ImageError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let heads: [[UInt8]] = [
        [],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8),
        Array("<svg xmlns=\"http://www.w3.org/2000/svg\" ".utf8),
        [0xFF, 0xD8, 0xFF, 0xE0],
    ]
    let bytes = heads[Int(data[0]) % heads.count] + rest
    let limit = 4_000_000
    do {
        let image = try ImageInfo.probe(bytes: bytes, path: "logo", maxPixels: limit)
        precondition(image.width.isFinite && image.height.isFinite && image.width > 0 && image.height > 0,
                     "an image of size \(image.width)×\(image.height) was accepted")
    } catch is ImageError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// The entry point SwiftPM gives this executable; libFuzzer takes over from there.
@_cdecl("FuzzImage_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzImage(data, size) }
}
