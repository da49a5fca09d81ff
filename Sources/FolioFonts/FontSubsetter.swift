import CHarfBuzz
#if canImport(Glibc)
import Glibc
#endif

/// Cuts a font down to the glyphs a document uses, with HarfBuzz's subsetter.
///
/// cairo subsets fonts itself when it writes a PDF, but for a 20 MB CJK font it first has FreeType and its own
/// CFF reader walk the whole font; handing it a font that holds only the used glyphs makes the PDF write of a
/// Korean edition several times faster and the file a quarter of the size. Layout tables are dropped (a PDF
/// needs none), so the subset holds exactly the glyphs asked for, renumbered in their original order.
public enum FontSubsetter {
    /// Fonts smaller than this are left to cairo (its TrueType subsetter is quick on them).
    public static let threshold = 2 << 20

    /// Whether a font file is large enough to be worth subsetting (checked with stat, without reading it).
    public static func wantsSubset(path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && Int(info.st_size) >= threshold
    }

    /// A subset font and the new id of each original glyph id.
    public struct Subset: Sendable {
        public var bytes: [UInt8]
        public var glyphMap: [UInt32: UInt32]
    }

    /// The subset of a font file, or nil when the font is small or HarfBuzz cannot subset it (cairo then takes
    /// the original).
    public static func subset(path: String, index: Int, glyphs: Set<UInt32>) -> Subset? {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard hb_blob_get_length(blob) >= threshold, let face = hb_face_create(blob, UInt32(index)) else { return nil }
        defer { hb_face_destroy(face) }
        let kept = ([0] + glyphs.filter { $0 != 0 }).sorted()
        // HarfBuzz's subsetter maps every code point of a font's cmap back to the kept glyphs, whatever it is asked
        // to keep: for a CJK font, some 45,000 entries and most of a small subset's time. The
        // PDF needs no cmap (its text comes from the ToUnicode map cairo writes from Folio's clusters), so the
        // subsetter is handed the font's tables without it; the face of the whole file is the fallback.
        var bytes: [UInt8]? = nil
        if let bare = faceWithout(dropped, of: face) {
            bytes = cut(bare, kept: kept)
            hb_face_destroy(bare)
        }
        guard let bytes = bytes ?? cut(face, kept: kept) else { return nil }
        var map: [UInt32: UInt32] = [:]
        for (new, old) in kept.enumerated() { map[old] = UInt32(new) }
        return Subset(bytes: bytes, glyphMap: map)
    }

    /// An OpenType table tag from its four letters.
    private static func tag(_ name: String) -> hb_tag_t { name.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) } }

    /// Tables a PDF's font program does not need: layout, vertical metrics, and cmap.
    private static let dropped = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "cmap"].map(tag)
    /// Tables that hold outlines: a subset has one of them.
    private static let outlineTables = ["CFF ", "CFF2", "glyf"].map(tag)

    /// A face made of the other tables of `face` (shared, not copied).
    private static func faceWithout(_ tags: [hb_tag_t], of face: OpaquePointer) -> OpaquePointer? {
        guard let builder = hb_face_builder_create() else { return nil }
        var all: [hb_tag_t] = []
        var chunk = [hb_tag_t](repeating: 0, count: 64)
        while true {
            var count = UInt32(chunk.count)
            hb_face_get_table_tags(face, UInt32(all.count), &count, &chunk)
            all += chunk.prefix(Int(count))
            if count < chunk.count { break }
        }
        for tag in all where !tags.contains(tag) {
            let table = hb_face_reference_table(face, tag)
            hb_face_builder_add_table(builder, tag, table)
            hb_blob_destroy(table)
        }
        return builder
    }

    /// The bytes of the subset of `face` holding exactly `kept` (sorted, with .notdef), or nil.
    private static func cut(_ face: OpaquePointer, kept: [UInt32]) -> [UInt8]? {
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        for g in kept { hb_set_add(set, g) }
        hb_set_clear(hb_subset_input_unicode_set(input))
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in dropped { hb_set_add(drop, tag) }
        // Flattening subroutines halves HarfBuzz's time on a CFF font (it need not work out which of the
        // font's thousands of subroutines the kept glyphs call and renumber them), and cairo, which subsets the
        // font again, writes a smaller font program from flat charstrings.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        guard let subset = hb_subset_or_fail(face, input) else { return nil }
        defer { hb_face_destroy(subset) }
        // Without layout tables nothing is added by closure: new ids are the ranks of the kept ids. A subset that
        // lost its outlines (a HarfBuzz that cannot subset this kind of face) is refused.
        guard hb_face_get_glyph_count(subset) == UInt32(kept.count) else { return nil }
        let outlines = outlineTables.contains { tag in
            let table = hb_face_reference_table(subset, tag)
            defer { hb_blob_destroy(table) }
            return hb_blob_get_length(table) > 0
        }
        guard outlines, let out = hb_face_reference_blob(subset) else { return nil }
        defer { hb_blob_destroy(out) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(out, &length), length > 0 else { return nil }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }
}
