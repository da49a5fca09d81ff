/// The languages Folio sets, and what each gets: its script, the hyphenation patterns of its words and of the
/// Latin words inside it, how its lines break, and the ICU locale of its dates. Fonts come from Fonts/fonts.yaml
/// (its `languages` entries), typography that differs per language from the layouts' language sections.
public struct LanguageSupport: Sendable, Equatable {
    /// How lines of a language break.
    public enum Breaking: String, Sendable {
        /// At spaces (and hyphenation points).
        case spaces
        /// At spaces; inside a Korean word only as a last resort (`body.korean-breaks`).
        case koreanWords = "korean-words"
        /// Between any two ideographs or kana, with the kinsoku rules of JLREQ and CLREQ, and letter-space to justify.
        case ideographic
    }

    /// BCP 47 tag, as an edition names it.
    public let code: String
    public let name: String
    /// The ISO 15924 script of its words.
    public let script: ScriptTag
    /// The language of the libhyphen patterns for its own words (nil: not hyphenated) and for Latin words inside it.
    public let hyphenation: String?
    public let latinHyphenation: String?
    public let breaking: Breaking
    /// The Debian package with its hyphenation patterns (the Makefile installs it).
    public let patternPackage: String?
    /// A few characters of its script, Latin beside them, for `folio fonts --language`.
    public var sample: String {
        switch code {
        case "ru": "Аа Ёё Aa"
        case "ko": "가나 漢字 Aa"
        case "ja": "漢字 かな カナ 「」。 Aa"
        case "zh-Hans": "汉字 「」。 Aa"
        case "zh-Hant": "漢字 「」。 Aa"
        default: "Aa Éé Ññ"
        }
    }

    public static let all: [LanguageSupport] = [
        .init(code: "en", name: "English", script: .latin, hyphenation: "en", latinHyphenation: "en", breaking: .spaces, patternPackage: "hyphen-en-us"),
        .init(code: "fr", name: "French", script: .latin, hyphenation: "fr", latinHyphenation: "fr", breaking: .spaces, patternPackage: "hyphen-fr"),
        .init(code: "es", name: "Spanish", script: .latin, hyphenation: "es", latinHyphenation: "es", breaking: .spaces, patternPackage: "hyphen-es"),
        .init(code: "ru", name: "Russian", script: ScriptTag("Cyrl"), hyphenation: "ru", latinHyphenation: "en", breaking: .spaces, patternPackage: "hyphen-ru"),
        .init(code: "ko", name: "Korean", script: .hangul, hyphenation: nil, latinHyphenation: "en", breaking: .koreanWords, patternPackage: nil),
        .init(code: "ja", name: "Japanese", script: ScriptTag("Hani"), hyphenation: nil, latinHyphenation: "en", breaking: .ideographic, patternPackage: nil),
        .init(code: "zh-Hans", name: "Chinese (Simplified)", script: ScriptTag("Hani"), hyphenation: nil, latinHyphenation: "en", breaking: .ideographic, patternPackage: nil),
        .init(code: "zh-Hant", name: "Chinese (Traditional)", script: ScriptTag("Hani"), hyphenation: nil, latinHyphenation: "en", breaking: .ideographic, patternPackage: nil),
    ]

    /// The entry of a BCP 47 tag: the tag itself, then its script variant for Chinese (zh-TW and zh-HK are
    /// Traditional, other zh Simplified), then its first subtag; nil for a language Folio has no entry for.
    public static func of(_ language: String) -> LanguageSupport? {
        let lower = language.lowercased()
        if let hit = all.first(where: { $0.code.lowercased() == lower }) { return hit }
        let primary = String(lower.split(separator: "-").first ?? "")
        if primary == "zh" {
            let traditional = lower.hasPrefix("zh-hant") || ["zh-tw", "zh-hk", "zh-mo"].contains(lower)
            return all.first { $0.code == (traditional ? "zh-Hant" : "zh-Hans") }
        }
        return all.first { $0.code == primary }
    }

    /// The pattern language for words of `script` in text of `language`: the language's own for its script,
    /// its Latin patterns for Latin words, nil otherwise. Languages without an entry hyphenate Latin words with
    /// their own tag (libhyphen has patterns for many).
    public static func hyphenationLanguage(for script: ScriptTag, in language: String) -> String? {
        guard let entry = of(language) else { return script == .latin ? language : nil }
        if script == entry.script { return entry.hyphenation }
        return script == .latin ? entry.latinHyphenation : nil
    }
}
