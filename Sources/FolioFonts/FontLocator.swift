import CFontconfig
import FolioSupport
import Synchronization

/// A font file and face index that fontconfig found for a family and style.
public struct LocatedFont: Sendable, Hashable {
    public var path: String
    public var index: Int
    public var family: String
    /// The weight and slant of the face found (it may lack the asked-for bold or italic).
    public var isBold: Bool
    public var isItalic: Bool
}

/// Finds installed fonts through fontconfig, refusing its silent substitutions.
public final class FontLocator: Sendable {
    /// fontconfig's configuration, read on another thread while the caller parses the report.
    private let configuration: Background<Configuration>
    /// Faces found, by family and style. Its lock is held while fontconfig matches, not only around the cache
    /// (unlike `OnceMap`): fontconfig's matching from several threads at once has crashed other programs, so one
    /// match runs at a time.
    private let cache = Mutex<[String: LocatedFont?]>([:])

    /// Owns a loaded fontconfig configuration.
    /// Unchecked: it holds a C pointer (FcConfig), which fontconfig only reads once loaded.
    private final class Configuration: @unchecked Sendable {
        let pointer: OpaquePointer
        init() throws {
            // FcInitLoadConfigAndFonts alone: calling FcInit first would load the configuration and caches twice.
            guard let config = FcInitLoadConfigAndFonts() else {
                throw FontError(call: "FcInitLoadConfigAndFonts", reason: "fontconfig could not load its configuration")
            }
            pointer = config
        }
        deinit { FcConfigDestroy(pointer) }
    }

    /// Starts reading fontconfig's configuration; `ready()` or the first lookup waits for it.
    public init() {
        configuration = Background { try Configuration() }
    }

    /// Waits for fontconfig's configuration, throwing when it could not be loaded.
    public func ready() throws { _ = try configuration.value() }

    /// The installed face of `family` closest to the style, or nil when the family is not installed.
    public func locate(family: String, bold: Bool, italic: Bool) -> LocatedFont? {
        let key = "\(family)|\(bold)|\(italic)"
        return cache.withLock { cache in
            if let hit = cache[key] { return hit }
            let found = match(family: family, bold: bold, italic: italic)
            cache[key] = found
            return found
        }
    }

    private func match(family: String, bold: Bool, italic: Bool) -> LocatedFont? {
        guard let config = try? configuration.value().pointer, let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, family)
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
        FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN)
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let matched = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(matched) }
        guard result == FcResultMatch else { return nil }
        // fontconfig substitutes any family for a missing one: accept only the family asked for.
        var names: [String] = []
        var n: Int32 = 0
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(matched, FC_FAMILY, n, &value) == FcResultMatch, let v = value {
            names.append(String(cString: v)); n += 1
        }
        guard names.contains(where: { $0.caseInsensitiveEquals(family) }) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(matched, FC_FILE, 0, &file) == FcResultMatch, let f = file else { return nil }
        var index: Int32 = 0
        _ = FcPatternGetInteger(matched, FC_INDEX, 0, &index)
        var weight: Int32 = 0, slant: Int32 = 0
        _ = FcPatternGetInteger(matched, FC_WEIGHT, 0, &weight)
        _ = FcPatternGetInteger(matched, FC_SLANT, 0, &slant)
        // fontconfig's 90-synthetic.conf marks a regular face "bold, embolden" (and a roman one "oblique" with a
        // shear matrix) when the family lacks the style: such a face is not really bold or italic.
        var embolden: FcBool = 0
        let synthetic = FcPatternGetBool(matched, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden != 0
        var matrix = UnsafeMutablePointer<FcMatrix>(nil)
        let sheared = FcPatternGetMatrix(matched, FC_MATRIX, 0, &matrix) == FcResultMatch && (matrix?.pointee.xy ?? 0) != 0
        return LocatedFont(path: String(cString: f), index: Int(index), family: family,
                           isBold: weight >= FC_WEIGHT_DEMIBOLD && !synthetic, isItalic: slant != FC_SLANT_ROMAN && !sheared)
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
