import FolioUnicode

/// The language of text set in another script than its edition's: English words and names in a Korean edition
/// are `en`, Hangul in an English edition is `ko` (decided by script; text in the edition's own script, and
/// scripts that do not tell a language, such as Han, stay in the edition's language).
struct SpanLanguages: Sendable {
    /// The edition's language and the script of its text.
    let edition: String
    let script: ScriptTag

    /// The language a run of `script` is tagged with, or nil for the edition's own.
    func language(of run: ScriptTag) -> String? {
        guard run != script, !run.isWeak, let language = Self.languages[run] else { return nil }
        return edition.hasPrefix(language) ? nil : language
    }

    private static let languages: [ScriptTag: String] = [
        .latin: "en", .hangul: "ko", ScriptTag("Cyrl"): "ru", ScriptTag("Arab"): "ar", ScriptTag("Hira"): "ja",
        ScriptTag("Kana"): "ja", ScriptTag("Grek"): "el", ScriptTag("Hebr"): "he", ScriptTag("Thai"): "th",
    ]
}
