/// How an image's hints are written: in the fragment of its link, which GitHub and other Markdown viewers ignore
/// when they load the file (`![Map](map.png#width=60%&id=detention-map)`).
enum ImageSyntax {
    /// The image's path and hints, with a message for each hint that is not understood (the hint is then ignored).
    static func source(url: String, alt: String, at: SourceLocation) -> (ImageSource, [String]) {
        var problems: [String] = []
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        // cmark-gfm percent-encodes what a URL may not hold: the path is read back as written.
        var source = ImageSource(path: Self.decode(String(parts.first ?? "")), alt: alt, width: nil, id: nil, location: at)
        guard parts.count == 2 else { return (source, problems) }
        for hint in parts[1].split(whereSeparator: { $0 == "&" || $0 == ";" }) {
            let pair = hint.split(separator: "=", maxSplits: 1).map { decode(String($0)) }
            switch (pair.first ?? "", pair.count == 2 ? pair[1] : nil) {
            case ("width", let value?):
                if let w = percent(value) { source.width = w }
                else { problems.append("the width '\(value)' of image '\(source.path)' is not understood: write a share of the measure, such as #width=60%") }
            case ("id", let value?) where !value.isEmpty && Anchor.slug(value) == value:
                source.id = value
            default:
                problems.append("the hint '#\(decode(String(hint)))' of image '\(source.path)' is not understood: write #width=60% or #id=a-name (lower case, digits and dashes)")
            }
        }
        return (source, problems)
    }

    /// "60%" or "60" as 0.6; nil for anything outside 1–100 %.
    static func percent(_ text: String) -> Double? {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let v = Double(digits), v.isFinite, v >= 1, v <= 100 else { return nil }
        return v / 100
    }

    /// Undoes percent-encoding (`%25` → `%`, `%20` → space); a `%` not followed by two hex digits stays.
    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let v = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(v); i += 3
            } else { bytes.append(utf8[i]); i += 1 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
