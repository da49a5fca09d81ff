import CGLib

/// SHA-256 of bytes as lowercase hex, through GLib's GChecksum.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    let hex = bytes.withUnsafeBufferPointer { buffer in
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))
    }
    defer { g_free(hex) }
    return hex.map { String(cString: $0) } ?? ""
}
