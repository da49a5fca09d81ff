import Foundation
import FolioDisplay
import FolioLayout
import FolioModel
import FolioUnicode

/// A diagnostic: a finding of `folio check`, an error or a warning of any command. Its JSON form is the one
/// schema of docs/cli.md: `file`, `line`, `column`, `severity`, `code`, `message`, `hint`, `edition`, every key
/// present (null when not known).
public struct Finding: Sendable, Encodable {
    /// Errors fail the check; warnings are risks; notes inform.
    public enum Severity: String, Sendable, Encodable { case error, warning, note }
    public var severity: Severity
    /// What the finding is about; its raw value is the stable code machines read.
    public var kind: DiagnosticKind
    public var message: String
    /// What to do about it, when Folio knows.
    public var hint: String?
    public var location: SourceLocation?
    public var edition: String?

    public var text: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): " + (edition.map { "[\($0)] " } ?? "") + message
            + (hint.map { "\n  hint: \($0)" } ?? "")
    }

    /// A warning of reading or laying out an edition, as a finding.
    public init(_ warning: Warning, edition: String?) {
        self.init(severity: .warning, kind: warning.kind, message: warning.message, location: warning.location, edition: edition)
    }

    /// An error that stopped a report or an edition, as a finding (code `model` for the input's errors, `io` for
    /// files that could not be read or written, `internal` otherwise).
    public init(error: Error, edition: String?) {
        switch error {
        case let e as FolioError:
            self.init(severity: .error, kind: .model, message: e.message, hint: e.hint, location: e.location, edition: edition)
        case let e as EngineError:
            self.init(severity: .error, kind: .io, message: e.reason, hint: nil, location: nil, edition: edition)
        default:
            self.init(severity: .error, kind: .internalError, message: "\(error)", hint: nil, location: nil, edition: edition)
        }
    }

    public init(severity: Severity, kind: DiagnosticKind, message: String, hint: String? = nil, location: SourceLocation?, edition: String?) {
        self.severity = severity; self.kind = kind; self.message = message; self.hint = hint; self.location = location; self.edition = edition
    }

    enum CodingKeys: String, CodingKey { case severity, code, message, hint, edition, file, line, column }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(kind, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(hint, forKey: .hint)
        try c.encode(edition, forKey: .edition)
        try c.encode(location?.file, forKey: .file)
        // Line and column 0 mean "the whole file".
        try c.encode(location.flatMap { $0.line > 0 ? $0.line : nil }, forKey: .line)
        try c.encode(location.flatMap { $0.column > 0 ? $0.column : nil }, forKey: .column)
    }

    /// Findings with one error shared by several editions (a layout both use) folded into one, without an edition.
    public static func folded(_ findings: [Finding]) -> [Finding] {
        var out: [Finding] = []
        for f in findings {
            if f.severity == .error, let i = out.firstIndex(where: { $0.severity == .error && $0.message == f.message && $0.location == f.location && $0.kind == f.kind }) {
                out[i].edition = nil
            } else {
                out.append(f)
            }
        }
        return out
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
            return ([Finding(error: error, edition: nil)], [])
        }
        var findings: [Finding] = []
        var figures: [EditionFigures] = []
        var languageRule: [String]? = nil
        for edition in report.editions where editions.isEmpty || editions.contains(edition.code) {
            let laid: Engine.LaidOut
            do { laid = try engine.layOut(report: report, edition: edition, layoutName: layout) } catch {
                findings.append(Finding(error: error, edition: edition.code))
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
        return (Finding.folded(findings), figures)
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

    /// Text that reaches past the text block's end edge, the right (the left in a right-to-left edition, whose
    /// paragraph numbers hang into the right margin), which layout should never produce.
    func overfull(_ laid: Engine.LaidOut) -> [Finding] {
        let p = laid.layout.page
        let right = p.width.points - p.marginOuter.points, left = p.marginInner.points
        let rightToLeft = Bidi.isRightToLeft(language: laid.edition.lang)
        var out: [Finding] = []
        for (i, page) in laid.document.pages.enumerated() {
            for case .glyphs(let run) in page.items where rightToLeft ? run.origin.x < left - 3 : run.origin.x + run.width > right + 3 {
                out.append(Finding(severity: .warning, kind: .overfullLine,
                                   message: "text passes the \(rightToLeft ? "left" : "right") margin on page \(i + 1): “\(run.text.suffix(30))”",
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

    /// Internal links must land on a heading's or a figure's anchor.
    func brokenLinks(_ laid: Engine.LaidOut) -> [Finding] {
        let document = laid.content
        let anchors = Set(document.headings.map(\.anchor) + document.figures.map(\.anchor))
        return document.links.filter { $0.url.hasPrefix("#") && !anchors.contains(String($0.url.dropFirst())) }.map { link in
            let anchor = String(link.url.dropFirst())
            return Finding(severity: .error, kind: .brokenLink,
                           message: "link to '#\(anchor)' has no heading or figure with that anchor" +
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
                               message: "\(words) words, \(words - limit) over the limit of \(limit) for \(joint ? "a joint" : "an individual") submission (\(rules.countFootnotes ? "footnotes included" : "footnotes not counted"); headings, lists, quotes and tables count)",
                               hint: "shorten the text by \(words - limit) words",
                               location: SourceLocation(file: FileSystem.local.join(report.directory, edition.content), line: 0, column: 0),
                               edition: edition.code))
        }
        for (i, org) in report.organizations.enumerated() where org.logo != nil && !laid.layout.cover.enabled {
            out.append(Finding(severity: .warning, kind: .ignoredField,
                               message: "the logo of \(org.short) is not printed: the layout '\(laid.layout.name)' has no cover",
                               hint: "use a layout with a cover (such as 'report'), or remove the logo",
                               location: report.location(ofField: ["organizations", "\(i)", "logo"]), edition: edition.code))
        }
        if rules.numberedParagraphs && !laid.layout.numberedParagraphs.enabled {
            out.append(Finding(severity: .error, kind: .numberedParagraphs,
                               message: "submissions must number their paragraphs: the layout '\(laid.layout.name)' does not",
                               location: report.location(ofField: ["layout"]), edition: edition.code))
        }
        return (out, words)
    }
}
