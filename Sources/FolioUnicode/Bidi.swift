import CICU

/// The Unicode Bidirectional Algorithm (UAX #9) from ICU's ubidi: embedding levels for a paragraph, and the visual
/// order of a line's pieces (rule L2).
public enum Bidi {
    /// Languages written right to left (their editions set paragraphs, and the text block, from the right).
    static let rightToLeftLanguages: Set<String> = ["ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]

    /// Whether an edition in this BCP 47 language runs right to left.
    public static func isRightToLeft(language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeftLanguages.contains(primary)
    }

    /// The level of each scalar of a paragraph whose base direction is right to left when `rightToLeft`; nil when the
    /// whole paragraph is left to right at level 0 (no right-to-left character and an LTR paragraph), so that
    /// left-to-right text costs one scan.
    public static func levels(of scalars: [Unicode.Scalar], rightToLeft: Bool) throws -> [UInt8]? {
        if scalars.isEmpty { return nil }
        if !rightToLeft && !scalars.contains(where: isRightToLeftOrControl) { return nil }
        let (utf16, scalarAt) = UTF16Mapping.make(scalars)
        var unitLevels = [UInt8](repeating: 0, count: utf16.count)
        var error: Int32 = 0
        let status = utf16.withUnsafeBufferPointer { text in
            folio_bidi_levels(text.baseAddress, Int32(text.count), rightToLeft ? 1 : 0, &unitLevels, &error)
        }
        if status < 0 { throw ICUError(call: "ubidi_setPara (\(scalars.count) characters)", code: error) }
        var out = [UInt8](repeating: rightToLeft ? 1 : 0, count: scalars.count)
        // A scalar's level is that of its first UTF-16 unit (both units of a surrogate pair share one).
        var unit = utf16.count - 1
        while unit >= 0 { out[scalarAt[unit]] = unitLevels[unit]; unit -= 1 }
        return out
    }

    /// The logical index of the piece at each visual position, left to right, for pieces of one line with these
    /// levels (UAX #9 L2: from the highest level down to the lowest odd one, reverse every run at that level or
    /// higher).
    public static func visualOrder(levels: [UInt8]) -> [Int] {
        if levels.isEmpty { return [] }
        var order = [Int32](repeating: 0, count: levels.count)
        levels.withUnsafeBufferPointer { folio_bidi_visual_order($0.baseAddress, Int32($0.count), &order) }
        return order.map { Int($0) }
    }

    /// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms,
    /// and the historic RTL scripts of plane 1) and the explicit bidi controls.
    static func isRightToLeftOrControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x590 { return false }
        return v <= 0x8FF || (v >= 0xFB1D && v <= 0xFDFF) || (v >= 0xFE70 && v <= 0xFEFF)
            || (v >= 0x10800 && v <= 0x10FFF) || (v >= 0x1E800 && v <= 0x1EFFF)
            || (v >= 0x200E && v <= 0x200F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }
}
