import Foundation
internal import CCairo
internal import CJPEG

/// A JPEG file as a cairo image surface that carries the file's bytes as its MIME data: the PDF backend embeds those
/// bytes as they are (DCTDecode, no second compression), and raster backends draw the pixels libjpeg decoded.
final class JPEGSurface {
    let surface: OpaquePointer
    let width: Int, height: Int

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw RenderError("JPEG image '\(path)' cannot be read") }
        let bytes = [UInt8](data)
        var info = folio_jpeg_info()
        var error = [CChar](repeating: 0, count: 256)
        guard bytes.withUnsafeBufferPointer({ folio_jpeg_read_info($0.baseAddress, $0.count, &info, &error, error.count) }) == 0 else {
            throw RenderError("JPEG image '\(path)' cannot be read", call: "jpeg_read_header", status: Self.text(error))
        }
        width = Int(info.width); height = Int(info.height)
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw RenderError("JPEG image '\(path)' cannot be drawn", call: "cairo_image_surface_create", status: "no surface")
        }
        surface = s
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("JPEG image '\(path)' cannot be drawn", call: "cairo_image_surface_create", status: CairoCanvas.describe(status))
        }
        cairo_surface_flush(s)
        let stride = Int(cairo_image_surface_get_stride(s))
        let decoded = bytes.withUnsafeBufferPointer {
            folio_jpeg_decode_rgb24($0.baseAddress, $0.count, cairo_image_surface_get_data(s), Int32(width), Int32(height),
                                    Int32(stride), &error, error.count)
        }
        guard decoded == 0 else { throw RenderError("JPEG image '\(path)' cannot be decoded", call: "jpeg_read_scanlines", status: Self.text(error)) }
        cairo_surface_mark_dirty(s)
        // cairo keeps the bytes until the surface (or the PDF's copy of it) is done with them.
        let copy = malloc(bytes.count)!.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: bytes.count) }
        let attached = cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, UInt(bytes.count), { free($0) }, copy)
        guard attached == CAIRO_STATUS_SUCCESS else {
            free(copy)
            throw RenderError("JPEG image '\(path)' cannot be embedded", call: "cairo_surface_set_mime_data", status: CairoCanvas.describe(attached))
        }
    }

    deinit { cairo_surface_destroy(surface) }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
