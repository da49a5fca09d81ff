import Foundation

/// A report's Markdown source as the words a reader should find in its PDF.
struct SourceText {
    /// The source's words, markup dropped, in the form `SourceText.words(in:)` gives.
    let words: [String]
    /// The source with every run of white space made one space and emphasis marks dropped: two syllables are
    /// one word here when they stand together.
    let flat: String

    init(markdownFile path: String) throws {
        self.init(markdown: try String(contentsOfFile: path, encoding: .utf8))
    }

    init(markdown text: String) {
        var prose = text.replacingMatches(of: #"<!--.*?-->"#, with: " ", options: .dotMatchesLineSeparators)
        prose = prose.replacingMatches(of: #"^\[\^[^\]]+\]:"#, with: " ", options: .anchorsMatchLines)   // footnote definitions
        prose = prose.replacingMatches(of: #"\[\^[^\]]+\]"#, with: " ")                                  // footnote marks
        prose = prose.replacingMatches(of: #"\]\([^)]*\)"#, with: "] ")                                  // link targets
        prose = prose.replacingMatches(of: #"[#*_`>|\[\]]"#, with: " ")
        words = Self.words(in: prose)
        flat = text.precomposedStringWithCanonicalMapping.replacingMatches(of: #"\s+"#, with: " ").replacingMatches(of: "[*_`]", with: "")
    }

    /// Words as compared: NFC, lower case, curly apostrophes straight, soft hyphens dropped, punctuation at either
    /// end stripped; words of one character and table rules (`---`, `:-:`) left out.
    static func words(in text: String) -> [String] {
        let edges = Set(".,;:!?()\"'“”‘’«»-–—…·/")
        let normal = text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{00AD}", with: "")
        return normal.split(whereSeparator: \.isWhitespace).compactMap { piece in
            var word = Substring(piece)
            while let c = word.first, edges.contains(c) { word = word.dropFirst() }
            while let c = word.last, edges.contains(c) { word = word.dropLast() }
            guard word.unicodeScalars.count >= 2, !word.allSatisfy({ "-=:|".contains($0) }) else { return nil }
            return word.lowercased()
        }
    }
}

extension String {
    /// Every match of a regular expression replaced by a template.
    func replacingMatches(of pattern: String, with template: String, options: NSRegularExpression.Options = []) -> String {
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        return regex.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }

    /// Whether a regular expression matches the whole string.
    func wholly(matches pattern: String) -> Bool {
        range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
    }
}

extension Unicode.Scalar {
    /// A precomposed Hangul syllable (가–힣).
    var isHangulSyllable: Bool { (0xAC00...0xD7A3).contains(value) }
    /// Any Hangul letter: syllables, conjoining jamo and compatibility jamo.
    var isHangul: Bool { isHangulSyllable || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value) }
}
