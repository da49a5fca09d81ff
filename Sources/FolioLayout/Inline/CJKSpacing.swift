import FolioUnicode

/// Spacing between Chinese and Japanese characters that touch: letter-space for justification, space next to Latin,
/// and punctuation compression (JLREQ 3.1.4, CLREQ 3.1.6): where two full-width marks meet, the blank half of
/// the em box between them is taken out ("。」" and "）「" are set one and a half ems wide, not two).
struct CJKSpacing {
    enum Punctuation { case none, leftAligned, bracketsOnly }
    /// How an edition's fonts draw full-width punctuation: Japanese and Simplified Chinese faces put 。、，． in the
    /// left half of the em (its right half is blank), Traditional Chinese faces centre them, so only brackets have
    /// a blank half there. Korean keeps its own rules.
    let punctuation: Punctuation

    init(language: String) {
        guard let entry = LanguageSupport.of(language), entry.breaking == .ideographic else {
            punctuation = .none
            return
        }
        punctuation = entry.code == "zh-Hant" ? .bracketsOnly : .leftAligned
    }

    /// Whether the edition sets text on the CJK em grid (letter-space between ideographs and kana).
    var isCJK: Bool { punctuation != .none }

    /// An ideograph or kana (not punctuation): what a quarter em parts from Latin letters and digits.
    static func isIdeographOrKana(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3005...0x3007, 0x3040...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Whether an ideograph or kana and a Latin letter or digit meet between `a` and `b`.
    static func meetsLatin(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (isIdeographOrKana(a) && BreakRules.isLatinLetterOrDigit(b)) || (isIdeographOrKana(b) && BreakRules.isLatinLetterOrDigit(a))
    }

    static let closingBrackets: Set<UInt32> = Set("）］｝」』】〕〗〙〛〉》｠".unicodeScalars.map(\.value))
    static let openingBrackets: Set<UInt32> = Set("（［｛「『【〔〖〘〚〈《｟".unicodeScalars.map(\.value))
    static let stops: Set<UInt32> = Set("。、，．".unicodeScalars.map(\.value))

    /// The share of an em taken out between `a` and `b` (0 or 0.5): the right half of a closing mark, or else the
    /// left half of an opening bracket, when the two are full-width marks side by side.
    func compression(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        guard punctuation != .none else { return 0 }
        let closesA = Self.closingBrackets.contains(a.value) || (punctuation == .leftAligned && Self.stops.contains(a.value))
        let opensA = Self.openingBrackets.contains(a.value)
        let closesB = Self.closingBrackets.contains(b.value) || (punctuation == .leftAligned && Self.stops.contains(b.value))
        let opensB = Self.openingBrackets.contains(b.value)
        guard (closesA || opensA) && (closesB || opensB) else { return 0 }
        return closesA || opensB ? 0.5 : 0
    }
}
