import Yams

/// The ranges of the numbers a layout file gives. A length, size or count becomes page geometry, loop bounds and
/// pixel sizes (thumbnails, previews); a value no page could use (1e400, .nan, ten metres) is refused in the file
/// that wrote it, at its line and column, before any arithmetic meets it. Messages name the key, never the value.
enum LayoutBounds {
    /// Points: 200 inches, the largest page side PDF readers open.
    static let largestLength = 14_400.0
    /// Font sizes, leadings and the composer's factors.
    static let largestNumber = 10_000.0
    /// Counts and limits.
    static let largestCount = 1_000_000_000
    /// Whole numbers that may be negative (TeX's looseness asks for fewer lines).
    static let signedCounts: Set<String> = ["looseness"]

    /// Checks a layout file's top-level mapping, its language overrides included.
    static func check(_ mapping: Node.Mapping, source: YAMLSource, isLanguageKey: (String) -> Bool) throws {
        try check(mapping, fields: Schema.layout, path: "", source: source)
        for (key, value) in mapping {
            guard let name = key.string, isLanguageKey(name), let override = value.mapping else { continue }
            try check(override, fields: Schema.layout, path: name, source: source)
        }
    }

    static func check(_ mapping: Node.Mapping, fields: [String: Schema], path: String, source: YAMLSource) throws {
        for (key, value) in mapping {
            guard let name = key.string, let field = fields[name] else { continue }
            let here = path.isEmpty ? name : "\(path).\(name)"
            func refuse(_ expected: String) -> FolioError {
                FolioError("'\(here)' is out of range: it takes \(expected)", at: source.location(of: value))
            }
            switch field {
            case .mapping(let inner):
                if let m = value.mapping { try check(m, fields: inner, path: here, source: source) }
            case .length:
                guard let v = value.string.flatMap(Length.parse) else { continue }
                let least = path == "page" && (name == "width" || name == "height") ? 72.0 : -largestLength
                guard v.isFinite, v >= least, v <= largestLength else {
                    throw refuse("a length from \(least == 72 ? "1in" : "-200in") to 200in (14400pt)")
                }
            case .number:
                guard let v = value.float ?? value.int.map(Double.init) else { continue }
                guard v.isFinite, abs(v) <= largestNumber else { throw refuse("a number from -10000 to 10000") }
            case .integer:
                guard let v = value.int else { continue }
                let least = signedCounts.contains(name) ? -largestCount : (path.hasSuffix("limits") ? 1 : 0)
                guard v >= least, v <= largestCount else { throw refuse("a whole number from \(least) to \(largestCount)") }
            default:
                continue
            }
        }
    }
}
