/// Characters a PDF cannot carry, or that change what readers see without being seen, taken out of the text
/// before it is set, each with a located warning: noncharacters (U+FFFE, U+FDD0…, which cairo refuses as
/// invalid UTF-8) and NUL become U+FFFD; bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) and other control characters (C0 but tab and line ends, DEL, C1) are removed.
public enum TextSanitizer {
    /// What becomes of a character.
    enum Action { case replace, remove }

    /// Warnings past this many are summed up in one: a damaged file should not bury the other messages.
    static let maxWarnings = 20

    static func action(for scalar: Unicode.Scalar) -> Action? {
        let v = scalar.value
        switch v {
        case 0: return .replace
        case 0x09, 0x0A, 0x0D: return nil
        case 0x01...0x1F, 0x7F, 0x80...0x9F: return .remove
        case 0x202A...0x202E, 0x2066...0x2069: return .remove
        case 0xFDD0...0xFDEF: return .replace
        default: return v & 0xFFFE == 0xFFFE ? .replace : nil
        }
    }

    /// Cleans one text of report.yaml (or any single value): the warnings point at the value's location.
    public static func clean(_ text: String, at location: SourceLocation?) -> (String, [Warning]) {
        guard text.unicodeScalars.contains(where: { action(for: $0) != nil }) else { return (text, []) }
        var out = String.UnicodeScalarView()
        var found: [Unicode.Scalar] = []
        for s in text.unicodeScalars {
            switch action(for: s) {
            case nil: out.append(s)
            case .replace?: out.append("\u{FFFD}"); found.append(s)
            case .remove?: found.append(s)
            }
        }
        let warnings = summarized(found.map { (message(for: $0), location) })
        return (String(out), warnings)
    }

    /// Cleans UTF-8 Markdown (already validated). Returns the bytes unchanged, without copying, when there is
    /// nothing to clean; otherwise the cleaned bytes and one warning per character, at its line and column
    /// (columns count characters).
    public static func clean(utf8 bytes: [UInt8], file: String) -> ([UInt8], [Warning]) {
        guard mayNeedCleaning(bytes) else { return (bytes, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var found: [(String, SourceLocation?)] = []
        var line = 1, column = 1
        for s in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch action(for: s) {
            case nil: UTF8.encode(s) { out.append($0) }
            case .replace?: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .remove?: break
            }
            if action(for: s) != nil {
                found.append((message(for: s), SourceLocation(file: file, line: line, column: column)))
            }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (out, summarized(found))
    }

    /// A quick look at the bytes for the encodings of the characters `action(for:)` acts on, so that clean files
    /// cost one pass and no decoding.
    static func mayNeedCleaning(_ b: [UInt8]) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let lead = b[i]
            i += 1
            if lead >= 0x20 && lead < 0x7F || lead == 0x09 || lead == 0x0A || lead == 0x0D { continue }
            if lead < 0x20 || lead == 0x7F { return true }
            let b1: UInt8 = i < n ? b[i] : 0, b2: UInt8 = i + 1 < n ? b[i + 1] : 0, b3: UInt8 = i + 2 < n ? b[i + 2] : 0
            switch lead {
            case 0xC2 where (0x80...0x9F).contains(b1): return true                       // C1 controls
            case 0xE2 where b1 == 0x80 && (0xAA...0xAE).contains(b2): return true       // U+202A–U+202E
            case 0xE2 where b1 == 0x81 && (0xA6...0xA9).contains(b2): return true       // U+2066–U+2069
            case 0xEF where b1 == 0xB7 && (0x90...0xAF).contains(b2): return true       // U+FDD0–U+FDEF
            case 0xEF where b1 == 0xBF && b2 >= 0xBE: return true                       // U+FFFE, U+FFFF
            case 0xF0...0xF4 where b1 & 0x0F == 0x0F && b2 == 0xBF && b3 >= 0xBE: return true  // U+nFFFE, U+nFFFF
            default: continue
            }
        }
        return false
    }

    static func message(for s: Unicode.Scalar) -> String {
        let code = "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
        switch action(for: s) {
        case .replace? where s.value == 0:
            return "a NUL character is replaced with U+FFFD (�): remove it"
        case .replace?:
            return "\(code) is a noncharacter, which a PDF cannot carry: replaced with U+FFFD (�); remove it"
        default:
            let name = s.properties.name ?? s.properties.nameAlias ?? "control character"
            let what = (0x202A...0x2069).contains(s.value) ? "an invisible bidi control that reorders the text around it" : "an invisible control character"
            return "\(code) \(name) is \(what): removed"
        }
    }

    static func summarized(_ found: [(String, SourceLocation?)]) -> [Warning] {
        var warnings = found.prefix(maxWarnings).map { Warning(.invalidCharacter, $0.0, at: $0.1) }
        if found.count > maxWarnings {
            warnings.append(Warning(.invalidCharacter, "\(found.count - maxWarnings) more characters replaced or removed",
                                    at: found[maxWarnings].1))
        }
        return warnings
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
