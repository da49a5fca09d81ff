import CICU

/// Calendar dates written out in an edition's language, with ICU's month names and its pattern for the locale.
public enum DateText {
    /// The ICU locale whose date order an edition's language takes: English editions write dates day first
    /// ("15 October 2024"), as UN documents do; other languages their own locale's way.
    static func locale(for language: String) -> String {
        language == "en" || language.hasPrefix("en-") ? "en_GB" : String(language.map { $0 == "-" ? "_" : $0 })
    }

    /// `year-month-day` with the month's name ("15 October 2024", "2024년 10월 15일", "15 octobre 2024").
    public static func long(year: Int, month: Int, day: Int, language: String) throws -> String {
        var buffer = [UInt16](repeating: 0, count: 64)
        var error: Int32 = 0
        var n = folio_format_date(Int32(year), Int32(month), Int32(day), locale(for: language), "dMMMMy", &buffer, 64, &error)
        if n > buffer.count {
            buffer = [UInt16](repeating: 0, count: Int(n))
            n = folio_format_date(Int32(year), Int32(month), Int32(day), locale(for: language), "dMMMMy", &buffer, n, &error)
        }
        if n < 0 { throw ICUError(call: "udat_format (date, locale '\(locale(for: language))')", code: error) }
        return String(decoding: buffer.prefix(Int(n)), as: UTF16.self)
    }
}
