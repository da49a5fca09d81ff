import FolioFonts
import FolioModel
import FolioUnicode

/// A maximal range of scalars set in one style, one face and one script.
public struct TextRun: Sendable {
    public var range: Range<Int>
    public var style: Int32
    /// Index into the paragraph's face list.
    public var face: Int
    public var script: ScriptTag
    /// The size glyphs are set at (style size, superscript and script pairing applied).
    public var size: Double = 0
    /// How far the baseline is raised (superscript and script pairing).
    public var rise: Double = 0
    /// The bidi embedding level (UAX #9): odd levels are shaped and set right to left.
    public var level: UInt8 = 0
    public var isRightToLeft: Bool { level & 1 == 1 }
}

/// Splits styled text into runs by script (UAX #24 resolution of Common and Inherited), style, bidi level (UAX #9,
/// the paragraph right to left in a right-to-left language), and the face that covers each character, so that every
/// character is drawn by a font that has it.
struct Itemizer {
    let selector: FontSelector

    /// Runs, the faces they use (indexed by runs), and the characters no face has.
    struct Result {
        var runs: [TextRun]
        var faces: [SelectedFace]
        var missing: [Unicode.Scalar]
    }

    func itemize(_ text: StyledText) throws -> Result {
        let n = text.scalars.count
        let scripts = resolveScripts(text.scalars)
        let levels = try Bidi.levels(of: text.scalars, rightToLeft: Bidi.isRightToLeft(language: selector.language))
        var picker = FacePicker(selector: selector)
        var runs: [TextRun] = []
        var previousFace = -1
        for i in 0..<n {
            let s = text.scalars[i]
            let styleIndex = text.styleOf[i]
            let chosen: Int
            if Self.isMark(s), previousFace >= 0, i > 0, styleIndex == text.styleOf[i - 1] {
                chosen = previousFace   // marks stay with their base character
            } else {
                chosen = try picker.face(for: s, style: styleIndex, script: scripts[i], text: text)
            }
            previousFace = chosen
            let level = levels?[i] ?? 0
            if var last = runs.last, last.style == text.styleOf[i], last.face == chosen, last.script == scripts[i], last.level == level {
                last.range = last.range.lowerBound..<(i + 1)
                runs[runs.count - 1] = last
            } else {
                runs.append(TextRun(range: i..<(i + 1), style: text.styleOf[i], face: chosen, script: scripts[i], level: level))
            }
        }
        for k in runs.indices {
            let style = text.styles[Int(runs[k].style)]
            let adjust = selector.manifest.adjustment(language: selector.language, role: style.font.family.rawValue,
                                                      script: runs[k].script.description)
            runs[k].size = style.drawnSize * adjust.scale
            runs[k].rise = style.rise + adjust.baseline * style.font.size
        }
        return Result(runs: runs, faces: picker.faces, missing: picker.missing)
    }

    /// Chooses the face of each character: the first of its style and script's chain that has it, else an extra
    /// face that has it; collects the faces chosen and the characters none has.
    private struct FacePicker {
        let selector: FontSelector
        var faces: [SelectedFace] = []
        var faceIndex: [ObjectIdentifier: Int] = [:]
        var missing: [Unicode.Scalar] = []
        // The chain of the last style and script: consecutive characters nearly always share it.
        var lastKey: (style: Int32, script: ScriptTag)? = nil
        var lastChain: [SelectedFace] = []
        // The index in `faces` of the last chain's first face: while it covers the next character (nearly always),
        // nothing needs choosing.
        var firstOfLastChain = -1

        init(selector: FontSelector) { self.selector = selector }

        /// The index in `faces` of the face that sets `s` (-1 when there is none at all).
        @inline(__always)
        mutating func face(for s: Unicode.Scalar, style styleIndex: Int32, script: ScriptTag, text: StyledText) throws -> Int {
            if firstOfLastChain >= 0, let k = lastKey, k.style == styleIndex, k.script == script, faces[firstOfLastChain].face.covers(s) {
                return firstOfLastChain
            }
            return try choose(s, style: styleIndex, script: script, text: text)
        }

        private mutating func choose(_ s: Unicode.Scalar, style styleIndex: Int32, script: ScriptTag, text: StyledText) throws -> Int {
            let style = text.styles[Int(styleIndex)].font
            let chain: [SelectedFace]
            if let k = lastKey, k.style == styleIndex, k.script == script { chain = lastChain } else {
                chain = try selector.chain(role: style.family, bold: style.bold, italic: style.italic, script: script)
                lastKey = (styleIndex, script); lastChain = chain
                firstOfLastChain = -1
            }
            var pick = chain.first { $0.face.covers(s) }
            if pick == nil, !Itemizer.isInvisible(s) {
                pick = try selector.extras(role: style.family, bold: style.bold, italic: style.italic).first { $0.face.covers(s) }
            }
            if pick == nil {
                if !Itemizer.isInvisible(s) && text.styles[Int(styleIndex)].image == nil { missing.append(s) }
                pick = chain.first
            }
            guard let pick else { return -1 }
            let chosen: Int
            let id = ObjectIdentifier(pick.face)
            if let k = faceIndex[id], faces[k].ref == pick.ref { chosen = k } else {
                chosen = faces.count
                faces.append(pick)
                selector.use(pick)
                faceIndex[id] = chosen
            }
            if let first = chain.first, first.face === pick.face, first.ref == pick.ref { firstOfLastChain = chosen }
            return chosen
        }
    }

    /// Each scalar's script; Common and Inherited take the preceding strong script, or the following one
    /// at the start, or the language's default.
    func resolveScripts(_ scalars: [Unicode.Scalar]) -> [ScriptTag] {
        var out = scalars.map { UnicodeProperties.script(of: $0) }
        var firstStrong: ScriptTag? = nil
        for s in out where !s.isWeak { firstStrong = s; break }
        var current = firstStrong ?? selector.defaultScript
        for i in out.indices {
            if out[i].isWeak { out[i] = current } else { current = out[i] }
        }
        return out
    }

    /// Combining marks, variation selectors and the zero-width joiner stay with the character before them.
    /// Latin letters, digits, punctuation and Hangul syllables (nearly all text) skip the property lookup.
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 || (v >= 0xAC00 && v <= 0xD7A3) { return false }
        if (v >= 0xFE00 && v <= 0xFE0F) || v == 0x200D { return true }
        let c = s.properties.generalCategory
        return c == .nonspacingMark || c == .enclosingMark
    }

    /// Format and space characters that draw nothing: never reported as missing.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x2028 || v == 0x2029 || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xAD || v == 0xFEFF
            || (v >= 0xFE00 && v <= 0xFE0F)
    }
}
