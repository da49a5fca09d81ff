/// Named destinations as the PDF writes them. PDF compares destination names byte for byte, and cairo writes a
/// non-ASCII name as UTF-16 in a link but as UTF-8 in the name tree, so that such links lead nowhere. Every name
/// that links, destinations and the outline use goes through `pdf(_:)`: printable ASCII stays as it is, and every
/// other byte of the UTF-8 (and `%` itself, so that no two names meet) becomes `%XX`, as in a URI.
enum DestinationName {
    static func pdf(_ name: String) -> String {
        guard name.utf8.contains(where: { !isPlain($0) }) else { return name }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count * 3)
        for byte in name.utf8 {
            if isPlain(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%")); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Printable ASCII other than `%`.
    private static func isPlain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") }
}
