import FolioModel
import Synchronization

/// Set paragraphs by content: a paragraph's lines depend only on its styled text, its spec (width, alignment,
/// leading, base style), the edition's language and the composer's settings, so a process that lays out the same
/// edition again after an edit (`folio watch`) takes every unchanged paragraph from here and sets only the changed
/// ones. Results are the very values a fresh layout makes: output is byte-identical with or without the cache.
/// The fonts are the engine's, which owns the cache, so they are not part of the key.
public final class ParagraphCache: Sendable {
    struct Key: Hashable {
        /// The language and the composer's settings (ComposerConfiguration's description).
        var scope: String
        var scalars: [Unicode.Scalar]
        var styleOf: [Int32]
        var styles: [SpanStyle]
        var spec: ParagraphSpec
    }
    private let table = Mutex<[Key: InlineLayout.Result]>([:])
    private let counts = Mutex<(hits: Int, misses: Int)>((0, 0))
    /// Paragraphs kept before the table starts afresh: a few long reports' worth.
    public static let capacity = 20_000

    public init() {}

    static func key(_ text: StyledText, _ spec: ParagraphSpec, scope: String) -> Key {
        Key(scope: scope, scalars: text.scalars, styleOf: text.styleOf, styles: text.styles, spec: spec)
    }

    func lookup(_ key: Key) -> InlineLayout.Result? {
        let hit = table.withLock { $0[key] }
        counts.withLock { hit == nil ? ($0.misses += 1) : ($0.hits += 1) }
        return hit
    }

    func store(_ result: InlineLayout.Result, for key: Key) {
        table.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = result
        }
    }

    /// Paragraphs found and paragraphs set since the cache was made (for benchmarks and tests).
    public var statistics: (hits: Int, misses: Int) { counts.withLock { $0 } }
}
