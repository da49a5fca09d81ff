internal import CDeflate
import FolioSupport

/// Stream data in and out of /FlateDecode (zlib format), through libdeflate, for one file. On the English sample's
/// 172 KB of tagged page content, zlib's default level takes 23.1 M instructions for 36.8 KB; libdeflate takes 12.4 M at
/// its default level 6 (37.2 KB), 9.0 M at 4 (40.0 KB) and 4.9 M at 1 (44.3 KB). Level 4 is the finisher's; page
/// content, which cairo has deflated once already and is deflated again after tagging, takes level 1.
public final class Flate {
    private let compressor: OpaquePointer
    private let decompressor: OpaquePointer

    public init(level: Int32 = 4) throws {
        guard let c = libdeflate_alloc_compressor(level) else {
            throw DeflateError("libdeflate cannot start", call: "libdeflate_alloc_compressor", status: "out of memory")
        }
        guard let d = libdeflate_alloc_decompressor() else {
            libdeflate_free_compressor(c)
            throw DeflateError("libdeflate cannot start", call: "libdeflate_alloc_decompressor", status: "out of memory")
        }
        compressor = c; decompressor = d
    }

    deinit {
        libdeflate_free_compressor(compressor)
        libdeflate_free_decompressor(decompressor)
    }

    /// The CRC-32 of bytes (as PNG chunks and gzip use it).
    public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(libdeflate_crc32(0, bytes.baseAddress, bytes.count))
    }

    public func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var size = 0
        let out = [UInt8](unsafeUninitializedCapacity: libdeflate_zlib_compress_bound(compressor, bytes.count)) { o, count in
            size = bytes.withUnsafeBytes { i in libdeflate_zlib_compress(compressor, i.baseAddress, i.count, o.baseAddress, o.count) }
            count = size
        }
        guard size > 0 || bytes.isEmpty else { throw DeflateError("libdeflate cannot deflate a stream", call: "libdeflate_zlib_compress", status: "no room") }
        return out
    }

    /// The data `bytes` deflate to (bytes after the zlib stream's end are ignored), or nil when they are not zlib data.
    public func inflate(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var capacity = max(bytes.count * 4, 4096)
        // Inflated data is rarely over 1 GB for a page; past that, the data is not taken as a page's content.
        while capacity <= 1 << 30 {
            var result = LIBDEFLATE_BAD_DATA
            let out = [UInt8](unsafeUninitializedCapacity: capacity) { o, count in
                var read = 0, written = 0
                result = bytes.withUnsafeBytes { i in
                    libdeflate_zlib_decompress_ex(decompressor, i.baseAddress, i.count, o.baseAddress, o.count, &read, &written)
                }
                count = result == LIBDEFLATE_SUCCESS ? written : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return out
            case LIBDEFLATE_INSUFFICIENT_SPACE: capacity *= 4
            default: return nil
            }
        }
        return nil
    }
}

/// A failure of libdeflate.
public struct DeflateError: FailedCall {
    public var message: String
    public var call: String?
    public var status: String?

    public init(_ message: String, call: String? = nil, status: String? = nil) {
        self.message = message; self.call = call; self.status = status
    }
}
