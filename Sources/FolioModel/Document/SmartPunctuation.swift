/// Typographic quotes and dashes for the texts Folio sets from report.yaml, as cmark-gfm's smart punctuation
/// sets the body: `"…"` becomes “…” and `'` ‘ or ’ (English, Korean and other languages), or « … » with narrow
/// no-break spaces (U+202F) inside in French; `--` an en dash, `---` an em dash, `...` an ellipsis.
public enum SmartPunctuation {
    public static func apply(_ text: String, language: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E }) else { return text }
        let french = language.lowercased().hasPrefix("fr")
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        // A double quote after a space closes when one is open (`" texte "`).
        var doubleOpen = false
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            switch s {
            case "\"" where french:
                doubleOpen = !doubleOpen && opens(after: out.last)
                if doubleOpen {
                    out.append(contentsOf: ["«", "\u{202F}"])
                    while i < scalars.count, scalars[i] == " " { i += 1 }
                } else {
                    while out.last == " " { out.removeLast() }
                    out.append(contentsOf: ["\u{202F}", "»"])
                }
            case "\"":
                doubleOpen = !doubleOpen && opens(after: out.last)
                out.append(doubleOpen ? "\u{201C}" : "\u{201D}")
            case "'": out.append(opens(after: out.last) ? "\u{2018}" : "\u{2019}")
            case "-":
                var n = 1
                while i < scalars.count, scalars[i] == "-" { n += 1; i += 1 }
                out.append(contentsOf: dashes(n))
            case "." where i + 1 < scalars.count && scalars[i] == "." && scalars[i + 1] == ".":
                out.append("\u{2026}")
                i += 2
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    /// A quote opens at the start, after a space, an opening bracket, a dash or another opening quote.
    static func opens(after previous: Unicode.Scalar?) -> Bool {
        guard let p = previous else { return true }
        return p.properties.isWhitespace || "([{\u{2013}\u{2014}\u{201C}\u{2018}«\u{202F}/".unicodeScalars.contains(p)
    }

    /// A run of hyphens as cmark's smart punctuation sets it: one stays, then em dashes where the count allows
    /// (multiples of three), else en dashes, else em dashes then en dashes.
    static func dashes(_ n: Int) -> [Unicode.Scalar] {
        let (em, en): (Int, Int)
        if n == 1 { return ["-"] }
        if n % 3 == 0 { (em, en) = (n / 3, 0) }
        else if n % 2 == 0 { (em, en) = (0, n / 2) }
        else if n % 3 == 2 { (em, en) = ((n - 2) / 3, 1) }
        else { (em, en) = ((n - 4) / 3, 2) }
        return Array(repeating: "\u{2014}", count: em) + Array(repeating: "\u{2013}", count: en)
    }
}
