import Foundation
import FolioDisplay
import FolioLayout
import FolioModel

/// A finding of `folio check`: where, how bad, what.
public struct Finding: Sendable {
    /// Errors fail the check; warnings are risks; notes inform.
    public enum Severity: String, Sendable { case error, warning, note }
    public var severity: Severity
    /// A stable kind for machines: "model", "layout", "missing-character", "loose-line", "word-limit", …
    public var kind: String
    public var message: String
    public var location: SourceLocation?
    public var edition: String?

    public var text: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): " + (edition.map { "[\($0)] " } ?? "") + message
    }
}

/// Everything wrong or risky in a report, without writing a PDF: model and layout errors, characters no
/// font has, loose or overfull lines, headings at a page's end, broken internal links, and the submission
/// rules of the layout (word limit, numbered paragraphs, language).
public struct Checker {
    public let engine: Engine
    public init(engine: Engine) { self.engine = engine }

    /// Findings and per-edition figures (pages, words).
    public func check(directory: String, editions: [String] = [], layout: String? = nil) -> (findings: [Finding], figures: [(edition: String, pages: Int, words: Int)]) {
        var findings: [Finding] = []
        var figures: [(String, Int, Int)] = []
        var languageRule: [String]? = nil
        let report: Report
        do { report = try Report.load(directory: directory) } catch {
            findings.append(Self.finding(error, kind: "model", edition: nil))
            return (findings, figures)
        }
        for edition in report.editions where editions.isEmpty || editions.contains(edition.code) {
            let laid: Engine.LaidOut
            do { laid = try engine.layOut(report: report, edition: edition, layoutName: layout) } catch {
                findings.append(Self.finding(error, kind: "model", edition: edition.code))
                continue
            }
            let code = edition.code
            for w in laid.warnings {
                let kind = w.message.hasPrefix("no font has") ? "missing-character" : "layout"
                findings.append(Finding(severity: .warning, kind: kind, message: w.message, location: w.location, edition: code))
            }
            for note in laid.layoutReport.emergencyNotes {
                findings.append(Finding(severity: .warning, kind: "word-broken", message: note.message, location: note.location, edition: code))
            }
            var seen = Set<SourceLocation>()
            for at in laid.layoutReport.lineStats.loose where seen.insert(at).inserted {
                findings.append(Finding(severity: .warning, kind: "loose-line",
                                        message: "a very loose line (spaces more than twice their width): rephrase, or allow hyphenation",
                                        location: at, edition: code))
            }
            findings += overfull(laid, edition: code)
            for (i, page) in laid.layoutReport.pageMap.enumerated() where page.endsWithHeading {
                findings.append(Finding(severity: .warning, kind: "heading-at-page-end", message: "page \(i + 1) ends with a heading",
                                        location: page.lastSource, edition: code))
            }
            // Internal links must land somewhere.
            let document = laid.content
            let anchors = Set(document.headings.map(\.anchor))
            for link in document.links where link.url.hasPrefix("#") {
                let anchor = String(link.url.dropFirst())
                if !anchors.contains(anchor) {
                    findings.append(Finding(severity: .error, kind: "broken-link",
                                            message: "link to '#\(anchor)' has no heading with that anchor" +
                                                (Spelling.nearest(to: anchor, in: Array(anchors)).map { "; did you mean '#\($0)'?" } ?? ""),
                                            location: link.at, edition: code))
                }
            }
            // The layout's submission rules.
            let rules = laid.layout.checks
            let words = document.wordCount(includeFootnotes: rules.countFootnotes)
            let joint = report.organizations.count > 1
            let limit = joint ? rules.wordLimitJoint : rules.wordLimit
            if limit > 0 && words > limit {
                findings.append(Finding(severity: .error, kind: "word-limit",
                                        message: "\(words) words, over the limit of \(limit) for \(joint ? "a joint" : "an individual") submission (\(rules.countFootnotes ? "footnotes included" : "footnotes not counted"); headings, lists, quotes and tables count)",
                                        location: SourceLocation(file: report.fileName(of: edition), line: 0, column: 0), edition: code))
            }
            if rules.numberedParagraphs && !laid.layout.numberedParagraphs.enabled {
                findings.append(Finding(severity: .error, kind: "numbered-paragraphs",
                                        message: "submissions must number their paragraphs: the layout '\(laid.layout.name)' does not",
                                        location: report.location(ofField: ["layout"]), edition: code))
            }
            if !rules.languages.isEmpty { languageRule = rules.languages }
            figures.append((code, laid.document.pages.count, words))
        }
        // A submission needs one edition in a language the UN accepts; other editions are for other readers.
        if let accepted = languageRule, !report.editions.contains(where: { accepted.contains(String($0.lang.prefix(2))) }) {
            findings.append(Finding(severity: .error, kind: "language",
                                    message: "no edition is in a language the UN accepts for submissions (\(accepted.joined(separator: ", "))): add one",
                                    location: report.location(ofField: ["editions"]), edition: nil))
        }
        return (findings, figures)
    }

    /// Text that reaches past the text block's right edge (which layout should never produce).
    private func overfull(_ laid: Engine.LaidOut, edition: String) -> [Finding] {
        let p = laid.layout.page
        let right = p.width.points - p.marginOuter.points
        var out: [Finding] = []
        for (i, page) in laid.document.pages.enumerated() {
            for case .glyphs(let run) in page.items where run.origin.x + run.width > right + 3 {
                out.append(Finding(severity: .warning, kind: "overfull-line", message: "text passes the right margin on page \(i + 1): “\(run.text.suffix(30))”",
                                   location: nil, edition: edition))
            }
        }
        return out
    }

    static func finding(_ error: Error, kind: String, edition: String?) -> Finding {
        if let e = error as? FolioError {
            return Finding(severity: .error, kind: kind, message: e.message + (e.hint.map { " (\($0))" } ?? ""), location: e.location, edition: edition)
        }
        return Finding(severity: .error, kind: kind, message: "\(error)", location: nil, edition: edition)
    }
}
