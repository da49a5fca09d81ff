/// A length in PostScript points, written in YAML as a number (points) or with a unit: `12pt`, `25mm`, `2cm`, `1in`.
public struct Length: Decodable, Sendable, Hashable, CustomStringConvertible {
    public var points: Double
    public init(points: Double) { self.points = points }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Double.self) { points = v; return }
        let s = try c.decode(String.self)
        guard let v = Length.parse(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a length: write e.g. 10pt, 25mm, 2cm or 1in")
        }
        points = v
    }

    /// Points from "12pt", "25mm", "2cm", "1in" or a bare number.
    public static func parse(_ s: String) -> Double? {
        let units: [(String, Double)] = [("pt", 1), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72)]
        let t = s.trimmingSpaces
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            return Double(String(t.dropLast(suffix.count)).trimmingSpaces).map { $0 * factor }
        }
        return Double(t)
    }

    public var description: String { "\(points)pt" }
}

/// An sRGB colour written as `#rrggbb`.
public struct Color: Decodable, Sendable, Hashable {
    public var red: Double, green: Double, blue: Double
    public init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }
    public static let black = Color(red: 0, green: 0, blue: 0)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        let hex = s.hasPrefix("#") ? String(s.dropFirst()) : s
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a colour: write #rrggbb")
        }
        red = Double((v >> 16) & 0xFF) / 255; green = Double((v >> 8) & 0xFF) / 255; blue = Double(v & 0xFF) / 255
    }
}
