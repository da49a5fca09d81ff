/// PNG files (ISO/IEC 15948) of cairo's RGB24 pixels: 8-bit RGB, no row filters, one IDAT chunk deflated by libdeflate.
/// libpng deflates through zlib, which took 70 M instructions for one 96-dpi page at level 3, most of a preview's
/// time; libdeflate at level 1 does it in a fraction of that, for a file a little larger.
enum PNGEncoder {
    /// `height` rows of `stride` bytes, each pixel 32-bit native-endian xRGB.
    static func rgb(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, level: Int32) throws -> [UInt8] {
        let row = 1 + 3 * width
        var raw = [UInt8](unsafeUninitializedCapacity: row * height) { out, count in
            guard var o = out.baseAddress else { return }
            for y in 0..<height {
                var p = UnsafeRawPointer(pixels + y * stride)
                o.pointee = 0
                o += 1
                for _ in 0..<width {
                    let pixel = p.loadUnaligned(as: UInt32.self)
                    o[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                    o[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                    o[2] = UInt8(truncatingIfNeeded: pixel)
                    o += 3
                    p += 4
                }
            }
            count = row * height
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
        png.append(type)
        png += data
        png.append(bigEndian: png[start...].withUnsafeBytes { Flate.crc32($0) })
    }
}

extension Array where Element == UInt8 {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
