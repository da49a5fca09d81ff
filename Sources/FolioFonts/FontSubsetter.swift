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
    public struct Subset {
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
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let kept = ([0] + glyphs.filter { $0 != 0 }).sorted()
        let set = hb_subset_input_glyph_set(input)
        for g in kept { hb_set_add(set, g) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        // cmap goes too, with the Unicode set emptied: HarfBuzz would otherwise map all of the font's ~45,000
        // code points back to the kept glyphs, and the PDF's text comes from the ToUnicode map cairo writes from
        // the clusters Folio gives it, never from the font.
        hb_set_clear(hb_subset_input_unicode_set(input))
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "cmap"] {
            hb_set_add(drop, tag.utf8.reduce(0) { ($0 << 8) | UInt32($1) })
        }
        // Flattening subroutines halves HarfBuzz's time on a CFF font (it need not work out which of the
        // font's thousands of subroutines the kept glyphs call and renumber them), and cairo, which subsets the
        // font again, writes a smaller font program from flat charstrings (Korean sample: 207 → 190 KB PDF).
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        guard let subset = hb_subset_or_fail(face, input) else { return nil }
        defer { hb_face_destroy(subset) }
        // Without layout tables nothing is added by closure: new ids are the ranks of the kept ids.
        guard hb_face_get_glyph_count(subset) == UInt32(kept.count) else { return nil }
        guard let out = hb_face_reference_blob(subset) else { return nil }
        defer { hb_blob_destroy(out) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(out, &length), length > 0 else { return nil }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
        var map: [UInt32: UInt32] = [:]
        for (new, old) in kept.enumerated() { map[old] = UInt32(new) }
        return Subset(bytes: bytes, glyphMap: map)
    }
}
