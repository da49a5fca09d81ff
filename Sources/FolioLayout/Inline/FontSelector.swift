import FolioDisplay
import FolioFonts
import FolioModel
import FolioUnicode

/// A face chosen for a style, with the synthesis the backend must apply.
public struct SelectedFace: Sendable {
    public let face: FontFace
    public let ref: FontRef
}

/// Chooses the face for each character from Fonts/fonts.yaml: the family of the character's script in the
/// style's role, then the language's fallback scripts, then the extra families. Missing families are errors.
public final class FontSelector {
    public let manifest: FontManifest
    public let library: FontLibrary
    public let language: String
    private let fallbackScripts: [String]
    private var chains: [ChainKey: [SelectedFace]] = [:]
    /// Warnings collected while selecting (synthetic bold), each said once.
    public private(set) var warnings: [Warning] = []
    private var warned = Set<String>()

    struct ChainKey: Hashable { var role: FontRole; var bold: Bool; var italic: Bool; var script: ScriptTag }

    public init(manifest: FontManifest, library: FontLibrary, language: String) {
        self.manifest = manifest; self.library = library; self.language = language
        fallbackScripts = manifest.fallbackScripts(for: language)
    }

    /// The faces tried, in order, for a script in a style (for `folio fonts`).
    public func faces(role: FontRole, bold: Bool, italic: Bool, script: ScriptTag) throws -> [SelectedFace] {
        try chain(role: role, bold: bold, italic: italic, script: script)
    }

    /// The extra families for a style (for `folio fonts`).
    public func extraFaces(role: FontRole, bold: Bool, italic: Bool) throws -> [SelectedFace] {
        try extras(role: role, bold: bold, italic: italic)
    }

    /// Notes that a face sets text: a synthesized bold is said once per family, when it is first used.
    func use(_ selected: SelectedFace) {
        if selected.ref.syntheticBold, warned.insert(selected.face.familyName).inserted {
            warnings.append(Warning(.syntheticBold, "font family '\(selected.face.familyName)' has no bold face: bold is synthesized"))
        }
    }

    /// The script given to characters that have none and no strong neighbour (the language's first).
    public var defaultScript: ScriptTag { ScriptTag(fallbackScripts.first ?? "Latn") }

    /// The faces to try, in order, for a character of `script` in a style: the script's family and the
    /// language's fallback families. The extra (symbol) families come from `extras`, loaded only when needed.
    func chain(role: FontRole, bold: Bool, italic: Bool, script: ScriptTag) throws -> [SelectedFace] {
        let key = ChainKey(role: role, bold: bold, italic: italic, script: script)
        if let hit = chains[key] { return hit }
        let families = manifest.families(role: role.rawValue, language: language)
        var order: [(family: String, script: String, required: Bool)] = []
        if let own = families[script.description] { order.append((own, script.description, true)) }
        for s in fallbackScripts { if let f = families[s] { order.append((f, s, true)) } }
        var faces: [SelectedFace] = []
        var seen = Set<String>()
        for entry in order where seen.insert(entry.family).inserted {
            guard let face = try select(family: entry.family, role: role, script: entry.script, bold: bold, italic: italic,
                                        required: entry.required) else { continue }
            faces.append(face)
        }
        chains[key] = faces
        return faces
    }

    private var extraFaces: [ChainKey: [SelectedFace]] = [:]

    /// The extra families of fonts.yaml (symbols, maths), for characters the main chain lacks; those not
    /// installed are skipped.
    func extras(role: FontRole, bold: Bool, italic: Bool) throws -> [SelectedFace] {
        let key = ChainKey(role: role, bold: bold, italic: italic, script: .common)
        if let hit = extraFaces[key] { return hit }
        var faces: [SelectedFace] = []
        for family in manifest.extra {
            if let face = try select(family: family, role: role, script: "", bold: bold, italic: italic, required: false) { faces.append(face) }
        }
        extraFaces[key] = faces
        return faces
    }

    /// The face for a family and style; nil for an optional family that is not installed.
    private func select(family: String, role: FontRole, script: String, bold: Bool, italic: Bool, required: Bool) throws -> SelectedFace? {
        guard let located = library.locator.locate(family: family, bold: bold, italic: italic) else {
            if !required { return nil }
            throw FolioError("font family '\(family)' (\(role.rawValue), \(script)) is not installed",
                             at: manifest.location(role: role.rawValue, script: script, language: language),
                             hint: "install it (Debian: apt-get install fonts-noto-core fonts-noto-cjk) or name an installed family in \(manifest.file); `fc-list : family` lists them")
        }
        let face = try library.face(for: located)
        let synthetic = bold && !located.isBold
        // Korean has no italic: an upright face stands in without a warning (klreq), as for any family lacking italic.
        return SelectedFace(face: face, ref: FontRef(path: located.path, index: located.index, syntheticBold: synthetic))
    }
}
