import FolioFonts
import FolioUnicode
#if canImport(Glibc)
import Glibc
#endif

/// Shaped text by (face, script, language, text): words repeat, so most shaping is a lookup.
/// Shared by every edition and job of a process.
public final class ShapeCache: @unchecked Sendable {
    struct Key: Hashable {
        var face: ObjectIdentifier
        var script: UInt32
        var language: String
        var text: [UInt8]

        // Every word goes through this table: hash and compare the text as bytes, not element by element.
        func hash(into hasher: inout Hasher) {
            hasher.combine(face)
            hasher.combine(script)
            text.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        static func == (a: Key, b: Key) -> Bool {
            guard a.face == b.face, a.script == b.script, a.text.count == b.text.count, a.language == b.language else { return false }
            if a.text.isEmpty { return true }
            return a.text.withUnsafeBytes { x in b.text.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
    }
    private var entries: [Key: ShapedGlyphs] = [:]
    private let lock = Lock()
    public private(set) var hits = 0
    public private(set) var misses = 0
    /// Entries kept before the cache starts afresh: a long batch over many reports (or a fuzzer) must not
    /// grow it without bound. A report's vocabulary is a few thousand words; this holds dozens of reports.
    public static let capacity = 100_000

    public init() {}

    /// The glyphs of `utf8` in `face`, shaping on first use.
    public func shape(_ utf8: [UInt8], face: FontFace, script: ScriptTag, language: String) -> ShapedGlyphs {
        let key = Key(face: ObjectIdentifier(face), script: script.rawValue, language: language, text: utf8)
        if let hit = lock.withLock({ () -> ShapedGlyphs? in
            let found = entries[key]
            if found != nil { hits += 1 }
            return found
        }) {
            return hit
        }
        let shaped = face.shape(utf8: utf8, script: script, language: language)
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = shaped
            misses += 1
        }
        return shaped
    }
}
