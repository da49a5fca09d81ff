import Foundation
import FolioDisplay

/// An image's format and natural size, checked before layout so that a bad file is reported, not drawn.
public struct ImageInfo: Sendable, Hashable {
    public var path: String
    public var format: ImageFormat
    /// Natural size in points (PNG: pixels at 96 dpi, or the pHYs resolution; SVG: its intrinsic size).
    public var width: Double
    public var height: Double

    /// The largest image file read, in bytes, unless the caller says otherwise.
    public static let defaultMaxBytes = 50_000_000

    /// Reads and checks an image file; refuses what is not a PNG, JPEG or SVG, is damaged, is larger than `maxBytes`
    /// or exceeds `maxPixels`.
    public static func probe(path: String, maxPixels: Int = 40_000_000, maxBytes: Int = defaultMaxBytes) throws -> ImageInfo {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes { throw ImageError("image '\(path)' is \(size) bytes, over the limit of \(maxBytes)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImageError(FileManager.default.fileExists(atPath: path) ? "cannot read image '\(path)'" : "image '\(path)' does not exist")
        }
        return try probe(bytes: [UInt8](data), path: path, maxPixels: maxPixels)
    }

    /// Checks an image's bytes (read from `path`, which messages name).
    public static func probe(bytes: [UInt8], path: String, maxPixels: Int = 40_000_000) throws -> ImageInfo {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return try png(bytes, path: path, maxPixels: maxPixels)
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            return try JPEGHeader.info(bytes, path: path, maxPixels: maxPixels)
        }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if head.contains("<svg") || (head.hasPrefix("<?xml") && bytes.count < 64 << 20) {
            let svg = try SVGDocument(data: bytes, path: path)
            try checkSize(width: svg.width, height: svg.height, path: path, maxPixels: maxPixels)
            return ImageInfo(path: path, format: .svg, width: svg.width * 0.75, height: svg.height * 0.75)
        }
        throw ImageError("'\(path)' is not a PNG, JPEG or SVG image")
    }

    /// An SVG's size in CSS pixels, which the file may give as any number: finite, at least a pixel each way, and
    /// within the pixel limit, so that every size and ratio computed from it later is finite.
    static func checkSize(width: Double, height: Double, path: String, maxPixels: Int) throws {
        func shown(_ v: Double) -> String { v.isFinite && abs(v) < 1e9 ? String(Int(v.rounded())) : "\(v)" }
        let size = "\(shown(width))×\(shown(height)) px"
        guard width.isFinite, height.isFinite, width * height <= Double(maxPixels) else {
            throw ImageError("image '\(path)' is \(size), over the limit of \(maxPixels) pixels")
        }
        guard width >= 1, height >= 1 else {
            throw ImageError("image '\(path)' is \(size): less than a pixel wide or high")
        }
    }

    /// PNG: signature, IHDR (size, CRC), an IEND chunk, and the pixel limit.
    static func png(_ b: [UInt8], path: String, maxPixels: Int) throws -> ImageInfo {
        func u32(_ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }
        guard b.count >= 33, b[12..<16].elementsEqual("IHDR".utf8) else { throw ImageError("PNG image '\(path)' is damaged (no IHDR)") }
        let w = Int(u32(16)), h = Int(u32(20))
        guard w > 0, h > 0 else { throw ImageError("PNG image '\(path)' has no pixels") }
        // Each side may be up to 2³² − 1: the product is checked, not trusted to fit.
        let (pixels, overflow) = w.multipliedReportingOverflow(by: h)
        guard !overflow, pixels <= maxPixels else { throw ImageError("image '\(path)' is \(w)×\(h) px, over the limit of \(maxPixels) pixels") }
        guard CRC32.of(b[12..<29]) == u32(29) else { throw ImageError("PNG image '\(path)' is damaged (bad IHDR checksum)") }
        guard b.count >= 12, b[(b.count - 8)..<(b.count - 4)].elementsEqual("IEND".utf8) else {
            throw ImageError("PNG image '\(path)' is truncated (no IEND)")
        }
        // Points at 96 dpi unless the file says its resolution (pHYs, pixels per metre).
        var dpi = 96.0
        var k = 8
        while k + 12 <= b.count {
            let length = Int(u32(k))
            if b[(k + 4)..<(k + 8)].elementsEqual("pHYs".utf8), length == 9, k + 17 < b.count, b[k + 16] == 1 {
                let ppm = Double(u32(k + 8))
                if ppm > 0 { dpi = ppm * 0.0254 }
                break
            }
            if b[(k + 4)..<(k + 8)].elementsEqual("IDAT".utf8) { break }
            k += 12 + length
        }
        return ImageInfo(path: path, format: .png, width: Double(w) * 72 / dpi, height: Double(h) * 72 / dpi)
    }
}

/// CRC-32 as PNG uses it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
    static func of<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
