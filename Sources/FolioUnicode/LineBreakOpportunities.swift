import CICU

/// Whether a line may or must end at a break opportunity.
public enum BreakKind: Sendable, Equatable {
    /// A line may end here (UAX #14 "÷").
    case allowed
    /// A line must end here (UAX #14 mandatory break: BK, CR, LF, NL).
    case mandatory
}

/// A place between two scalars of a text where a line may end, as UAX #14 (ICU) sees it.
public struct BreakOpportunity: Sendable, Equatable {
    /// Index of the first scalar after the break (so 1...count).
    public var index: Int
    public var kind: BreakKind
    public init(index: Int, kind: BreakKind) { self.index = index; self.kind = kind }
}

/// A failure reported by ICU: the call that failed, and ICU's UErrorCode for why.
public struct ICUError: Error, CustomStringConvertible {
    /// The ICU function that failed, with what it was asked for.
    public var call: String
    /// ICU's UErrorCode.
    public var code: Int32
    public init(call: String, code: Int32) { self.call = call; self.code = code }
    /// ICU's name of the code ("U_MEMORY_ALLOCATION_ERROR").
    public var codeName: String { String(cString: folio_error_name(code)) }
    public var description: String { "ICU's \(call) failed: \(codeName) (\(code))" }
}

/// UAX #14 line-break opportunities from ICU, in scalar indices.
public enum LineBreakOpportunities {
    /// The opportunities of `scalars` for the given BCP 47 locale ("ko", "en"); the text end is always one.
    public static func find(in scalars: [Unicode.Scalar], locale: String = "") throws -> [BreakOpportunity] {
        if scalars.isEmpty { return [] }
        let (utf16, scalarAt) = UTF16Mapping.make(scalars)
        var capacity = max(16, scalars.count / 3)
        while true {
            var offsets = [Int32](repeating: 0, count: capacity)
            var kinds = [UInt8](repeating: 0, count: capacity)
            var error: Int32 = 0
            let n = utf16.withUnsafeBufferPointer { text in
                folio_line_breaks(text.baseAddress, Int32(text.count), locale, &offsets, &kinds, Int32(capacity), &error)
            }
            if n < 0 { throw ICUError(call: "ubrk_open or ubrk_setText (line breaks, locale '\(locale)')", code: error) }
            if Int(n) > capacity { capacity = Int(n); continue }
            return (0..<Int(n)).map {
                BreakOpportunity(index: scalarAt[Int(offsets[$0])],
                                 kind: kinds[$0] == UInt8(FOLIO_BREAK_HARD) ? .mandatory : .allowed)
            }
        }
    }

    /// Builds ICU's line rules for a locale ahead of the first paragraph (on the calling thread; the rule data is
    /// shared by every thread afterwards).
    public static func warmUp(locale: String) { folio_warm_line_breaks(locale) }

    /// Grapheme cluster boundaries (scalar indices after each cluster), for emergency breaks inside a word.
    public static func graphemeBoundaries(in scalars: [Unicode.Scalar]) throws -> [Int] {
        if scalars.isEmpty { return [] }
        let (utf16, scalarAt) = UTF16Mapping.make(scalars)
        var capacity = scalars.count + 1
        var offsets = [Int32](repeating: 0, count: capacity)
        var error: Int32 = 0
        let n = utf16.withUnsafeBufferPointer { text in
            folio_grapheme_breaks(text.baseAddress, Int32(text.count), &offsets, Int32(capacity), &error)
        }
        if n < 0 { throw ICUError(call: "ubrk_open (grapheme clusters)", code: error) }
        capacity = Int(n)
        return offsets.prefix(capacity).map { scalarAt[Int($0)] }
    }
}

/// UTF-16 encoding of scalars with a map from every UTF-16 offset back to a scalar index.
enum UTF16Mapping {
    static func make(_ scalars: [Unicode.Scalar]) -> ([UInt16], [Int]) {
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count + 8)
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(scalars.count + 9)
        for (i, s) in scalars.enumerated() {
            for unit in s.utf16 {
                utf16.append(unit)
                scalarAt.append(i)
            }
        }
        scalarAt.append(scalars.count)
        return (utf16, scalarAt)
    }
}
