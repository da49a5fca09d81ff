import Testing
@testable import FolioModel

/// The CJK-friendly amendment of CommonMark's emphasis, as the pass after cmark-gfm applies it.
@Suite("CJK-friendly emphasis")
struct CJKEmphasisTests {
    /// The first paragraph's inlines written back as Markdown-like text: `<em>…</em>`, `<strong>…</strong>`.
    func shape(_ markdown: String) throws -> String {
        var reader = MarkdownReader(file: "t.md")
        let doc = try reader.read(Array(markdown.utf8))
        guard case .paragraph(let inlines, _) = doc.blocks.first else { return "" }
        return Self.render(inlines)
    }

    static func render(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let t): return t
            case .emphasis(let c): return "<em>" + render(c) + "</em>"
            case .strong(let c): return "<strong>" + render(c) + "</strong>"
            case .strikethrough(let c): return "<del>" + render(c) + "</del>"
            case .code(let c): return "<code>" + c + "</code>"
            case .link(_, let c): return "<a>" + render(c) + "</a>"
            case .footnoteReference(let n): return "[\(n)]"
            case .softBreak: return "\n"
            case .lineBreak: return "<br>"
            case .image(let i): return "<img " + i.path + ">"
            }
        }.joined()
    }

    @Test func koreanParticleAfterPunctuation() throws {
        #expect(try shape("*강제송환 금지 원칙(non-refoulement)*을 지켜야 한다.\n") == "<em>강제송환 금지 원칙(non-refoulement)</em>을 지켜야 한다.")
        #expect(try shape("**이 용어(This term)**를 강조해 주세요.\n") == "<strong>이 용어(This term)</strong>를 강조해 주세요.")
        #expect(try shape("패키지를 발행하려면 **`npm publish`**를 실행하십시오.\n") == "패키지를 발행하려면 <strong><code>npm publish</code></strong>를 실행하십시오.")
    }

    @Test func japaneseAndChinese() throws {
        #expect(try shape("**この文を強調できますか(Can I emphasize this sentence)?**残念ながら。\n")
                == "<strong>この文を強調できますか(Can I emphasize this sentence)?</strong>残念ながら。")
        #expect(try shape("これは**私のやりたかったこと。**だからするの。\n") == "これは<strong>私のやりたかったこと。</strong>だからするの。")
        #expect(try shape("我可以强调**这个`code`**吗?\n") == "我可以强调<strong>这个<code>code</code></strong>吗?")
        #expect(try shape("太郎は**「こんにちわ」**といった\n") == "太郎は<strong>「こんにちわ」</strong>といった")
    }

    @Test func nestedStrongAndEmphasis() throws {
        #expect(try shape("***강조(A)***를 보라.\n") == "<em><strong>강조(A)</strong></em>를 보라.")
        #expect(try shape("**원칙(*non-refoulement*)**을 지킨다.\n") == "<strong>원칙(<em>non-refoulement</em>)</strong>을 지킨다.")
        #expect(try shape("*앞(A)* 그리고 **뒤(B)**는\n") == "<em>앞(A)</em> 그리고 <strong>뒤(B)</strong>는")
    }

    @Test func acrossLinesInQuotesAndCells() throws {
        #expect(try shape("첫 줄\n  둘째 *줄(x)*을 본다\n") == "첫 줄\n둘째 <em>줄(x)</em>을 본다")
        var reader = MarkdownReader(file: "t.md")
        let doc = try reader.read(Array("> 인용 *문(A)*을\n\n| 가 |\n|---|\n| *셀(B)*을 |\n".utf8))
        guard case .quote(let q, _) = doc.blocks[0], case .paragraph(let p, _) = q[0], case .table(let t) = doc.blocks[1] else {
            Issue.record("no quote or table"); return
        }
        #expect(Self.render(p) == "인용 <em>문(A)</em>을")
        #expect(Self.render(t.rows[0][0]) == "<em>셀(B)</em>을")
    }

    @Test func besideSmartQuotesDashesAndInHeadings() throws {
        #expect(try shape("\"따옴표\"와 *강조(A)*를 -- 본다...\n") == "“따옴표”와 <em>강조(A)</em>를 – 본다…")
        var reader = MarkdownReader(file: "t.md")
        let doc = try reader.read(Array("# *제목(A)*을 보라\n".utf8))
        guard case .heading(let h) = doc.blocks.first else { Issue.record("no heading"); return }
        #expect(Self.render(h.content) == "<em>제목(A)</em>을 보라")
    }

    @Test func staysLiteral() throws {
        // Escaped asterisks are text, whatever surrounds them.
        #expect(try shape("\\*원칙(A)\\*을 본다.\n") == "*원칙(A)*을 본다.")
        // Arithmetic with spaces, and a lone asterisk.
        #expect(try shape("2 * 3 * 4 = 24, 별표(*)는\n") == "2 * 3 * 4 = 24, 별표(*)는")
        // `_` inside words stays, in Korean as in English.
        #expect(try shape("snake_case_name 과 한국_어_를\n") == "snake_case_name 과 한국_어_를")
        // Between ASCII letters and punctuation nothing changes: the amendment only concerns CJK neighbours.
        #expect(try shape("*foo(bar)*baz\n") == "*foo(bar)*baz")
        // In code nothing is emphasis.
        #expect(try shape("`*코드(A)*를`\n") == "<code>*코드(A)*를</code>")
    }

    /// CommonMark itself makes `2*3*4` emphasis (intraword `*` flanks on both sides); the amendment keeps it so, and
    /// the pass leaves cmark-gfm's pairs as they are.
    @Test func intrawordAsteriskIsCommonMarksEmphasis() throws {
        #expect(try shape("2*3*4\n") == "2<em>3</em>4")
    }

    @Test func flankingRules() {
        let v = CJKFlanking.verdict
        // `)*을`: closes (Hangul after), and opens (not followed by punctuation).
        #expect(v("*", [")"], "을") == .init(canOpen: true, canClose: true))
        // `)*a`: standard CommonMark: opens only.
        #expect(v("*", [")"], "a") == .init(canOpen: true, canClose: false))
        // `다*(`: opens before punctuation because a CJK character precedes.
        #expect(v("*", ["다"], "(") == .init(canOpen: true, canClose: true))
        // A variation selector belongs to the character before it.
        #expect(v("*", ["\u{FE00}", "葛"], "(") == .init(canOpen: true, canClose: true))
        #expect(CJKFlanking.isCJK("가") && CJKFlanking.isCJK("。") && CJKFlanking.isCJK("ｶ") && !CJKFlanking.isCJK("a") && !CJKFlanking.isCJK("😀"))
    }
}
