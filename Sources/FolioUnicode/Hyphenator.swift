import CHyphen
import FolioSupport
import Synchronization

/// Hyphenation points from libhyphen's pattern dictionaries (Debian's hyphen-en-us, hyphen-fr, …).
/// Unchecked: it owns a C pointer (the HyphenDict), which libhyphen only reads, under the memo's lock.
public final class Hyphenator: @unchecked Sendable {
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    public let path: String
    /// The dictionary's 8-bit character set (Debian's Russian patterns are KOI8-R), nil for UTF-8.
    private let charset: String?
    /// Points already found, by word and limits: words repeat, and libhyphen's lookup is not free.
    private let memo = Mutex<[MemoKey: [Int]]>([:])
    private struct MemoKey: Hashable { var word: [Unicode.Scalar]; var left: Int; var right: Int }

    /// Loads a dictionary file (`/usr/share/hyphen/hyph_en_US.dic`); nil when it cannot be read.
    public init?(path: String) {
        guard let dict = hnj_hyphen_load(path) else { return nil }
        dictionary = dict
        self.path = path
        charset = dict.pointee.utf8 != 0 ? nil : withUnsafeBytes(of: dict.pointee.cset) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self).trimmingSpaces
        }
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// The dictionary for a BCP 47 language, looked up in the hyphen folder ("en" → hyph_en_US.dic).
    public static func forLanguage(_ language: String, folder: String = "/usr/share/hyphen") -> Hyphenator? {
        Cache.shared.forLanguage(language, folder: folder) { lookUp(language, folder: folder) }
    }

    private static func lookUp(_ language: String, folder: String) -> Hyphenator? {
        let lang = language.lowercased().replacingUnderscore
        let primary = String(lang.split(separator: "-").first ?? "")
        let region = lang.split(separator: "-").dropFirst().first.map { String($0).uppercased() }
        let defaults = ["en": "US", "fr": "FR", "de": "DE", "es": "ES", "pt": "PT", "it": "IT", "nl": "NL", "ru": "RU"]
        var names: [String] = []
        if let region { names.append("hyph_\(primary)_\(region).dic") }
        if let d = defaults[primary] { names.append("hyph_\(primary)_\(d).dic") }
        names.append("hyph_\(primary).dic")
        return Cache.shared.get(names.map { folder + "/" + $0 })
    }

    /// Indices (1..<count) before which `word` may be hyphenated, keeping `minLeft` and `minRight` scalars.
    public func points(in word: [Unicode.Scalar], minLeft: Int, minRight: Int) -> [Int] {
        guard word.count >= minLeft + minRight else { return [] }
        let key = MemoKey(word: word, left: minLeft, right: minRight)
        return memo.withLock { memo in
            if let known = memo[key] { return known }
            let found = lookUp(word, minLeft: minLeft, minRight: minRight)
            if memo.count >= 100_000 { memo.removeAll(keepingCapacity: true) }   // bounded, like the shape cache
            memo[key] = found
            return found
        }
    }

    private func lookUp(_ word: [Unicode.Scalar], minLeft: Int, minRight: Int) -> [Int] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(word.count * 2 + 1)
        for s in word {
            if s.isASCII {
                let b = UInt8(s.value)
                utf8.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            } else {
                utf8.append(contentsOf: s.properties.lowercaseMapping.utf8)
            }
        }
        if let charset {
            // One byte per letter in an 8-bit set: the positions below stay per letter.
            guard let bytes = Self.encode(utf8, to: charset), bytes.count == word.count else { return [] }
            utf8 = bytes
        }
        var hyphens = [CChar](repeating: 0, count: utf8.count + 5)
        let length = Int32(utf8.count)
        // libhyphen reads the word as a C string (past word_size): it must end with NUL (found by fuzzing).
        utf8.append(0)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var pos: UnsafeMutablePointer<Int32>? = nil
        var cut: UnsafeMutablePointer<Int32>? = nil
        let status = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                hnj_hyphen_hyphenate3(dictionary, chars.baseAddress, length, &hyphens, nil, &rep, &pos, &cut,
                                      Int32(minLeft), Int32(minRight), Int32(minLeft), Int32(minRight))
            }
        }
        // Non-standard hyphenation (replacements) is not used: free what libhyphen allocated and skip such points.
        if let rep {
            for i in 0..<Int(length) { free(rep[i]) }
            free(rep)
        }
        free(pos); free(cut)
        guard status == 0 else { return [] }
        // For UTF-8 dictionaries libhyphen reports positions per character: hyphens[i] odd = break after i.
        var out: [Int] = []
        for i in 0..<(word.count - 1) where Int(hyphens[i]) & 1 == 1 {
            let at = i + 1
            if at >= minLeft && word.count - at >= minRight { out.append(at) }
        }
        return out
    }

    /// UTF-8 bytes in an 8-bit character set through iconv; nil when a letter has no byte there.
    private static func encode(_ utf8: [UInt8], to charset: String) -> [UInt8]? {
        let cd = iconv_open(charset, "UTF-8")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = utf8.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: utf8.count + 1)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress, inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let written else { return nil }
        return output.prefix(written).map { UInt8(bitPattern: $0) }
    }

    /// Loaded dictionaries by path, shared by the process.
    final class Cache: Sendable {
        static let shared = Cache()
        /// Each dictionary file, loaded once (nil: missing or unreadable).
        private let files = OnceMap<String, Hyphenator?>()
        /// What each (language, folder) resolved to: every paragraph asks.
        private let languages = OnceMap<String, Hyphenator?>()

        func forLanguage(_ language: String, folder: String, resolve: () -> Hyphenator?) -> Hyphenator? {
            (try? languages.value(for: language + "\u{0}" + folder) { resolve() }) ?? nil
        }

        func get(_ candidates: [String]) -> Hyphenator? {
            for path in candidates {
                let h = (try? files.value(for: path) { access(path, R_OK) == 0 ? Hyphenator(path: path) : nil }) ?? nil
                if let h { return h }
            }
            return nil
        }
    }
}

extension String {
    var replacingUnderscore: String { String(map { $0 == "_" ? "-" : $0 }) }
    var trimmingSpaces: String { String(self.drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed()) }
}

#if canImport(Glibc)
import Glibc
#endif
