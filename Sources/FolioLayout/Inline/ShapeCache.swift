import FolioFonts
import FolioUnicode
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Shaped text by (face, script, language, text): words repeat, so most shaping is a lookup.
/// Shared by every edition and job of a process.
public final class ShapeCache: Sendable {
    struct Key: Hashable {
        var face: ObjectIdentifier
        var script: UInt32
        /// What else the value depends on: 0 for plain shaping, the hyphenation settings for a word.
        var variant: UInt32
        var language: String
        var text: [UInt8]
        /// The key's hash, computed once: the table hashes it again on lookup, and equality checks it first, so
        /// keys that merely share a probe sequence are told apart without comparing their text.
        let digest: Int

        init(face: ObjectIdentifier, script: UInt32, variant: UInt32, language: String, text: [UInt8]) {
            self.face = face; self.script = script; self.variant = variant; self.language = language; self.text = text
            var hasher = Hasher()
            hasher.combine(face)
            hasher.combine(UInt64(script) << 32 | UInt64(variant))
            text.withUnsafeBytes { hasher.combine(bytes: $0) }
            digest = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func == (a: Key, b: Key) -> Bool {
            guard a.digest == b.digest, a.face == b.face, a.script == b.script, a.variant == b.variant,
                  a.text.count == b.text.count, a.language == b.language else { return false }
            if a.text.isEmpty { return true }
            return a.text.withUnsafeBytes { x in b.text.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
    }
    /// One part of the tables, each table in its own lock: paragraphs are set on several threads at once, and one
    /// lock for every word made them queue.
    private final class Shard: Sendable {
        let glyphs = Mutex<[Key: ShapedGlyphs]>([:])
        let words = Mutex<[Key: ShapedWord]>([:])
        let singles = Mutex<[SingleKey: ShapedWord]>([:])

        /// The value for `key` in `table`, made by `make` (outside the lock) on first use. A table starts afresh
        /// when full: a long batch over many reports (or a fuzzer) must not grow it without bound.
        func value<K: Hashable & Sendable, V: Sendable>(_ table: borrowing Mutex<[K: V]>, _ key: K, make: () -> V) -> V {
            if let hit = table.withLock({ $0[key] }) { return hit }
            let made = make()
            table.withLock { entries in
                if entries.count >= ShapeCache.capacity / ShapeCache.shardCount { entries.removeAll(keepingCapacity: true) }
                entries[key] = made
            }
            return made
        }
    }

    /// A one-character word (a Hangul syllable between two syllable breaks, a digit, a mark of punctuation): keyed
    /// without a byte array, since Korean text asks for one per syllable.
    struct SingleKey: Hashable {
        var face: ObjectIdentifier
        var scriptAndScalar: UInt64
        var variant: UInt32
        var language: String
    }
    private let shards: [Shard] = (0..<ShapeCache.shardCount).map { _ in Shard() }
    private static let shardCount = 16
    /// Entries kept (in each of the tables) before it starts afresh. A report's vocabulary is a few thousand
    /// words; this holds dozens of reports.
    public static let capacity = 100_000
    /// Marks a key's variant as text shaped right to left (hyphenation variants use the low 25 bits).
    static let rightToLeftBit: UInt32 = 1 << 31

    public init() {}

    private func shard(_ key: Key) -> Shard { shards[Int(UInt(bitPattern: key.digest) % UInt(Self.shardCount))] }

    /// The glyphs of `utf8` in `face`, shaping on first use.
    public func shape(_ utf8: [UInt8], face: FontFace, script: ScriptTag, language: String, rightToLeft: Bool = false) -> ShapedGlyphs {
        let key = Key(face: ObjectIdentifier(face), script: script.rawValue, variant: rightToLeft ? Self.rightToLeftBit : 0,
                      language: language, text: utf8)
        let shard = shard(key)
        return shard.value(shard.glyphs, key) { face.shape(utf8: utf8, script: script, language: language, rightToLeft: rightToLeft) }
    }

    /// A one-character word, shaped on first use by `make`.
    func single(_ scalar: Unicode.Scalar, face: FontFace, script: ScriptTag, language: String, hyphenation: UInt32,
                make: () -> ShapedWord) -> ShapedWord {
        let key = SingleKey(face: ObjectIdentifier(face), scriptAndScalar: UInt64(script.rawValue) << 32 | UInt64(scalar.value),
                            variant: hyphenation, language: language)
        let shard = shards[Int(scalar.value % UInt32(Self.shardCount))]
        return shard.value(shard.singles, key, make: make)
    }

    /// A word shaped (and hyphenated, when `hyphenation` is not 0) on first use by `make`.
    func word(_ utf8: [UInt8], face: FontFace, script: ScriptTag, language: String, hyphenation: UInt32,
              make: () -> ShapedWord) -> ShapedWord {
        let key = Key(face: ObjectIdentifier(face), script: script.rawValue, variant: hyphenation, language: language, text: utf8)
        let shard = shard(key)
        return shard.value(shard.words, key, make: make)
    }
}

/// A word (the text between two break opportunities) shaped once per face and split at its hyphenation points:
/// words repeat, and one lookup replaces a shaping lookup per piece plus the hyphenation and hyphen lookups.
/// Text shaped on its own: its UTF-8 source, its glyphs and their advance in font units.
struct ShapedText: Sendable {
    var utf8: [UInt8]
    var glyphs: [ShapedGlyph]
    var advance: Int32
}

final class ShapedWord: Sendable {
    /// A piece between two hyphenation points (the whole word when it has none).
    struct Piece: Sendable {
        var scalars: Int
        var utf8: [UInt8]
        var glyphs: [ShapedGlyph]
        var advance: Int32
        /// What the piece set alone is wider than as part of the word (a kerning pair across the hyphenation point
        /// after it), in font units: the hyphen goes that much further right when a line breaks there.
        var breakAdvance: Int32 = 0
        /// Whether the word may break (with a hyphen) before this piece; pieces around a ligature meet without.
        var cutBefore = true
        /// For a ligature holding a hyphenation point: the parts before and after the point, each shaped alone.
        var split: Split? = nil
        /// The two parts of a ligature, apart (a class: most pieces have none, and stay small).
        final class Split: Sendable {
            let pre: ShapedText, post: ShapedText
            init(pre: ShapedText, post: ShapedText) { self.pre = pre; self.post = post }
        }
    }
    let pieces: [Piece]
    /// The hyphen set at a break between two pieces, in the word's face (empty when there is one piece).
    let hyphen: [ShapedGlyph]
    let hyphenAdvance: Int32

    init(pieces: [Piece], hyphen: [ShapedGlyph]) {
        self.pieces = pieces
        self.hyphen = hyphen
        hyphenAdvance = hyphen.reduce(0) { $0 + $1.advance }
    }
}
