/// Checks of report.yaml values that name files or days: each refuses at load time, at the value's line and column,
/// what would otherwise fail while writing, overwrite another edition's file, or crash a later stage.
extension Report {
    /// The longest id: `<id>_<CODE>_thumb.png` then stays far below the 255 bytes every file system takes.
    static let maxIDLength = 100
    /// The longest edition code (BCP 47 asks implementations to take tags of at least 35 characters).
    static let maxCodeLength = 35

    static func checkID(_ id: String, source: YAMLSource) throws {
        let at = source.location(of: [AnyKey("id")])
        guard id.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
            throw FolioError("id '\(id)' must be letters, digits, '.', '_' or '-'", at: at,
                             hint: "it names the output files, so keep it safe for any web server")
        }
        guard id.utf8.count <= maxIDLength else {
            throw FolioError("id is \(id.utf8.count) characters long, over the limit of \(maxIDLength)", at: at,
                             hint: "it names the output files and folders: shorten it (e.g. nkdb-upr4-2024)")
        }
    }

    static func checkCode(_ code: String, at: SourceLocation) throws {
        guard code.range(of: "^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$", options: .regularExpression) != nil else {
            throw FolioError("edition code '\(code)' is not a language code", at: at, hint: "use a BCP 47 code such as en, ko or fr")
        }
        guard code.utf8.count <= maxCodeLength else {
            throw FolioError("edition code is \(code.utf8.count) characters long, over the limit of \(maxCodeLength)", at: at,
                             hint: "use a short BCP 47 code such as en, ko or pt-BR")
        }
    }

    /// The publication date must be a day of the calendar: month 01–12, and a day its month has (leap years counted).
    static func checkDate(_ date: String, source: YAMLSource) throws {
        let at = source.location(of: [AnyKey("date")])
        let hint = "write the publication date as YYYY-MM-DD, e.g. 2024-03-15"
        switch CalendarDate.parse(date) {
        case .success: return
        case .failure(.format):
            throw FolioError("date '\(date)' is not YYYY-MM-DD", at: at, hint: hint)
        case .failure(.month(let month)):
            throw FolioError("date '\(date)' is not a day of the calendar: there is no month \(month)", at: at, hint: hint)
        case .failure(.day(let year, let month, let day, let length)):
            let name = String(year) + "-" + (month < 10 ? "0" : "") + String(month)
            throw FolioError("date '\(date)' is not a day of the calendar: month \(name) has \(length) days, not \(day)", at: at, hint: hint)
        }
    }

    /// Two editions may not write the same file: names are compared ignoring case, as a case-insensitive file
    /// system (macOS, Windows) compares them, and codes that differ only in case name the same language.
    static func checkDistinctOutputs(_ editions: [Edition], id: String, source: YAMLSource) throws {
        var codes: [String: String] = [:]
        var files: [String: String] = [:]
        for e in editions {
            let at = source.location(of: [AnyKey("editions"), AnyKey(e.code)])
            if let other = codes[e.code.lowercased()] {
                throw FolioError("editions '\(other)' and '\(e.code)' name the same language (codes are compared ignoring case)",
                                 at: at, hint: "keep one of them, or give the second its own language code")
            }
            codes[e.code.lowercased()] = e.code
            let name = e.filename ?? defaultFileName(id: id, code: e.code)
            if let other = files[name.lowercased()] {
                throw FolioError("editions '\(other)' and '\(e.code)' would both write '\(name)' (file names are compared ignoring case)",
                                 at: e.filename != nil ? source.location(of: [AnyKey("editions"), AnyKey(e.code), AnyKey("filename")]) : at,
                                 hint: "give each edition its own 'filename:'")
            }
            files[name.lowercased()] = e.code
        }
    }

    static func defaultFileName(id: String, code: String) -> String { "\(id)_\(code.uppercased()).pdf" }
}
