import Testing
import FolioDisplay
@testable import FolioLayout
import FolioModel

/// Word spaces and letter-spacing spread evenly over a paragraph's lines (issue 20: loose lines, uneven Hangul).
@Suite("even spacing of justified lines")
struct EvenSpacingTests {
    typealias Item = ParagraphItems.Item

    static func box(_ w: Double) -> Item { .box(.init(range: 0..<1, run: 0, width: w, utf8: [], glyphs: [], scale: 1)) }
    static let space: Item = .glue(.init(range: 0..<1, run: 0, width: 0, stretch: 1, shrink: 0))

    @Test func looseLinesShareTheirLooseness() throws {
        // 80 10 10 | 60 10 | 50 on a 100-wide line: "80 10 10" fills a line exactly and leaves "60 10" stretched
        // 30 times its stretch; "80 10" and "10 60 10" stretch 10 times each. Both are past TeX's "infinitely bad",
        // where badness used to stop growing, so the first looked as good as the second.
        let items: [Item] = [Self.box(80), Self.space, Self.box(10), Self.space, Self.box(10), Self.space, Self.box(60),
                             Self.space, Self.box(10), Self.space, Self.box(50), .penalty(.init(cost: -.infinity, forced: true))]
        var p = KnuthPlass.Parameters()
        p.tolerance = 10000
        #expect(KnuthPlass.breaks(items, width: { _ in 100 }, parameters: p) == [3, 9, 11])
    }

    /// Lines of a paragraph set by a layout's composer.
    func set(_ runs: [(String, Bool)], language: String, width: Double, size: Double) throws -> [LineBox] {
        let (_, selector) = Fixtures.inline(language: language)
        let layout = try Fixtures.engine.layouts.load("upr-submission", language: language)
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(layout))
        let font = TextStyle(family: .serif, size: size, bold: false, italic: false, color: .black)
        var text = StyledText()
        for (s, bold) in runs {
            var f = font
            f.bold = bold
            text.append(s, SpanStyle(font: f))
        }
        return try inline.layout(text, ParagraphSpec(width: width, align: .justify, lineHeight: size * 1.4,
                                                     baseStyle: SpanStyle(font: font))).lines
    }

    @Test func englishSpacesStayUnderTwiceTheirWidth() throws {
        // The sample's paragraph whose first line had spaces twice their width (0.52 em).
        let lines = try set([("Coercion during pre-trial investigation.", true), (" Many interviewees reported that they were beaten, forced to sit motionless for long periods, deprived of food and sleep, and threatened with harm to family members during the preliminary examination (예심) in holding centres (구류장). Confessions obtained in this way were then used as the principal basis for conviction. One former detainee told NKDB:", false)],
                            language: "en", width: 453.5, size: 10.5)
        #expect(lines.count > 3)
        for line in lines.dropLast() { #expect(line.looseness < 1.7, "\(lineText(line))") }
    }

    /// The distance from each Hangul syllable to the next one in its word, in em, over all lines.
    static func syllablePitches(_ lines: [LineBox], size: Double) -> [Double] {
        var out: [Double] = []
        for line in lines {
            for case .glyphs(let run) in line.items {
                let scalars = Array(run.text.unicodeScalars)
                var s = 0, g = 0
                var previous: Double? = nil
                for cluster in run.clusters {
                    let first = scalars[s]
                    let hangul = first.value >= 0xAC00 && first.value <= 0xD7A3 && cluster.glyphs == 1
                    if hangul, let x = previous { out.append((run.glyphs[g].x - x) / size) }
                    previous = hangul ? run.glyphs[g].x : nil
                    s += Self.scalarCount(scalars, from: s, bytes: cluster.bytes)
                    g += cluster.glyphs
                }
            }
        }
        return out
    }

    /// How many scalars starting at `from` make up `bytes` UTF-8 bytes.
    static func scalarCount(_ scalars: [Unicode.Scalar], from: Int, bytes: Int) -> Int {
        var n = 0, b = 0
        while b < bytes, from + n < scalars.count { b += scalars[from + n].utf8.count; n += 1 }
        return n
    }

    @Test func hangulSyllablesAreSpacedAlikeOnEveryLine() throws {
        let text = "북한은 2019년 제3주기 보편적 정례인권검토에서 받은 권고 가운데 공정한 재판 보장과 법 집행 및 사법 인력에 대한 인권 교육에 관한 여러 권고를 수용하였다. 그러나 자유권위원회(Human Rights Committee)에 제출해야 할 정기 보고서는 여전히 제출되지 않았으며, 평양문화어보호법(Pyongyang Cultural Language Protection Act)은 남한식 말투를 쓰는 사람을 처벌하고 있다. 면접 참여자들은 구류장과 집결소에서 예심 기간 동안 구타와 수면 박탈을 겪었다고 진술하였다."
        let lines = try set([(text, false)], language: "ko", width: 260, size: 10)
        #expect(lines.count > 5)
        let pitches = Self.syllablePitches(Array(lines.dropLast()), size: 10)
        #expect(pitches.count > 50)
        let spread = (pitches.max() ?? 0) - (pitches.min() ?? 0)
        #expect(spread <= 0.03 + 1e-9, "syllable advance spread \(spread) em")
    }

    @Test func theSampleSpacesSyllablesAlikeInEveryParagraph() throws {
        // The Korean edition as upr-submission sets it (body 10 pt, lines 15 pt apart): body lines whose baselines
        // are one line apart belong to one paragraph; the distance between consecutive Hangul syllables of a word
        // may differ by at most 0.03 em between the lines of a paragraph (the last line, set ragged, left out).
        let md = try String(contentsOfFile: Fixtures.sample + "/content/ko.md", encoding: .utf8)
        let (doc, _) = try layOut(md, language: "ko")
        var worst = 0.0, paragraphs = 0
        for page in doc.pages {
            var lines: [Double: [GlyphRun]] = [:]
            for case .glyphs(let run) in page.items where run.size == 10 { lines[run.origin.y, default: []].append(run) }
            var paragraph: [[Double]] = []
            var lastY = -100.0
            func close() {
                let set = paragraph.dropLast().flatMap { $0 }
                if paragraph.count > 2, let lo = set.min(), let hi = set.max() { worst = max(worst, hi - lo); paragraphs += 1 }
                paragraph = []
            }
            for y in lines.keys.sorted() {
                if abs(y - lastY - 15) > 0.01 { close() }
                let line = [LineBox(height: 15, baseline: 0, items: lines[y]!.map { .glyphs($0) }, width: 0, contentWidth: 0, footnotes: [], justified: true)]
                paragraph.append(Self.syllablePitches(line, size: 10))
                lastY = y
            }
            close()
        }
        #expect(paragraphs > 15)
        #expect(worst <= 0.03 + 1e-6, "widest spread of the syllable advance in a paragraph: \(worst) em")
    }
}
