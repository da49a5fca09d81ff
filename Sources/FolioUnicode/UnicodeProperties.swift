import CICU

/// An ISO 15924 script tag ("Hang", "Latn"), the currency shared with HarfBuzz.
public struct ScriptTag: Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A tag from its four letters, e.g. `ScriptTag("Hang")`.
    public init(_ name: String) {
        var v: UInt32 = 0
        for b in name.utf8.prefix(4) { v = (v << 8) | UInt32(b) }
        rawValue = v
    }
    public var description: String {
        String(decoding: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: rawValue >> $0) }, as: UTF8.self)
    }
    public static let latin = ScriptTag("Latn")
    public static let hangul = ScriptTag("Hang")
    public static let han = ScriptTag("Hani")
    public static let common = ScriptTag("Zyyy")
    public static let inherited = ScriptTag("Zinh")
    public static let unknown = ScriptTag("Zzzz")

    /// Common, Inherited and Unknown take the script of their neighbours (UAX #24).
    public var isWeak: Bool { self == .common || self == .inherited || self == .unknown }
}

/// Character properties from ICU.
public enum UnicodeProperties {
    public static func script(of scalar: Unicode.Scalar) -> ScriptTag {
        if scalar.value < 0x80 {
            let v = scalar.value
            if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { return .latin }
            return .common
        }
        if scalar.value >= 0xAC00 && scalar.value <= 0xD7A3 { return .hangul }
        return ScriptTag(rawValue: folio_script_tag(scalar.value))
    }

    /// Whether a scalar is a Hangul syllable or jamo (the units Korean word breaking keeps together).
    public static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0x1100 && v <= 0x11FF) || (v >= 0x3130 && v <= 0x318F)
            || (v >= 0xA960 && v <= 0xA97F) || (v >= 0xD7B0 && v <= 0xD7FF)
    }

    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        return folio_is_whitespace(scalar.value) != 0
    }
}
