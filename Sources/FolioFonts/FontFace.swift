import CHarfBuzz
import FolioUnicode
import FolioSupport

/// Why a font could not be used: the HarfBuzz or fontconfig call that failed, and what that means.
public struct FontError: Error, CustomStringConvertible {
    /// The library function that failed (or whose result could not be used).
    public var call: String
    /// What could not be done and why, for the user.
    public var reason: String
    public init(call: String, reason: String) { self.call = call; self.reason = reason }
    public var description: String { "\(reason) (\(call) failed)" }
}

/// Vertical metrics of a face in font units.
public struct FaceMetrics: Sendable, Equatable {
    public var unitsPerEm: Int32
    public var ascender: Int32
    public var descender: Int32   // negative below the baseline
    public var lineGap: Int32
    public var capHeight: Int32
    public var xHeight: Int32
}

/// One face of a font file, loaded once and shaped with HarfBuzz at its design units.
///
/// Shaping happens at units-per-em scale so that one face serves every size; callers scale by size/upem.
/// HarfBuzz is used with its own OpenType functions, not FreeType, so the cairo backend can own its FT_Face.
/// Unchecked: it owns C pointers (HarfBuzz blob, face and font), made immutable before any thread shapes with them.
public final class FontFace: @unchecked Sendable {
    public let path: String
    public let index: Int
    public let familyName: String
    public let metrics: FaceMetrics
    /// Whether the face is a bold design (weight ≥ 600), for deciding on synthetic bold.
    public let isBold: Bool
    public let isItalic: Bool
    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let font: OpaquePointer
    /// Which Basic Multilingual Plane characters the face maps, one bit each.
    private let bmpCoverage: [UInt64]
    /// The glyph of U+0020, looked up once: line setting draws one per inter-word space.
    public let spaceGlyph: UInt32?

    /// Loads face `index` of the font file at `path`.
    public init(path: String, index: Int, familyName: String, isBold: Bool, isItalic: Bool) throws {
        guard let blob = hb_blob_create_from_file_or_fail(path) else {
            throw FontError(call: "hb_blob_create_from_file_or_fail", reason: "cannot read font file \(path)")
        }
        // hb_face_create checks the file's table directory itself; counting faces (a second check) only serves the error.
        let face = hb_face_create(blob, UInt32(max(index, 0)))!
        let upem = hb_face_get_upem(face)
        if index < 0 || upem == 0 || hb_face_get_glyph_count(face) == 0 {
            let faceCount = hb_face_count(blob)
            hb_face_destroy(face); hb_blob_destroy(blob)
            if index < 0 || UInt32(index) >= max(faceCount, 1) {
                throw FontError(call: "hb_face_create", reason: "font file \(path) has no face \(index) (it has \(faceCount))")
            }
            throw FontError(call: "hb_face_create", reason: "font file \(path) face \(index) is not a usable OpenType font (no glyphs or no units per em)")
        }
        let font = hb_font_create(face)!
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hb_font_make_immutable(font)   // set up once, then shared by every thread
        let unicodes = hb_set_create()!
        hb_face_collect_unicodes(face, unicodes)
        var bits = [UInt64](repeating: 0, count: 1024)
        // By ranges, not code points: a CJK face maps ~45,000 characters, most of them in a few long runs.
        var first: hb_codepoint_t = 0, last: hb_codepoint_t = UInt32.max   // HB_SET_VALUE_INVALID: start of iteration
        while hb_set_next_range(unicodes, &first, &last) != 0, first < 0x10000 {
            Self.setBits(&bits, from: Int(first), through: Int(min(last, 0xFFFF)))
        }
        hb_set_destroy(unicodes)
        bmpCoverage = bits
        var space: hb_codepoint_t = 0
        spaceGlyph = hb_font_get_nominal_glyph(font, 0x20, &space) != 0 ? space : nil
        self.blob = blob; self.face = face; self.font = font
        self.path = path; self.index = index; self.familyName = familyName
        self.isBold = isBold; self.isItalic = isItalic
        func metric(_ tag: hb_ot_metrics_tag_t) -> Int32? {
            var v: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &v) != 0 ? v : nil
        }
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        let asc = extents.ascender, desc = extents.descender
        metrics = FaceMetrics(
            unitsPerEm: Int32(upem), ascender: asc, descender: desc, lineGap: extents.line_gap,
            capHeight: metric(HB_OT_METRICS_TAG_CAP_HEIGHT) ?? Int32(Double(upem) * 0.7),
            xHeight: metric(HB_OT_METRICS_TAG_X_HEIGHT) ?? Int32(Double(upem) * 0.5))
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// Sets bits `from...through` of a bitset of 64-bit words, a word at a time inside the range.
    static func setBits(_ bits: inout [UInt64], from: Int, through: Int) {
        guard from <= through else { return }
        let firstWord = from >> 6, lastWord = through >> 6
        let head = UInt64.max << UInt64(from & 63)
        let tail = UInt64.max >> UInt64(63 - (through & 63))
        if firstWord == lastWord {
            bits[firstWord] |= head & tail
            return
        }
        bits[firstWord] |= head
        for w in (firstWord + 1)..<lastWord { bits[w] = .max }
        bits[lastWord] |= tail
    }

    /// Whether the face has a glyph for the scalar (a bit test for the BMP, a cmap lookup beyond it).
    @inline(__always)
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x10000 { return bmpCoverage[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        // The font is immutable: HarfBuzz answers from any thread without a lock, as for shaping.
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, v, &glyph) != 0
    }

    /// Shapes UTF-8 text (left to right) in the given script and language; positions are in font units.
    public func shape(utf8: [UInt8], script: ScriptTag, language: String) -> ShapedGlyphs {
        let buffer = ShapingBuffer.current()
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                hb_buffer_add_utf8(buffer, chars.baseAddress, Int32(chars.count), 0, Int32(chars.count))
            }
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, hb_script_from_iso15924_tag(script.isWeak ? ScriptTag.latin.rawValue : script.rawValue))
        hb_buffer_set_language(buffer, hb_language_from_string(language, -1))
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        // HarfBuzz shapes with one immutable hb_font_t on many threads at once (its lazy tables load atomically):
        // paragraphs set in parallel must not queue here.
        hb_shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        var glyphs = [ShapedGlyph]()
        glyphs.reserveCapacity(Int(count))
        var unsafe: [UInt32] = []
        for i in 0..<Int(count) {
            glyphs.append(ShapedGlyph(id: infos[i].codepoint, cluster: infos[i].cluster,
                                      advance: positions[i].x_advance,
                                      xOffset: positions[i].x_offset, yOffset: positions[i].y_offset))
            if hb_glyph_info_get_glyph_flags(infos + i).rawValue & HB_GLYPH_FLAG_UNSAFE_TO_BREAK.rawValue != 0 {
                unsafe.append(infos[i].cluster)
            }
        }
        return ShapedGlyphs(glyphs: glyphs, unsafeToBreak: unsafe)
    }
}

/// One HarfBuzz buffer per thread, emptied and reused by every shaping on that thread: a buffer made and
/// destroyed per word cost three allocations each time, and a cold English sample shapes over 2,000 words.
enum ShapingBuffer {
    private static let slot = ThreadSlot { hb_buffer_destroy(OpaquePointer($0)) }

    /// This thread's buffer, empty (the caller sets direction, script, language and cluster level).
    static func current() -> OpaquePointer {
        if let buffer = slot.value {
            let buffer = OpaquePointer(buffer)
            hb_buffer_clear_contents(buffer)
            return buffer
        }
        let buffer = hb_buffer_create()!
        slot.value = UnsafeMutableRawPointer(buffer)
        return buffer
    }
}

/// One glyph from HarfBuzz, in font units; `cluster` is the UTF-8 byte offset of its source text.
public struct ShapedGlyph: Sendable, Equatable {
    public var id: UInt32
    public var cluster: UInt32
    public var advance: Int32
    public var xOffset: Int32
    public var yOffset: Int32
}

/// The glyphs of one shaped piece of text.
public struct ShapedGlyphs: Sendable {
    public var glyphs: [ShapedGlyph]
    /// Clusters (UTF-8 offsets) where cutting the text and shaping the parts apart would not give these glyphs
    /// (HarfBuzz's unsafe-to-break: a ligature or a kerning pair across the cut); empty for most words.
    public var unsafeToBreak: [UInt32] = []
    /// Total advance in font units.
    public var advance: Int32 { glyphs.reduce(0) { $0 + $1.advance } }
}
