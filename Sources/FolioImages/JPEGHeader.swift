import FolioDisplay
internal import CJPEG

/// A JPEG's size and resolution, from its header as libjpeg reads it (the pixels are not decoded: PDFs embed the
/// file as it is).
enum JPEGHeader {
    static func info(_ bytes: [UInt8], path: String, maxPixels: Int) throws -> ImageInfo {
        var info = folio_jpeg_info()
        var error = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { folio_jpeg_read_info($0.baseAddress, $0.count, &info, &error, error.count) }
        guard status == 0 else {
            throw ImageError("JPEG image '\(path)' is damaged", call: "jpeg_read_header",
                             status: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let (w, h) = (Int(info.width), Int(info.height))
        guard w > 0, h > 0 else { throw ImageError("JPEG image '\(path)' has no pixels") }
        guard w * h <= maxPixels else { throw ImageError("image '\(path)' is \(w)×\(h) px, over the limit of \(maxPixels) pixels") }
        guard [1, 3, 4].contains(info.components) else {
            throw ImageError("JPEG image '\(path)' has \(info.components) colour components: only grey, RGB and CMYK are placed")
        }
        // Points at 96 dpi unless the JFIF header gives the resolution (per inch or per centimetre).
        var dpiX = 96.0, dpiY = 96.0
        if info.x_density > 0, info.y_density > 0, info.density_unit == 1 || info.density_unit == 2 {
            let scale = info.density_unit == 2 ? 2.54 : 1
            dpiX = Double(info.x_density) * scale; dpiY = Double(info.y_density) * scale
        }
        return ImageInfo(path: path, format: .jpeg, width: Double(w) * 72 / dpiX, height: Double(h) * 72 / dpiY)
    }
}
