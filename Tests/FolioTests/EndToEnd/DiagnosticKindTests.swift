import Foundation
import Testing
import FolioEngine
import FolioLayout
import FolioModel

/// Every kind of warning and finding is produced by a planted fault here, or is listed with why it is not.
@Suite("every diagnostic kind is produced")
struct DiagnosticKindTests {
    /// Kinds no small input provokes, and why.
    static let notProvoked: [DiagnosticKind: String] = [
        .contentsUnsettled: "needs contents whose page numbers keep moving the pagination for every layout pass",
        .overfullLine: "a guard: layout never sets text past the margin (the fuzzers check that it does not)",
        .unsupportedMarkdown: "a guard for block kinds cmark-gfm might add: it parses none that the reader does not set",
        .io: "an error writing outputs, which check does not write (CLITests: --output naming a file)",
        .internalError: "an error that is not the input's: a bug",
        .looseLine: "the composer spreads looseness and letter-spaces a loose paragraph: it takes a word about a line long after a short first line, whose width depends on the fonts",
    ]

    /// A Korean edition (no UN language) with one of each fault in the content, set with a layout that keeps the
    /// UN rules but does not number paragraphs.
    static func plantedFaults() -> [Finding] {
        let table = "| " + Array(repeating: "Extraordinarilylongheadingword", count: 12).joined(separator: " | ") + " |\n|" +
            String(repeating: "---|", count: 12) + "\n| " + Array(repeating: "Anotherextraordinarilylongcell", count: 12).joined(separator: " | ") + " |\n"
        let md = """
        # 가 ![그림](x.png) ![](x.png)

        <div>raw</div>

        사용자 정의 문자 \u{F8FF}, [링크](#nowhere), [실행](javascript:void(0)).[^1]

        누락[^없음], 수식 $x^2$, 방향 제어 \u{202E}.

        [^안씀]: 쓰지 않은 주석.

        [^1]: On the difficulties of verifying DPRK legislation, see Korea Institute for National Unification (KINU), *White Paper on Human Rights in North Korea* (Seoul, 2023), https://www.kinu.or.kr/www/jsp/prg/api/dlV.jsp?menuIdx=351&category=53&thisPage=1&biblioId=1540520 (sample long URL).

        \(String(repeating: "ㅋ", count: 400))

        \(table)
        \(String(repeating: "인권 ", count: 3000))

        ## 끝

        """
        // A logo under the first organisation: the layout has no cover to print it on.
        let dir = Reports.make(id: "faults", editions: ["ko": md], extra: "    logo: logo.svg\n")
        Fixtures.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", to: dir + "/logo.svg")
        let layouts = Fixtures.temporaryFolder("ly")
        Fixtures.write("extends: upr-submission\nnumbered-paragraphs: { enabled: false }\n", to: layouts + "/plain.yaml")
        let broken = Reports.make(id: "model", editions: ["en": "x\n"], extra: "colour: blue\n")
        let checker = Checker(engine: Fixtures.engine)
        return checker.check(directory: dir, layout: layouts + "/plain.yaml").findings + checker.check(directory: broken).findings
    }

    /// A serif family without a bold face, for synthesized bold.
    static func selectorWarnings() throws -> [Warning] {
        var manifest = Fixtures.engine.manifest
        manifest.families["serif"] = ["Latn": "Noto Sans Math", "Hang": "Noto Serif CJK KR"]
        let selector = FontSelector(manifest: manifest, library: Fixtures.engine.fonts, language: "en")
        let bold = SpanStyle(font: TextStyle(family: .serif, size: 10, bold: true, italic: false, color: .black))
        var text = StyledText()
        text.append("Bold", bold)
        let inline = InlineLayout(selector: selector, cache: Fixtures.engine.cache, configuration: ComposerConfiguration(koreanBreaks: .word))
        _ = try inline.layout(text, ParagraphSpec(width: 200, align: .left, lineHeight: 14, baseStyle: bold))
        return selector.warnings
    }

    @Test func everyKindIsProducedOrListedAsNot() throws {
        let findings = Self.plantedFaults()
        let produced = Set(findings.map(\.kind)).union(try Self.selectorWarnings().map(\.kind))
        let listed = Set(Self.notProvoked.keys)
        #expect(produced.isDisjoint(with: listed), "produced now, so no longer to be listed: \(produced.intersection(listed))")
        let missing = Set(DiagnosticKind.allCases).subtracting(produced).subtracting(listed)
        #expect(missing.isEmpty, "neither produced nor listed: \(missing.map(\.rawValue).sorted())\n\(findings.map(\.text).joined(separator: "\n"))")
    }

    @Test func codesAreDistinctAndLowercaseWithHyphens() {
        let codes = DiagnosticKind.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.allSatisfy { ("a"..."z").contains($0) || $0 == "-" } })
    }
}
