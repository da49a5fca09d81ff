import Foundation
import FolioDisplay
import FolioLayout
import FolioModel

/// A finding of `folio check`: where, how bad, what.
public struct Finding: Sendable, Encodable {
    /// Errors fail the check; warnings are risks; notes inform.
    public enum Severity: String, Sendable, Encodable { case error, warning, note }
    public var severity: Severity
    /// What the finding is about; its raw value is the stable code machines read.
    public var kind: DiagnosticKind
    public var message: String
    public var location: SourceLocation?
    public var edition: String?

    public var text: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): " + (edition.map { "[\($0)] " } ?? "") + message
    }

    /// A warning of reading or laying out an edition, as a finding.
    init(_ warning: Warning, edition: String) {
        self.init(severity: .warning, kind: warning.kind, message: warning.message, location: warning.location, edition: edition)
    }

    init(severity: Severity, kind: DiagnosticKind, message: String, location: SourceLocation?, edition: String?) {
        self.severity = severity; self.kind = kind; self.message = message; self.location = location; self.edition = edition
    }

    enum CodingKeys: String, CodingKey { case severity, kind, message, edition, file, line, column }

    /// The location's parts are keys of their own (`file`, `line`, `column`), present when the finding has one.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(kind, forKey: .kind)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(edition, forKey: .edition)
        if let location {
            try c.encode(location.file, forKey: .file)
            try c.encode(location.line, forKey: .line)
            try c.encode(location.column, forKey: .column)
        }
    }
}

/// An edition's size, as `folio check` reports it.
public struct EditionFigures: Sendable, Encodable {
    public var edition: String
    public var pages: Int
    public var words: Int
}

/// Everything wrong or risky in a report, without writing a PDF: model and layout errors, characters no
/// font has, loose or overfull lines, headings at a page's end, broken internal links, and the submission
/// rules of the layout (word limit, numbered paragraphs, language).
public struct Checker {
    public let engine: Engine
    public init(engine: Engine) { self.engine = engine }

    /// Findings and per-edition figures (pages, words).
    public func check(directory: String, editions: [String] = [], layout: String? = nil) -> (findings: [Finding], figures: [EditionFigures]) {
        let report: Report
        do { report = try Report.load(directory: directory) } catch {
            return ([Self.finding(error, kind: .model, edition: nil)], [])
        }
        var findings: [Finding] = []
        var figures: [EditionFigures] = []
        var languageRule: [String]? = nil
        for edition in report.editions where editions.isEmpty || editions.contains(edition.code) {
            let laid: Engine.LaidOut
            do { laid = try engine.layOut(report: report, edition: edition, layoutName: layout) } catch {
                findings.append(Self.finding(error, kind: .model, edition: edition.code))
                continue
            }
            let (found, words) = self.findings(of: laid)
            findings += found
            if !laid.layout.checks.languages.isEmpty { languageRule = laid.layout.checks.languages }
            figures.append(EditionFigures(edition: edition.code, pages: laid.document.pages.count, words: words))
        }
        // A submission needs one edition in a language the UN accepts; other editions are for other readers.
        if let accepted = languageRule, !report.editions.contains(where: { accepted.contains(String($0.lang.prefix(2))) }) {
            findings.append(Finding(severity: .error, kind: .language,
                                    message: "no edition is in a language the UN accepts for submissions (\(accepted.joined(separator: ", "))): add one",
                                    location: report.location(ofField: ["editions"]), edition: nil))
        }
        return (findings, figures)
    }

    /// The findings of one laid-out edition, and its word count: what `folio check` says of it, and what
    /// `folio render` and `folio batch` print after writing it.
    public func findings(of laid: Engine.LaidOut) -> (findings: [Finding], words: Int) {
        let (rules, words) = submissionRules(laid)
        return (warnings(laid) + overfull(laid) + headingsAtPageEnd(laid) + brokenLinks(laid) + rules, words)
    }

    /// The warnings of reading and laying out, the notes of words broken, and very loose lines (once per paragraph).
    func warnings(_ laid: Engine.LaidOut) -> [Finding] {
        let code = laid.edition.code
        var out = (laid.warnings + laid.layoutReport.emergencyNotes).map { Finding($0, edition: code) }
        var seen = Set<SourceLocation>()
        for at in laid.layoutReport.lineStats.loose where seen.insert(at).inserted {
            out.append(Finding(severity: .warning, kind: .looseLine,
                               message: "a very loose line (spaces more than twice their width): rephrase, or allow hyphenation",
                               location: at, edition: code))
        }
        return out
    }

    /// Text that reaches past the text block's right edge (which layout should never produce).
    func overfull(_ laid: Engine.LaidOut) -> [Finding] {
        let p = laid.layout.page
        let right = p.width.points - p.marginOuter.points
        var out: [Finding] = []
        for (i, page) in laid.document.pages.enumerated() {
            for case .glyphs(let run) in page.items where run.origin.x + run.width > right + 3 {
                out.append(Finding(severity: .warning, kind: .overfullLine, message: "text passes the right margin on page \(i + 1): “\(run.text.suffix(30))”",
                                   location: nil, edition: laid.edition.code))
            }
        }
        return out
    }

    func headingsAtPageEnd(_ laid: Engine.LaidOut) -> [Finding] {
        laid.layoutReport.pageMap.enumerated().filter(\.element.endsWithHeading).map { i, page in
            Finding(severity: .warning, kind: .headingAtPageEnd, message: "page \(i + 1) ends with a heading",
                    location: page.lastSource, edition: laid.edition.code)
        }
    }

    /// Internal links must land on a heading's anchor.
    func brokenLinks(_ laid: Engine.LaidOut) -> [Finding] {
        let document = laid.content
        let anchors = Set(document.headings.map(\.anchor))
        return document.links.filter { $0.url.hasPrefix("#") && !anchors.contains(String($0.url.dropFirst())) }.map { link in
            let anchor = String(link.url.dropFirst())
            return Finding(severity: .error, kind: .brokenLink,
                           message: "link to '#\(anchor)' has no heading with that anchor" +
                               (Spelling.nearest(to: anchor, in: Array(anchors)).map { "; did you mean '#\($0)'?" } ?? ""),
                           location: link.at, edition: laid.edition.code)
        }
    }

    /// The layout's submission rules for one edition (word limit, numbered paragraphs), and its word count.
    func submissionRules(_ laid: Engine.LaidOut) -> (findings: [Finding], words: Int) {
        let (report, edition, rules) = (laid.report, laid.edition, laid.layout.checks)
        var out: [Finding] = []
        let words = laid.content.wordCount(includeFootnotes: rules.countFootnotes)
        let joint = report.organizations.count > 1
        let limit = joint ? rules.wordLimitJoint : rules.wordLimit
        if limit > 0 && words > limit {
            out.append(Finding(severity: .error, kind: .wordLimit,
                               message: "\(words) words, over the limit of \(limit) for \(joint ? "a joint" : "an individual") submission (\(rules.countFootnotes ? "footnotes included" : "footnotes not counted"); headings, lists, quotes and tables count)",
                               location: SourceLocation(file: report.fileName(of: edition), line: 0, column: 0), edition: edition.code))
        }
        if rules.numberedParagraphs && !laid.layout.numberedParagraphs.enabled {
            out.append(Finding(severity: .error, kind: .numberedParagraphs,
                               message: "submissions must number their paragraphs: the layout '\(laid.layout.name)' does not",
                               location: report.location(ofField: ["layout"]), edition: edition.code))
        }
        return (out, words)
    }

    static func finding(_ error: Error, kind: DiagnosticKind, edition: String?) -> Finding {
        if let e = error as? FolioError {
            return Finding(severity: .error, kind: kind, message: e.message + (e.hint.map { " (\($0))" } ?? ""), location: e.location, edition: edition)
        }
        return Finding(severity: .error, kind: kind, message: "\(error)", location: nil, edition: edition)
    }
}
