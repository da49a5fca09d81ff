import CGLib

/// SHA-256 of bytes as lowercase hex, through GLib's GChecksum.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    let hex = bytes.withUnsafeBufferPointer { buffer in
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))
    }
    defer { g_free(hex) }
    return hex.map { String(cString: $0) } ?? ""
}

/// MD5 of bytes, as the 16 bytes of the digest (what PDF file identifiers are made of, PDF 32000 §14.4).
public func md5(_ bytes: [UInt8]) -> [UInt8] {
    guard let checksum = g_checksum_new(G_CHECKSUM_MD5) else { return [] }
    defer { g_checksum_free(checksum) }
    bytes.withUnsafeBufferPointer { g_checksum_update(checksum, $0.baseAddress, gssize($0.count)) }
    var digest = [UInt8](repeating: 0, count: 16)
    var length = gsize(16)
    digest.withUnsafeMutableBufferPointer { g_checksum_get_digest(checksum, $0.baseAddress, &length) }
    return Array(digest.prefix(Int(length)))
}
