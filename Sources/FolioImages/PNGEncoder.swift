import FolioDeflate

/// PNG files (ISO/IEC 15948): 8-bit RGB, no row filters, one IDAT chunk deflated by libdeflate. Previews and
/// thumbnails (cairo's pixels) and `folio generate`'s figures are written with it. libpng deflates through zlib, which
/// took 70 M instructions for one 96-dpi page at level 3, most of a preview's time; libdeflate at level 1 does it in a
/// fraction of that, for a file a little larger.
public enum PNGEncoder {
    /// `height` rows of `stride` bytes, each pixel 32-bit native-endian xRGB (cairo's RGB24), deflated at `level`.
    public static func rgb(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, level: Int32) throws -> [UInt8] {
        try encode(width: width, height: height, level: level) { y, o in
            var p = UnsafeRawPointer(pixels + y * stride), o = o
            for _ in 0..<width {
                let pixel = p.loadUnaligned(as: UInt32.self)
                o[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                o[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                o[2] = UInt8(truncatingIfNeeded: pixel)
                o += 3
                p += 4
            }
        }
    }

    /// Packed 8-bit RGB (3 bytes a pixel, rows top to bottom), deflated at `level`.
    public static func rgb(packed: [UInt8], width: Int, height: Int, level: Int32) throws -> [UInt8] {
        precondition(packed.count == width * height * 3)
        return try packed.withUnsafeBufferPointer { source in
            try encode(width: width, height: height, level: level) { y, o in
                o.update(from: source.baseAddress! + y * width * 3, count: width * 3)
            }
        }
    }

    /// The file of `height` rows, each written by `row` (y, where its 3·width bytes go) after its filter byte.
    private static func encode(width: Int, height: Int, level: Int32,
                               row: (Int, UnsafeMutablePointer<UInt8>) -> Void) throws -> [UInt8] {
        let length = 1 + 3 * width
        var raw = [UInt8](unsafeUninitializedCapacity: length * height) { out, count in
            guard let base = out.baseAddress else { return }
            for y in 0..<height {
                base[y * length] = 0
                row(y, base + y * length + 1)
            }
            count = length * height
        }
        let data = try Flate(level: level).deflate(raw)
        raw = []
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(data.count + 64)
        var header: [UInt8] = []
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header += [8, 2, 0, 0, 0]
        chunk("IHDR", header, into: &png)
        chunk("IDAT", data, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func chunk(_ type: StaticString, _ data: [UInt8], into png: inout [UInt8]) {
        png.append(bigEndian: UInt32(data.count))
        let start = png.count
        png.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount))
        png += data
        png.append(bigEndian: png[start...].withUnsafeBytes { Flate.crc32($0) })
    }
}

private extension Array where Element == UInt8 {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
