import CCairo
#if canImport(Glibc)
import Glibc
#endif
import CFreeType
import FolioDisplay

/// A backend failure, naming the library call that failed.
public struct RenderError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// cairo font faces made from FreeType faces of their own (never shared with HarfBuzz: cairo resizes them).
///
/// One instance serves the whole process: cairo keeps font faces alive in its own caches after a surface is
/// finished, and their FT_Face is released (by the user-data callback) whenever cairo lets go of them, which
/// must never be after the FT_Library is gone. So the library lives as long as the process, and every face is
/// made once and shared by every document and thread.
final class CairoFonts: @unchecked Sendable {
    static let shared: CairoFonts = {
        do { return try CairoFonts() } catch { fatalError("FreeType could not start: \(error)") }
    }()
    private var library: FT_Library?
    private var faces: [FontRef: OpaquePointer] = [:]
    private var mutex = pthread_mutex_t()
    /// cairo calls this when it lets go of a font face: the FT_Face dies with it.
    private static var faceKey = cairo_user_data_key_t()

    init() throws {
        var lib: FT_Library?
        let err = FT_Init_FreeType(&lib)
        guard err == 0, let lib else { throw RenderError("FT_Init_FreeType failed with error \(err)") }
        library = lib
        pthread_mutex_init(&mutex, nil)
    }

    /// The cairo font face for a font reference, created once per process.
    func face(_ ref: FontRef) throws -> OpaquePointer {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let face = faces[ref] { return face }
        var ftFace: FT_Face?
        let err = FT_New_Face(library, ref.path, FT_Long(ref.index), &ftFace)
        guard err == 0, let ftFace else { throw RenderError("FreeType cannot open \(ref.path) face \(ref.index) (error \(err))") }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            throw RenderError("cairo cannot use \(ref.path)")
        }
        let status = cairo_font_face_set_user_data(face, &Self.faceKey, UnsafeMutableRawPointer(ftFace)) { pointer in
            if let pointer { FT_Done_Face(FT_Face(pointer.assumingMemoryBound(to: FT_FaceRec.self))) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(face); FT_Done_Face(ftFace)
            throw RenderError("cairo_font_face_set_user_data failed: \(String(cString: cairo_status_to_string(status)))")
        }
        if ref.syntheticBold { cairo_ft_font_face_set_synthesize(face, UInt32(CAIRO_FT_SYNTHESIZE_BOLD.rawValue)) }
        faces[ref] = face
        return face
    }
}
