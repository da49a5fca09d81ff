internal import CJPEG

/// Encodes pixels as image files: `folio generate` writes the figures of its synthetic reports with it.
public enum ImageWriter {
    /// An 8-bit RGB PNG of `rgb` (3 bytes a pixel, rows top to bottom).
    public static func png(rgb: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        try PNGEncoder.rgb(packed: rgb, width: width, height: height, level: 6)
    }

    /// A baseline JPEG of `rgb` at `quality` (1–100), `dpi` in its JFIF header.
    public static func jpeg(rgb: [UInt8], width: Int, height: Int, quality: Int = 85, dpi: Int = 150) throws -> [UInt8] {
        precondition(rgb.count == width * height * 3)
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var error = [CChar](repeating: 0, count: 256)
        let status = rgb.withUnsafeBufferPointer {
            folio_jpeg_encode_rgb($0.baseAddress, Int32(width), Int32(height), Int32(quality), Int32(dpi), &out, &length, &error, error.count)
        }
        guard status == 0, let out else { throw ImageError("cannot encode a JPEG", call: "jpeg_write_scanlines", status: text(error)) }
        defer { folio_jpeg_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
