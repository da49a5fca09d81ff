internal import CCairo
internal import CFreeType
import FolioDisplay
import FolioFonts
import FolioSupport
#if canImport(Glibc)
import Glibc
#endif

/// cairo font faces made from FreeType faces of their own (never shared with HarfBuzz: cairo resizes them).
///
/// One instance serves the whole process: cairo keeps font faces alive in its own caches after a surface is
/// finished, and their FT_Face is released (by the user-data callback) whenever cairo lets go of them, which
/// must never be after the FT_Library is gone. So the library lives as long as the process; faces of font
/// files are made once and shared by every document and thread, faces of per-document subsets live as long
/// as cairo holds them.
/// Unchecked: it owns C pointers (the FT_Library, cairo faces), used only under its recursive lock.
final class CairoFonts: @unchecked Sendable {
    static let shared: CairoFonts = {
        do { return try CairoFonts() } catch { fatalError("FreeType could not start: \(error)") }
    }()
    private var library: FT_Library?
    private var faces: [FontRef: OpaquePointer] = [:]
    /// FreeType's library is not thread-safe for creating and freeing faces; cairo may free one from inside a
    /// call made under this lock, so it is recursive.
    fileprivate let lock = RecursiveLock()
    nonisolated(unsafe) private static var faceKey = cairo_user_data_key_t()   // cairo uses only its address

    init() throws {
        var lib: FT_Library?
        let err = FT_Init_FreeType(&lib)
        guard err == 0, let lib else { throw RenderError("FreeType cannot start", call: "FT_Init_FreeType", status: "error \(err)") }
        library = lib
    }

    /// The shared cairo font face for a font file, created once per process.
    func face(_ ref: FontRef) throws -> OpaquePointer {
        try lock.withLock {
            if let face = faces[ref] { return face }
            var ftFace: FT_Face?
            let err = FT_New_Face(library, ref.path, FT_Long(ref.index), &ftFace)
            guard err == 0, let ftFace else { throw RenderError("FreeType cannot open \(ref.path) face \(ref.index)", call: "FT_New_Face", status: "error \(err)") }
            let face = try wrap(FaceOwner(face: ftFace, buffer: nil, fonts: self), synthesizeBold: ref.syntheticBold)
            faces[ref] = face
            return face
        }
    }

    /// A new cairo font face for font bytes (a subset); the caller owns one reference.
    func face(bytes: [UInt8], synthesizeBold: Bool) throws -> OpaquePointer {
        try lock.withLock {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            var ftFace: FT_Face?
            let err = FT_New_Memory_Face(library, buffer, FT_Long(bytes.count), 0, &ftFace)
            guard err == 0, let ftFace else {
                buffer.deallocate()
                throw RenderError("FreeType cannot open a font subset", call: "FT_New_Memory_Face", status: "error \(err)")
            }
            return try wrap(FaceOwner(face: ftFace, buffer: buffer, fonts: self), synthesizeBold: synthesizeBold)
        }
    }

    /// A cairo face over an FT_Face; the owner is released (freeing the FT_Face) when cairo lets go of it.
    private func wrap(_ owner: FaceOwner, synthesizeBold: Bool) throws -> OpaquePointer {
        // Hinting means nothing in a PDF, and loading CFF glyphs without it is much faster.
        guard let face = cairo_ft_font_face_create_for_ft_face(owner.face, Int32(FT_LOAD_NO_HINTING)) else {
            throw RenderError("cairo cannot use a font face", call: "cairo_ft_font_face_create_for_ft_face", status: "no face")
        }
        let status = cairo_font_face_set_user_data(face, &Self.faceKey, Unmanaged.passRetained(owner).toOpaque()) { pointer in
            if let pointer { Unmanaged<FaceOwner>.fromOpaque(pointer).release() }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(face)
            throw RenderError("cairo cannot use a font face", call: "cairo_font_face_set_user_data", status: CairoCanvas.describe(status))
        }
        if synthesizeBold { cairo_ft_font_face_set_synthesize(face, UInt32(CAIRO_FT_SYNTHESIZE_BOLD.rawValue)) }
        return face
    }
}

/// Owns an FT_Face (and the bytes of a face made from memory) until cairo is done with it.
final class FaceOwner {
    let face: FT_Face
    let buffer: UnsafeMutablePointer<UInt8>?
    unowned let fonts: CairoFonts
    init(face: FT_Face, buffer: UnsafeMutablePointer<UInt8>?, fonts: CairoFonts) {
        self.face = face; self.buffer = buffer; self.fonts = fonts
    }
    deinit {
        fonts.lock.withLock { _ = FT_Done_Face(face) }
        buffer?.deallocate()
    }
}

/// The font faces of one document: subsets of the big fonts (CJK), shared faces for the rest.
final class DocumentFonts {
    private var subsets: [FontRef: (face: OpaquePointer, glyphs: [UInt32: UInt32])] = [:]

    init(pages: [Page]) {
        // Only the big (CJK) fonts are subset here: gathering every glyph of a Latin font would be wasted work.
        var wanted: [FontRef: Bool] = [:]
        var last: (font: FontRef, want: Bool)? = nil
        var glyphs: [FontRef: Set<UInt32>] = [:]
        for page in pages {
            for case .glyphs(let run) in page.items {
                let want: Bool
                if let last, last.font == run.font { want = last.want } else {
                    want = wanted[run.font] ?? FontSubsetter.wantsSubset(path: run.font.path)
                    wanted[run.font] = want
                    last = (run.font, want)
                }
                guard want else { continue }
                glyphs[run.font, default: []].formUnion(run.glyphs.lazy.map(\.id))
            }
        }
        // A CJK face is the subsetter's longest work, the body face (with the most glyphs) the longest: the faces
        // are cut in parallel, largest first, so that the body face does not start last.
        let work = glyphs.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.path < $1.key.path }
        let cut = work.concurrentMap { FontSubsetter.subset(path: $0.key.path, index: $0.key.index, glyphs: $0.value) }
        for (entry, subset) in zip(work, cut) {
            guard let subset,
                  let face = try? CairoFonts.shared.face(bytes: subset.bytes, synthesizeBold: entry.key.syntheticBold) else { continue }
            subsets[entry.key] = (face, subset.glyphMap)
        }
    }

    deinit { for entry in subsets.values { cairo_font_face_destroy(entry.face) } }

    /// Shared faces already asked for by this document: the process-wide table takes a lock that the other
    /// editions drawing at the same time also want.
    private var shared: [FontRef: OpaquePointer] = [:]

    /// The face for a font, and how to renumber glyph ids for it (nil: keep them).
    func face(_ ref: FontRef) throws -> (OpaquePointer, [UInt32: UInt32]?) {
        if let entry = subsets[ref] { return (entry.face, entry.glyphs) }
        if let face = shared[ref] { return (face, nil) }
        let face = try CairoFonts.shared.face(ref)
        shared[ref] = face
        return (face, nil)
    }
}
