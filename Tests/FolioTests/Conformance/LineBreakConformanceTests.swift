import Foundation
import Testing
import FolioUnicode

/// Runs the Unicode line-breaking conformance test (Debian's unicode-data package ships it) through
/// Folio's break-opportunity layer in its plain UAX #14 mode, i.e. ICU without Folio's rules on top.
@Suite("UAX #14 conformance (LineBreakTest.txt)")
struct LineBreakConformanceTests {
    static let file = "/usr/share/unicode/auxiliary/LineBreakTest.txt"

    /// Cases where ICU 72 knowingly departs from the UAX #14 reference rules, with the reason.
    /// Each is a test line number of LineBreakTest-15.0.0.txt.
    /// ICU tailors rule LB25 (numbers) with a regular-expression form that UAX #14 permits ("implementations may
    /// tailor LB25"): a hyphen-minus or comma directly before a digit, and a full stop between a letter and a
    /// digit, keep to the number ("-5", ",0", "a.2"), where the reference rules allow a break.
    static let numericTailoring = "ICU's LB25 tailoring keeps HY/IS before a digit with the number"
    static let knownDepartures: [Int: String] = Dictionary(uniqueKeysWithValues:
        [2265, 2267, 2421, 2423, 2425, 2427, 2429, 2431, 2873, 2875, 7477,
         7576, 7577, 7578, 7579, 7580, 7581, 7583, 7584, 7585, 7586, 7587].map { ($0, numericTailoring) })

    struct Case { var line: Int; var scalars: [Unicode.Scalar]; var breaks: [Int] }

    static func cases() throws -> [Case] {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var out: [Case] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard tokens.count >= 3 else { continue }
            var scalars: [Unicode.Scalar] = []
            var breaks: [Int] = []
            for token in tokens.dropFirst() {
                if token == "÷" { breaks.append(scalars.count) }
                else if token == "×" { continue }
                else if let v = UInt32(token, radix: 16), let s = Unicode.Scalar(v) { scalars.append(s) }
            }
            out.append(Case(line: n + 1, scalars: scalars, breaks: breaks))
        }
        return out
    }

    @Test func everyCasePassesOrIsAKnownDeparture() throws {
        guard FileManager.default.fileExists(atPath: Self.file) else {
            Issue.record("\(Self.file) is missing: install Debian's unicode-data (make test does)")
            return
        }
        let cases = try Self.cases()
        #expect(cases.count > 7000)
        var failures: [String] = []
        for c in cases where Self.knownDepartures[c.line] == nil {
            let got = try LineBreakOpportunities.find(in: c.scalars, locale: "en").map(\.index)
            if got != c.breaks {
                failures.append("line \(c.line): expected \(c.breaks) got \(got) for \(c.scalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))")
        // The departures must still be departures: if ICU changes, the list must be revisited.
        let byLine = Dictionary(uniqueKeysWithValues: cases.map { ($0.line, $0) })
        for line in Self.knownDepartures.keys.sorted() {
            let c = try #require(byLine[line])
            #expect(try LineBreakOpportunities.find(in: c.scalars, locale: "en").map(\.index) != c.breaks, "line \(line) now passes")
        }
    }
}
