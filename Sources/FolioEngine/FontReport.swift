import FolioFonts
import FolioLayout
import FolioModel
import FolioUnicode

/// Which font file serves each script and style of an edition, and how much of the edition's text it covers.
public struct FontReport: Sendable {
    /// One role, style and script, and the face that serves it.
    public struct Row: Sendable {
        public var role: String
        public var style: String
        public var script: String
        public var family: String
        public var file: String
        public var index: Int
        /// Distinct characters of the edition in this script that the face draws, and those it lacks.
        public var covered: Int
        public var missing: [Unicode.Scalar]
    }
    public var rows: [Row]

    /// Resolves the faces for every role and style against the characters of `text` (the edition's content).
    public static func make(engine: Engine, language: String, text: String) throws -> FontReport {
        let selector = FontSelector(manifest: engine.manifest, library: engine.fonts, language: language)
        var byScript: [ScriptTag: Set<UInt32>] = [:]
        for s in text.unicodeScalars where !s.properties.isWhitespace && s.value >= 0x20 {
            var script = UnicodeProperties.script(of: s)
            if script.isWeak { script = selector.defaultScript }
            byScript[script, default: []].insert(s.value)
        }
        if byScript.isEmpty { byScript[selector.defaultScript] = [] }
        var rows: [Row] = []
        for role in FontRole.allCases {
            for (bold, italic, name) in [(false, false, "regular"), (true, false, "bold"), (false, true, "italic")] {
                for script in byScript.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let chain = try selector.faces(role: role, bold: bold, italic: italic, script: script)
                        + selector.extraFaces(role: role, bold: bold, italic: italic)
                    guard let first = chain.first else { continue }
                    let chars = byScript[script] ?? []
                    let missing = chars.compactMap(Unicode.Scalar.init).filter { s in !chain.contains { $0.face.covers(s) } }
                    let covered = chars.count - missing.count
                    rows.append(Row(role: role.rawValue, style: name + (first.ref.syntheticBold ? " (synthetic)" : ""),
                                    script: script.description, family: first.face.familyName, file: first.ref.path,
                                    index: first.ref.index, covered: covered, missing: missing.sorted { $0.value < $1.value }))
                }
            }
        }
        return FontReport(rows: rows)
    }
}
